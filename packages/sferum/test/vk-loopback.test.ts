/**
 * The VK client over real sockets: a node:http server on 127.0.0.1 (port 0) answers like VK, resets
 * connections, and throttles with error 6 in a 200 body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError } from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVkClient } from '../src/index.js';

type Handler = (method: string, form: URLSearchParams, req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler = () => {};
const seen: { method: string; form: URLSearchParams; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/vk\/method\//, '');
      const form = new URLSearchParams(body);
      seen.push({ method, form, authorization: req.headers.authorization });
      handler(method, form, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vk`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (res: ServerResponse, value: unknown) => {
  const text = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

function client(tokenIn: 'body' | 'header' = 'body') {
  return createVkClient({
    token: 'loopback-token',
    tokenKind: 'community',
    environment: { baseUrl: base },
    tokenIn,
    retry: { limit: 2, backoff: { baseMs: 1, capMs: 2 } },
    throttlePauseMs: 5,
  });
}

describe('VK client on a loopback server', () => {
  it('posts forms to <base>/method/<name> with the token where asked', async () => {
    seen.length = 0;
    handler = (method, form, _req, res) => json(res, { response: { method, v: form.get('v') } });
    expect(await client().call('users.get', { user_ids: [1, 2] })).toEqual({
      method: 'users.get',
      v: '5.199',
    });
    expect(seen[0]!.form.get('access_token')).toBe('loopback-token');
    expect(seen[0]!.form.get('user_ids')).toBe('1,2');
    await client('header').call('users.get');
    expect(seen[1]!.authorization).toBe('Bearer loopback-token');
    expect(seen[1]!.form.has('access_token')).toBe(false);
  });

  it('retries a reset connection and error 6 for a safe method', async () => {
    seen.length = 0;
    handler = (_method, _form, req, res) => {
      if (seen.length === 1) {
        req.socket.destroy();
      } else if (seen.length === 2) {
        json(res, {
          error: { error_code: 6, error_msg: 'Too many requests per second', request_params: [] },
        });
      } else {
        json(res, { response: 1 });
      }
    };
    expect(await client().messages.editChat({ chat_id: 1, title: 'T' })).toBe(1);
    expect(seen).toHaveLength(3);
  });

  it('does not repeat createChat after a reset connection', async () => {
    seen.length = 0;
    handler = (_method, _form, req) => req.socket.destroy();
    await expect(client().messages.createChat({ title: 'T' })).rejects.toBeInstanceOf(NetworkError);
    expect(seen).toHaveLength(1);
  });
});
