/**
 * The webhook endpoint on a real node:http server on 127.0.0.1, both ways (the fetch handler through a
 * small Request bridge, and the node listener): only POST, the secret header compared in constant
 * time (missing, wrong, wrong length → 401), bounded bodies (413 before reading the rest), a bad
 * envelope → 400, and 200 only once `onUpdate` has resolved — a failing store answers 500 so MAX
 * delivers again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMaxWebhookHandler,
  createMaxWebhookNodeListener,
  type MaxIncomingUpdate,
  MaxInputError,
  type MaxWebhookOptions,
} from '../src/max.js';

const SECRET = 'school-bot_secret-42';
const update = {
  update_type: 'bot_added',
  timestamp: 1_788_242_400_000,
  chat_id: -70000000000001,
  user: { user_id: 1 },
};

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Serves a fetch handler over node:http (what a framework adapter does). */
function bridge(handler: (request: Request) => Promise<Response>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') {
          headers.set(name, value);
        }
      }
      const init: RequestInit = { method: req.method ?? 'GET', headers };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        init.body = Buffer.concat(chunks);
      }
      const response = await handler(new Request(`http://127.0.0.1${req.url}`, init));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  };
}

async function serve(kind: 'fetch' | 'node', options: MaxWebhookOptions): Promise<string> {
  const listener =
    kind === 'node' ? createMaxWebhookNodeListener(options) : bridge(createMaxWebhookHandler(options));
  server = createServer(listener);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/max/webhook`;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-max-bot-api-secret': SECRET, ...headers },
    body,
  });

describe.each(['fetch', 'node'] as const)('webhook endpoint (%s)', (kind) => {
  it('answers 200 only after the update is stored', async () => {
    const stored: MaxIncomingUpdate[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const url = await serve(kind, {
      secret: SECRET,
      onUpdate: async (incoming) => {
        await gate;
        stored.push(incoming);
      },
    });
    let answered = false;
    const pending = post(url, JSON.stringify(update)).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(stored).toEqual([update]);
  });

  it('refuses a missing, wrong or differently long secret with 401 and never calls onUpdate', async () => {
    const stored: unknown[] = [];
    const refusals: unknown[] = [];
    const url = await serve(kind, {
      secret: SECRET,
      onUpdate: (u) => stored.push(u),
      onError: (e) => refusals.push(e),
    });
    const noHeader = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noHeader.status).toBe(401);
    expect(
      (await post(url, JSON.stringify(update), { 'x-max-bot-api-secret': `${SECRET.slice(0, -1)}x` })).status,
    ).toBe(401);
    expect(
      (await post(url, JSON.stringify(update), { 'x-max-bot-api-secret': `${SECRET}${SECRET}` })).status,
    ).toBe(401);
    expect((await post(url, JSON.stringify(update), { 'x-max-bot-api-secret': '' })).status).toBe(401);
    expect(stored).toEqual([]);
    expect(refusals).toEqual(Array(4).fill({ status: 401, reason: 'secret' }));
    const body = await (await post(url, '{}', { 'x-max-bot-api-secret': 'nope!' })).text();
    expect(body).not.toContain(SECRET);
  });

  it('answers 405 to other methods, 415 to non-JSON, 400 to bad JSON or envelope, 413 to big bodies', async () => {
    const stored: unknown[] = [];
    const url = await serve(kind, { secret: SECRET, onUpdate: (u) => stored.push(u), maxBodyBytes: 1024 });
    const get = await fetch(url, { headers: { 'x-max-bot-api-secret': SECRET } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post(url, 'x=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(
      415,
    );
    expect((await post(url, '{not json')).status).toBe(400);
    expect((await post(url, '[1,2]')).status).toBe(400);
    expect((await post(url, '{"__proto__":{"update_type":"x"},"timestamp":1}')).status).toBe(400);
    expect((await post(url, JSON.stringify({ ...update, padding: 'я'.repeat(600) }))).status).toBe(413);
    expect(stored).toEqual([]);
    // A streamed body without Content-Length is cut off at the bound too.
    const streamed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-max-bot-api-secret': SECRET },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(`{"update_type":"x","timestamp":1,"p":"${'a'.repeat(2000)}"}`),
          );
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 500 when storing fails, so MAX delivers the update again', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const url = await serve(kind, {
      secret: SECRET,
      onUpdate: () => {
        attempts += 1;
        if (attempts === 1) {
          throw new Error('database is down');
        }
      },
      onError: (error) => errors.push(error),
    });
    const failed = await post(url, JSON.stringify(update));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('database');
    expect((await post(url, JSON.stringify(update))).status).toBe(200);
    expect(attempts).toBe(2);
    expect(errors).toEqual([new Error('database is down')]);
  });
});

describe('webhook options', () => {
  it('refuse a secret MAX would refuse, naming the field', () => {
    const onUpdate = () => undefined;
    expect(() => createMaxWebhookHandler({ secret: 'abc', onUpdate })).toThrowError(MaxInputError);
    expect(() => createMaxWebhookHandler({ secret: 'with space', onUpdate })).toThrowError(/secret/);
    expect(() => createMaxWebhookNodeListener({ secret: SECRET, onUpdate, maxBodyBytes: 0 })).toThrowError(
      /maxBodyBytes/,
    );
  });
});
