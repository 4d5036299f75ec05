/**
 * The standalone server against the hostile probe of issue 9 §2–§3, over real HTTP on 127.0.0.1:
 * control API reachable only from allowed hosts and own-origin JSON writes, control inputs that
 * used to break the process, ReDoS-shaped journal patterns, huge 404 paths, CR/LF redirects,
 * and large bodies that are refused unread or journaled as a bounded excerpt.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toPattern } from '../src/control/journal-query.js';
import { createSimulator } from '../src/create-simulator.js';
import { SafeRegExp } from '../src/engine/faults/safe-pattern.js';
import { levenshtein, MAX_COMPARED_CHARS } from '../src/engine/levenshtein.js';
import type { Simulator, SimulatorServer } from '../src/engine/types.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { bearer, multipart, orderArchive } from './epgu-support.js';
import { rawRequest } from './server-support.js';

let open: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(open.map((server) => server.close()));
  open = [];
});

async function serve(options: Parameters<Simulator['listen']>[0] & { allowedHosts?: string[] } = {}) {
  const sim = createSimulator({
    seed: 'hardening',
    portals: [esiaPortal(), epguPortal({ auth: 'any-bearer' })],
  });
  const server = await sim.listen({ port: 0, ...options });
  open.push(server);
  return { sim, server, base: server.url };
}

const json = (body: unknown) => JSON.stringify(body);

describe('control API: who may call it', () => {
  it('refuses a DNS-rebinding Host, allows IP literals, localhost and configured hosts', async () => {
    const { base } = await serve({ allowedHosts: ['goskit-sim'] } as never);
    const rebind = await rawRequest(base, 'POST', '/__goskit/reset', undefined, {
      host: 'rebind.attacker.example',
    });
    expect(rebind.status).toBe(403);
    expect(JSON.parse(rebind.body)).toMatchObject({ error: 'HOST_NOT_ALLOWED' });
    expect(
      (await rawRequest(base, 'GET', '/__goskit/health', undefined, { host: 'rebind.attacker.example:4010' }))
        .status,
    ).toBe(403);
    for (const host of [
      '127.0.0.1:4010',
      'localhost:4010',
      'app.localhost',
      '[::1]:4010',
      'goskit-sim:4010',
    ]) {
      expect((await rawRequest(base, 'GET', '/__goskit/health', undefined, { host })).status, host).toBe(200);
    }
  });

  it('refuses writes from another local page (same-site, text/plain) and non-JSON bodies; --cors origins may write', async () => {
    const { base, sim } = await serve({ cors: ['http://localhost:3000'] });
    sim.faults.enable('slow');
    const fromPage = await rawRequest(base, 'POST', '/__goskit/reset', '{}', {
      'content-type': 'text/plain',
      'sec-fetch-site': 'same-site',
      origin: 'http://localhost:5173',
    });
    expect(fromPage.status).toBe(403);
    const plain = await rawRequest(base, 'POST', '/__goskit/reset', '{}', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const form = await rawRequest(base, 'POST', '/__goskit/clock/advance', 'duration=PT1H', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(sim.faults.active()).toEqual(['slow']);
    const allowed = await rawRequest(base, 'POST', '/__goskit/reset', '{}', {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-site',
      origin: 'http://localhost:3000',
    });
    expect(allowed.status).toBe(200);
    expect(sim.faults.active()).toEqual([]);
  });
});

describe('control inputs that used to break every route', () => {
  it('clock/advance and clock/set out of range → 400, the clock unchanged, routes still answer', async () => {
    const { base, sim } = await serve();
    const before = sim.clock.now();
    const post = (path: string, body: unknown) =>
      rawRequest(base, 'POST', `/__goskit${path}`, json(body), { 'content-type': 'application/json' });
    expect((await post('/clock/advance', { duration: 1e308 })).status).toBe(400);
    expect((await post('/clock/advance', { duration: 'P999999999D' })).status).toBe(400);
    expect((await post('/clock/set', { time: '+275760-09-13T00:00:00Z' })).status).toBe(400);
    expect((await post('/clock/set', { time: 8.64e15 })).status).toBe(400);
    expect(sim.clock.now()).toBe(before);
    expect((await rawRequest(base, 'GET', '/esia/aas/oauth2/jwks')).status).toBe(200);
    const clock = JSON.parse((await rawRequest(base, 'GET', '/__goskit/clock')).body);
    expect(clock).toMatchObject({ mode: 'frozen', ms: before });
  });

  it('a rule with a bad header name, a CR/LF value or a 5 000-deep body is refused when added', async () => {
    const { base, sim } = await serve();
    const add = (effect: string) =>
      rawRequest(base, 'POST', '/__goskit/rules', `{"portal":"esia","effect":${effect}}`, {
        'content-type': 'application/json',
      });
    const deep = `${'{"d":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;
    for (const effect of [
      json({ headers: { 'bad header': 'x' } }),
      json({ headers: { 'x-ok': 'a\r\nset-cookie: y' } }),
      `{"status":200,"body":${deep}}`,
      json({ contentType: 'text/html\r\nx: y' }),
    ]) {
      const answer = await add(effect);
      expect(answer.status, answer.body).toBe(400);
    }
    expect(sim.faults.rules()).toEqual([]);
    expect((await rawRequest(base, 'GET', '/esia/aas/oauth2/jwks')).status).toBe(200);
  });

  it('journal pathRegex runs in the linear-time matcher: ^/(a+)+$ on a long path answers at once', async () => {
    const { base } = await serve();
    expect(toPattern({ pathRegex: '^/(a+)+$' }, 'query').path).toBeInstanceOf(SafeRegExp);
    await rawRequest(base, 'GET', `/esia/${'a'.repeat(40)}!`);
    const counted = await rawRequest(
      base,
      'GET',
      `/__goskit/journal/count?pathRegex=${encodeURIComponent('^/(a+)+$')}`,
    );
    expect(JSON.parse(counted.body)).toEqual({ count: 0 });
    const refused = await rawRequest(
      base,
      'GET',
      `/__goskit/journal/count?pathRegex=${encodeURIComponent('(a)\\1')}`,
    );
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ field: 'query.pathRegex' });
    // Fault rules' '/…/' paths go through the same matcher.
    const rule = await rawRequest(
      base,
      'POST',
      '/__goskit/rules',
      json({ path: '/^\\/(a+)+$/', effect: { status: 503 } }),
      {
        'content-type': 'application/json',
      },
    );
    expect(rule.status).toBe(201);
    expect((await rawRequest(base, 'GET', `/esia/${'a'.repeat(40)}!`)).status).toBe(404);
  }, 10_000);
});

describe('404 on a huge path', () => {
  it('compares at most MAX_COMPARED_CHARS characters and still names the nearest route', async () => {
    expect(levenshtein('a'.repeat(15_000), 'b')).toBeLessThanOrEqual(MAX_COMPARED_CHARS);
    const { base } = await serve();
    const answer = await rawRequest(base, 'GET', `/esia/aas/oauth2/jwkz${'x'.repeat(15_000)}`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).nearest).toMatch(/^GET \//);
  });
});

describe('ESIA logout redirect_url', () => {
  it('CR/LF and non-ASCII in a registered redirect_url → a percent-encoded Location, never a 500', async () => {
    const { base } = await serve();
    const target = 'http://localhost/done%0d%0aSet-Cookie:%20x=1/%D0%BF%D1%83%D1%82%D1%8C';
    const answer = await rawRequest(
      base,
      'GET',
      `/esia/idp/ext/Logout?client_id=GOSKIT_DEMO&redirect_url=${target}`,
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('http://localhost/doneSet-Cookie:%20x=1/%D0%BF%D1%83%D1%82%D1%8C');
    expect(answer.headers['set-cookie']).toEqual([expect.stringMatching(/^esia_sid=;/)]);
  });
});

/** Sends headers announcing `total` bytes, then only `sent` of them; resolves with the answer that arrives meanwhile. */
function partialUpload(
  base: string,
  path: string,
  headers: Record<string, string>,
  total: number,
  sent: Buffer,
) {
  const url = new URL(base);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-length': String(total) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') {
        reject(error);
      }
    });
    req.write(sent);
    // Never finishes the body: only an answer given before reading it all can arrive.
  });
}

