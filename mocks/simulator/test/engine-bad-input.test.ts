import { describe, expect, it } from 'vitest';
import { Router } from '../src/engine/router.js';
import { createSimulator } from '../src/index.js';
import { jsonOf, simRequest } from './fixtures/requests.js';
import { testPortal } from './fixtures/test-portal.js';

describe('router', () => {
  const router = new Router([
    { method: 'GET', path: '/a/b', operation: 'ab', handler: () => ({ status: 200, headers: {} }) },
    { method: 'POST', path: '/a/b', operation: 'ab.post', handler: () => ({ status: 200, headers: {} }) },
    {
      method: 'GET',
      path: '/users/:id/posts/:post',
      operation: 'post',
      handler: () => ({ status: 200, headers: {} }),
    },
    {
      method: 'DELETE',
      path: '/users/:id',
      operation: 'user.delete',
      handler: () => ({ status: 200, headers: {} }),
    },
    { method: 'GET', path: '/files/*', operation: 'files', handler: () => ({ status: 200, headers: {} }) },
  ]);

  it('matches static paths, params, wildcards and HEAD as GET', () => {
    expect(router.match('GET', '/a/b/')).toMatchObject({ kind: 'found', route: { operation: 'ab' } });
    expect(router.match('post', '/a/b')).toMatchObject({ kind: 'found', route: { operation: 'ab.post' } });
    expect(router.match('GET', '/users/7/posts/9')).toMatchObject({
      kind: 'found',
      params: { id: '7', post: '9' },
    });
    expect(router.match('GET', '/files/x/y.txt')).toMatchObject({
      kind: 'found',
      params: { '*': 'x/y.txt' },
    });
    expect(router.match('HEAD', '/a/b')).toMatchObject({ kind: 'found', route: { operation: 'ab' } });
  });

  it('answers 405 data with Allow, and the nearest route for 404', () => {
    expect(router.match('PUT', '/a/b')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] });
    expect(router.match('GET', '/users/7')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE'] });
    expect(router.match('GET', '/a/c')).toEqual({ kind: 'not-found', nearest: 'GET /a/b' });
  });
});

describe('bad input never crashes the engine', () => {
  const sim = createSimulator({
    portals: [testPortal],
    rateLimits: { test: { ratePerSecond: 1e9, burst: 1e9 } },
  });

  it('unknown path → 404 naming the nearest route and the portal; wrong method → 405 + Allow', async () => {
    const missing = await sim.handle(simRequest('/note'));
    expect(missing.status).toBe(404);
    expect(jsonOf(missing)).toMatchObject({ portal: 'test', nearest: 'GET /notes' });
    const wrong = await sim.handle(simRequest('/counter', { method: 'DELETE' }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    const unknownPortal = await sim.handle(simRequest('/x', { portal: 'nope' }));
    expect(unknownPortal.status).toBe(404);
    expect(jsonOf(unknownPortal).portals).toEqual(['test']);
  });

  it('malformed JSON and form bodies → 400 naming the field and rule', async () => {
    const json = (body: string, type = 'application/json') =>
      sim
        .handle(simRequest('/notes', { method: 'POST', headers: { 'content-type': type }, body }))
        .then(jsonOf);
    expect(await json('{not json')).toMatchObject({ error: 'bad_request', field: '(body)', rule: 'json' });
    expect(await json('')).toMatchObject({ field: '(body)', rule: 'required' });
    expect(await json('{"text":""}')).toMatchObject({ field: 'text', rule: 'too_small' });
    expect(await json('{"text":1}')).toMatchObject({ field: 'text', rule: 'invalid_type' });
    expect(await json('text=1', 'text/plain')).toMatchObject({ rule: 'content-type' });
    const form = (body: string, type = 'application/x-www-form-urlencoded') =>
      sim.handle(simRequest('/form', { method: 'POST', headers: { 'content-type': type }, body }));
    expect(jsonOf(await form('name=Оля'))).toEqual({ name: 'Оля' });
    expect(jsonOf(await form('name=a'))).toMatchObject({ field: 'name', rule: 'too_small' });
    expect((await form('{"name":"x"}', 'application/json')).status).toBe(400);
    expect(sim.journal.find({ status: 400 }).length).toBeGreaterThanOrEqual(7);
  });

  it('a throwing handler → 500 JSON with a redacted message and the seed, plus a journal entry', async () => {
    const response = await sim.handle(simRequest('/boom'));
    expect(response.status).toBe(500);
    const body = jsonOf(response);
    expect(body).toMatchObject({ error: 'internal', seed: 'goskit' });
    expect(String(body.message)).toContain('exploded');
    expect(String(body.message)).not.toContain('abc.def.ghi');
    expect(sim.journal.find({ status: 500 }).at(-1)).toMatchObject({
      operation: 'boom.get',
      effects: ['internal-error'],
    });
  });
});

describe('portal definitions are checked at createSimulator()', () => {
  const base = { ...testPortal, createState: () => null, routes: [] };
  it.each([
    ['a bad name', [{ ...base, name: 'Bad Name' }], /name must match/],
    ['a shared name', [base, { ...base, prefix: '/other', hosts: [] }], /share this name/],
    ['a bad prefix', [{ ...base, prefix: 'test' }], /prefix must look like/],
    ['the control prefix', [{ ...base, prefix: '/__goskit' }], /prefix must look like/],
    ['a shared prefix', [base, { ...base, name: 'other', hosts: [] }], /already used/],
    [
      'a shared host',
      [base, { ...base, name: 'other', prefix: '/other' }],
      /already answered by portal test/,
    ],
    ['a relative host', [{ ...base, hosts: ['test.goskit.test'] }], /not an absolute URL/],
    [
      'a duplicate route',
      [{ ...testPortal, routes: [...testPortal.routes, testPortal.routes[0]] }],
      /GET \/notes is declared twice/,
    ],
  ])('rejects %s', (_name, portals, message) => {
    expect(() => createSimulator({ portals: portals as never })).toThrowError(message);
    expect(() => createSimulator({ portals: portals as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATA' }),
    );
  });
});
