import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PortalDefinition } from '../src/engine/types.js';
import { createSimulator, schoolPortal } from '../src/index.js';
import { contractsFromOpenApi, definePortal, json, validateSchema } from '../src/portal-kit.js';
import { schoolOpenApi } from '../src/portals/school/openapi.gen.js';
import { jsonOf, simRequest } from './fixtures/requests.js';
import { testPortal, testPortalDocument } from './fixtures/test-portal.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe('contract checks', () => {
  it('strict by default under vitest', () => {
    expect(createSimulator({ portals: [testPortal] }).strictContracts).toBe(true);
  });

  it('drift becomes a 500 naming the problems, on the journal entry and in contractViolations()', async () => {
    const sim = createSimulator({ portals: [testPortal], seed: 'drift' });
    const response = await sim.handle(simRequest('/drift'));
    expect(response.status).toBe(500);
    const body = jsonOf(response);
    expect(body).toMatchObject({
      error: 'contract_violation',
      portal: 'test',
      operation: 'drift.get',
      status: 200,
    });
    expect(body.errors).toEqual([
      "$: missing required property 'count'",
      '$.ok: expected boolean, got string',
    ]);
    expect(String(body.run)).toContain('seed=drift');
    const [entry] = sim.journal.entries();
    expect(entry?.contractErrors).toEqual(body.errors);
    expect(entry?.effects).toContain('contract-violation');
    expect(sim.contractViolations()).toEqual([
      expect.objectContaining({ portal: 'test', operation: 'drift.get', status: 200, journalId: entry?.id }),
    ]);
  });

  it('conforming routes pass and leave no violations; non-strict simulators let drift through', async () => {
    const sim = createSimulator({ portals: [testPortal] });
    for (const path of ['/notes', '/counter', '/notes/nope', '/page']) {
      expect((await sim.handle(simRequest(path))).status).toBeLessThan(500);
    }
    expect(sim.contractViolations()).toEqual([]);
    const lax = createSimulator({ portals: [testPortal], strictContracts: false });
    expect(jsonOf(await lax.handle(simRequest('/drift')))).toEqual({ ok: 'yes' });
  });

  it('undeclared statuses and content types are drift too; faults are exempt', async () => {
    const portal = definePortal<null>({
      ...(testPortal as PortalDefinition),
      name: 'odd',
      createState: () => null,
      controlRoutes: [],
      routes: [
        {
          method: 'GET',
          path: '/counter',
          operation: 'counter.next',
          handler: () => json({ value: 1 }, 202),
        },
        {
          method: 'GET',
          path: '/notes',
          operation: 'notes.list',
          handler: () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'x' }),
        },
      ],
    });
    const sim = createSimulator({ portals: [portal] });
    const status = jsonOf(await sim.handle(simRequest('/counter', { portal: 'odd' })));
    expect(status.errors).toEqual(['status 202 is not declared for counter.next (declared: 200)']);
    const type = jsonOf(await sim.handle(simRequest('/notes', { portal: 'odd' })));
    expect(String((type.errors as string[])[0])).toContain("content type 'text/plain' is not declared");
    sim.faults.addRule({ effect: { status: 418, body: 'teapot' } });
    expect((await sim.handle(simRequest('/counter', { portal: 'odd' }))).status).toBe(418);
  });

  it('the OpenAPI loader maps operationId to method, path and responses', () => {
    const set = contractsFromOpenApi(testPortalDocument);
    expect(set.operations()).toEqual(expect.arrayContaining(['notes.list', 'notes.create', 'drift.get']));
    expect(
      set.check({
        operation: 'notes.get',
        status: 404,
        contentType: 'application/json',
        body: { error: 'x', message: 'y' },
      }),
    ).toEqual([]);
    expect(
      set.check({
        operation: 'notes.get',
        status: 200,
        contentType: 'application/json',
        body: { id: 'zz', text: '', createdAt: 1 },
      }),
    ).toEqual([
      '$.id: does not match pattern ^[0-9a-f-]{36}$',
      '$.text: shorter than 1',
      '$.createdAt: expected string, got number',
    ]);
    expect(() => contractsFromOpenApi({ swagger: '2.0' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_CONTRACT' }),
    );
  });

  it('the school portal module equals openapi/school.yaml (pnpm generate) and its answers fit', async () => {
    expect(schoolOpenApi).toEqual(parse(readFileSync(here('../openapi/school.yaml'), 'utf8')));
    const sim = createSimulator({ portals: [schoolPortal] });
    const paths = [
      '/school',
      '/classes',
      '/classes/class-1a',
      '/classes/5Б/students',
      '/classes/x/students',
      '/personas',
      '/personas?role=teacher',
      '/personas/parent-ivanov',
      '/personas/nobody',
    ];
    for (const path of paths) {
      const [pathname, search] = path.split('?');
      await sim.handle(
        simRequest(pathname ?? '', {
          portal: 'school',
          query: Object.fromEntries(new URLSearchParams(search)),
        }),
      );
    }
    expect(sim.contractViolations()).toEqual([]);
    expect(sim.journal.entries().map((e) => e.status)).toEqual([200, 200, 200, 200, 404, 200, 200, 200, 404]);
  });
});

describe('JSON Schema subset', () => {
  const check = (schema: unknown, value: unknown, root: unknown = {}) =>
    validateSchema(schema as never, value, { root, patterns: new Map() });

  it('type arrays, nullable, enum, const, numbers, arrays and additionalProperties', () => {
    expect(check({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(check({ type: 'integer' }, 1.5)).toEqual(['$: expected integer, got number']);
    expect(check({ enum: ['a', 'b'] }, 'c')).toEqual(['$: must be one of ["a","b"], got "c"']);
    expect(check({ const: 3 }, 4)).toEqual(['$: must equal 3']);
    expect(check({ type: 'number', minimum: 1, maximum: 2 }, 3)).toEqual(['$: above maximum 2']);
    expect(check({ type: 'array', items: { type: 'string' }, maxItems: 1 }, ['a', 2])).toEqual([
      '$: more than 1 items',
      '$[1]: expected string, got number',
    ]);
    expect(check({ type: 'object', additionalProperties: { type: 'number' } }, { 'a-b': 'x' })).toEqual([
      '$["a-b"]: expected number, got string',
    ]);
    expect(check({ type: 'object', properties: {}, additionalProperties: false }, { x: 1 })).toEqual([
      "$: unexpected property 'x'",
    ]);
  });

  it('oneOf / anyOf / allOf and local $ref', () => {
    const root = { components: { schemas: { Id: { type: 'string', pattern: '^\\d+$' } } } };
    const ref = { $ref: '#/components/schemas/Id' };
    expect(check(ref, '123', root)).toEqual([]);
    expect(check(ref, 'abc', root)).toEqual(['$: does not match pattern ^\\d+$']);
    expect(check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual([
      '$: must match exactly one of oneOf, matches 2',
    ]);
    expect(check({ anyOf: [{ type: 'number' }, { type: 'string' }] }, true)).toEqual([
      '$: matches none of anyOf',
    ]);
    expect(check({ allOf: [{ required: ['a'] }, { required: ['b'] }] }, { a: 1 })).toEqual([
      "$: missing required property 'b'",
    ]);
    expect(check({ type: 'string', format: 'date-time' }, 'whatever')).toEqual([]);
  });
});
