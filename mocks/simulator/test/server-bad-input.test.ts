import { describe, expect, it } from 'vitest';
import { rawRequest, rawSocket, serversClosedAfterEach } from './server-support.js';

const startServer = serversClosedAfterEach();

describe('listen(): bad input gets a clear answer, never a crash', () => {
  it('answers bad percent-encoding with 400 JSON and keeps serving', async () => {
    const running = await startServer();
    const raw = await rawSocket(
      running.base,
      'GET /counter/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"error":"BAD_REQUEST"');
    expect(raw).toContain('percent-encoding');
    expect((await rawRequest(running.base, 'GET', '/counter/hits')).status).toBe(200);
  });

  it('answers absolute-form garbage and non-HTTP bytes with 400', async () => {
    const running = await startServer();
    const garbageTarget = await rawSocket(
      running.base,
      'GET ftp://x/y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(garbageTarget).toMatch(/^HTTP\/1\.1 400/);
    const badUrl = await rawSocket(
      running.base,
      'GET http://[::1/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(badUrl).toMatch(/^HTTP\/1\.1 400/);
    const notHttp = await rawSocket(running.base, '\x16\x03\x01 hello garbage\r\n\r\n');
    expect(notHttp).toMatch(/^HTTP\/1\.1 400/);
    expect((await rawRequest(running.base, 'GET', '/counter/hits')).status).toBe(200);
  });

  it('accepts an absolute-form target (as proxies send) and routes it by path', async () => {
    const running = await startServer();
    const raw = await rawSocket(
      running.base,
      'GET http://example.test/counter/hits HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw).toContain('"hits":1');
  });

  it('refuses a declared body over the limit with 413 before reading it', async () => {
    const running = await startServer({}, { maxBodyBytes: 1024 });
    const res = await rawRequest(running.base, 'POST', '/counter/echo', Buffer.alloc(4096, 'a'), {
      'content-type': 'text/plain',
    }).catch((error: unknown) => error as Error);
    // The server answers 413 and closes; depending on timing the client may see the answer or a reset.
    if (res instanceof Error) {
      expect((res as NodeJS.ErrnoException).code).toMatch(/ECONNRESET|EPIPE/);
    } else {
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', limit: 1024 });
    }
    const raw = await rawSocket(
      running.base,
      'POST /counter/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\nabc',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 413/);
    expect(raw).toContain('PAYLOAD_TOO_LARGE');
    expect(running.sim.journal.count({ operation: 'echo.post' })).toBe(0);
  });

  it('stops a chunked body that crosses the limit with 413', async () => {
    const running = await startServer({}, { maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(800);
    const payload = `POST /counter/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${(800).toString(16)}\r\n${chunk}\r\n${(800).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
    const raw = await rawSocket(running.base, payload);
    expect(raw).toMatch(/^HTTP\/1\.1 413/);
  });

  it('accepts a body just under the limit', async () => {
    const running = await startServer({}, { maxBodyBytes: 1024 });
    const res = await rawRequest(running.base, 'POST', '/counter/echo', Buffer.alloc(1024, 'a'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ bytes: 1024 });
  });

  it('answers a malformed JSON body on the control API with 400 naming the body', async () => {
    const running = await startServer();
    const res = await rawRequest(running.base, 'POST', '/__goskit/clock/advance', '{"duration":', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'INVALID_JSON', field: 'body' });
  });

  it('answers an unknown control path with 404 naming the nearest control route', async () => {
    const running = await startServer();
    const res = await rawRequest(running.base, 'GET', '/__goskit/scenario');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).message).toContain('nearest: GET /__goskit/scenarios');
    const wrongMethod = await rawRequest(running.base, 'PUT', '/__goskit/clock');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('answers an unknown scenario with 400 listing the valid ones', async () => {
    const running = await startServer();
    const res = await rawRequest(running.base, 'POST', '/__goskit/scenarios/flakey/enable');
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error).toBe('UNKNOWN_SCENARIO');
    expect(body.valid).toContain('flaky');
    expect(body.message).toContain('flaky');
  });
});