describe('large bodies', () => {
  it('an unauthenticated 50 MB push is refused before its body is read', async () => {
    const { base, sim } = await serve();
    const answer = await partialUpload(
      base,
      '/epgu/api/gusmev/push',
      { 'content-type': 'multipart/form-data; boundary=x' },
      50_000_000,
      Buffer.alloc(256 * 1024),
    );
    expect(answer.status).toBe(401);
    const [entry] = sim.journal.find({ portal: 'epgu', operation: 'push' });
    expect(entry?.status).toBe(401);
    expect(entry?.requestBodyBytes).toBeUndefined();
  }, 10_000);

  it('the journal keeps a bounded excerpt of a large body, with the size and SHA-256 of the whole', async () => {
    const { base, sim } = await serve();
    const archive = orderArchive(3 * 1024 * 1024);
    const { body, contentType } = multipart([
      {
        name: 'meta',
        value: json({ region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' }),
      },
      { name: 'file', value: archive, filename: 'req.zip', contentType: 'application/zip' },
    ]);
    const answer = await rawRequest(base, 'POST', '/epgu/api/gusmev/push', Buffer.from(body), {
      'content-type': contentType,
      authorization: `Bearer ${bearer()}`,
    });
    expect(answer.status, answer.body).toBe(200);
    const [entry] = sim.journal.find({ operation: 'push' });
    expect(entry?.requestBodyBytes).toBe(body.byteLength);
    expect(entry?.requestBodySha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(entry?.requestBody?.length).toBeLessThanOrEqual(4096 + '…[truncated]'.length);
    expect(entry?.requestBody).toMatch(/…\[truncated\]$/);
  });
});
