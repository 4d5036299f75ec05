/**
 * The portal kit: a portal is a value that plugs in — its data slice checked by its own schema, the
 * services it provides and requires wired (or refused at start), its dashboard panel rendered, and
 * nothing of it known to the engine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulator } from '../src/create-simulator.js';
import { renderOverview } from '../src/dashboard/overview-page.js';
import { fingerprint } from '../src/engine/rate-limiter.js';
import type { PortalDefinition } from '../src/engine/types.js';
import { builtInPortals, schoolPortal } from '../src/index.js';
import {
  contractsFromOpenApi,
  definePortal,
  defineService,
  json,
  provide,
  validateSchema,
} from '../src/portal-kit.js';
import { jsonOf, simRequest } from './fixtures/requests.js';

interface Greeter {
  greet(name: string): string;
}
const greeter = defineService<Greeter>('greeter', { description: 'greets people', hint: 'helloPortal()' });

const helloPortal = definePortal<{ greeting: string }, { greeting: string }>({
  name: 'hello',
  title: 'Hello',
  hosts: ['https://hello.goskit.test'],
  prefix: '/hello',
  data: { schema: z.object({ greeting: z.string().min(2) }).strict(), description: 'the greeting' },
  createState: (runtime) => ({ greeting: runtime.data?.greeting ?? 'Здравствуйте' }),
  provides: [
    provide<Greeter, { greeting: string }>(greeter, ({ state }) => ({
      greet: (name) => `${state().greeting}, ${name}`,
    })),
  ],
  dashboard: {
    title: 'Hello panel',
    render: ({ state }) => `<p class="greeting">${state.greeting} <b>&amp;</b></p>`,
  },
  routes: [
    { method: 'GET', path: '/hi', operation: 'hi', handler: ({ state }) => json({ text: state.greeting }) },
  ],
});

const guestPortal = definePortal<null>({
  name: 'guest',
  title: 'Guest',
  hosts: ['https://guest.goskit.test'],
  prefix: '/guest',
  requires: [greeter],
  createState: () => null,
  routes: [
    {
      method: 'GET',
      path: '/welcome/:name',
      operation: 'welcome',
      handler: ({ sim, params }) => json({ text: sim.service(greeter).greet(params.name ?? '') }),
    },
    {
      method: 'GET',
      path: '/sneaky',
      operation: 'sneaky',
      // Uses a service it never declared: refused, so every dependency shows in `requires`.
      handler: ({ sim }) =>
        json({ text: sim.service(defineService<Greeter>('other', { description: 'x' })).greet('') }),
    },
  ],
});

describe('services between portals', () => {
  it('a portal reaches a service another portal provides, through its runtime, with live state', async () => {
    const sim = createSimulator({
      portals: [helloPortal, guestPortal],
      data: { hello: { greeting: 'Привет' } },
    });
    const answer = await sim.handle(simRequest('/welcome/Маша', { portal: 'guest' }));
    expect(jsonOf(answer)).toEqual({ text: 'Привет, Маша' });
    sim.portalState<{ greeting: string }>('hello').greeting = 'Добрый день';
    expect(jsonOf(await sim.handle(simRequest('/welcome/Маша', { portal: 'guest' })))).toEqual({
      text: 'Добрый день, Маша',
    });
    expect(sim.service(greeter).greet('тест')).toBe('Добрый день, тест');
    sim.reset();
    expect(sim.service(greeter).greet('тест')).toBe('Привет, тест');
  });

  it('a missing provider fails createSimulator with the service, its purpose and what to load', () => {
    expect(() => createSimulator({ portals: [guestPortal] })).toThrow(
      'portal "guest" requires service "greeter" (greets people), which no loaded portal provides; load helloPortal()',
    );
  });

  it('two providers of one service are refused', () => {
    const twin = { ...helloPortal, name: 'hello2', prefix: '/hello2', hosts: ['https://hello2.goskit.test'] };
    expect(() => createSimulator({ portals: [helloPortal, twin as PortalDefinition] })).toThrow(
      /service "greeter" is provided by two portals \(hello, hello2\)/,
    );
  });

  it('a service used without being declared answers 500 naming the rule, and the engine keeps serving', async () => {
    const sim = createSimulator({ portals: [helloPortal, guestPortal], strictContracts: false });
    const answer = await sim.handle(simRequest('/sneaky', { portal: 'guest' }));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(jsonOf(answer))).toContain('without declaring it in requires');
    expect((await sim.handle(simRequest('/hi', { portal: 'hello' }))).status).toBe(200);
  });

  it('EPGU verifies tokens through the identity service that ESIA provides', () => {
    const epgu = builtInPortals().find((portal) => portal.name === 'epgu');
    const esia = builtInPortals().find((portal) => portal.name === 'esia');
    expect(epgu?.requires?.map((token) => token.id)).toEqual(['identity']);
    expect(esia?.provides?.map((provider) => provider.service.id)).toEqual(['identity']);
  });
});

describe('data slices', () => {
  it("a portal's slice is checked by its own schema, the path named", () => {
    expect(() => createSimulator({ portals: [helloPortal], data: { hello: { greeting: 'x' } } })).toThrow(
      /^data\.hello\.greeting: /,
    );
    expect(() =>
      createSimulator({ portals: [helloPortal], data: { hello: { greeting: 'ok', extra: 1 } } }),
    ).toThrow(/data\.hello: .*extra/i);
  });

  it('keys that are neither roster keys nor a loaded portal are refused, listing the valid ones', () => {
    expect(() => createSimulator({ portals: [helloPortal], data: { esia: { clients: [] } } })).toThrow(
      'data.esia: not a roster key or a loaded portal that takes data; valid keys: organisation, classes, personas, subjects, courses, hello',
    );
    expect(() => createSimulator({ portals: [schoolPortal], data: { school: {} } })).toThrow(
      /data\.school: portal school takes no data/,
    );
  });

  it('the ESIA slice type-checks as documented and registers its clients', () => {
    const sim = createSimulator({ portals: builtInPortals(), data: { esia: { clients: [] } } });
    expect(sim.portals.map((portal) => portal.name)).toEqual([
      'school',
      'esia',
      'epgu',
      'vk',
      'vkid',
      'paragraf',
      'gospochta',
      'max',
      'notifications',
      'ediary',
    ]);
  });

  it('roster overrides follow the same rules in process as in a --data file (checksums, links)', () => {
    const persona = createSimulator({ portals: [] }).demo.personas[0];
    const snils = persona?.snils ?? '';
    const broken = `${snils.slice(0, -1)}${snils.endsWith('0') ? '1' : '0'}`;
    const attempt = () =>
      createSimulator({
        portals: [],
        data: { personas: [{ ...(persona as object), snils: broken }] } as never,
      });
    expect(attempt).toThrow(/^data\.personas\.0\.snils: SNILS_CHECKSUM/);
    expect(attempt).not.toThrow(new RegExp(broken));
    const lonelyClass = { id: 'c', name: '1В', grade: 1, letter: 'В', teacherId: 'nobody', studentIds: [] };
    expect(() => createSimulator({ portals: [], data: { classes: [lonelyClass] } })).toThrow(
      /class 1В refers to unknown persona nobody/,
    );
  });

  it('the roster has subjects and courses, linked to classes and teachers, the same for the same seed', () => {
    const a = createSimulator({ seed: 'courses', portals: [] }).demo;
    const b = createSimulator({ seed: 'courses', portals: [] }).demo;
    expect(a.courses).toEqual(b.courses);
    const classes = new Set(a.classes.map((item) => item.id));
    const teachers = new Set(a.personas.filter((p) => p.role === 'teacher').map((p) => p.id));
    expect(a.courses?.length).toBeGreaterThan(100);
    for (const course of a.courses ?? []) {
      expect(classes.has(course.classId) && teachers.has(course.teacherId)).toBe(true);
    }
    const math5a = a.courses?.find((course) => course.id === 'class-5a-math');
    expect(math5a?.teacherId).toBe('teacher-math-junior');
  });
});

describe('dashboard panels', () => {
  it("renders each loaded portal's panel as it wrote it", () => {
    const sim = createSimulator({ portals: [helloPortal, schoolPortal] });
    const page = renderOverview(sim, 'http://127.0.0.1:4010');
    expect(page).toContain(
      '<section data-portal="hello"><h2>Hello panel</h2><p class="greeting">Здравствуйте <b>&amp;</b></p>',
    );
    expect(page).toContain('Журналы (класс × предмет) / courses');
  });

  it('a panel that throws shows its error, escaped, and the page still renders', () => {
    const failing = {
      ...helloPortal,
      dashboard: {
        title: 'Broken',
        render: () => {
          throw new Error('<boom>');
        },
      },
    };
    const page = renderOverview(createSimulator({ portals: [failing] }), 'http://x');
    expect(page).toContain('panel failed: &lt;boom&gt;');
  });
});

describe('msw is an optional peer', () => {
  const empty = mkdtempSync(join(tmpdir(), 'goskit-no-msw-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('without msw, using handlers fails naming the install command', () => {
    // A plain node process (vitest resolves modules its own way): msw looked up from an empty folder.
    const loader = fileURLToPath(new URL('../src/adapters/msw/load-msw.ts', import.meta.url));
    const script = `import { loadMsw } from ${JSON.stringify(pathToFileURL(loader).href)};
try { loadMsw(${JSON.stringify(pathToFileURL(join(empty, 'index.js')).href)}); console.log('loaded'); }
catch (error) { console.log(error.code + ': ' + error.message); }`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      // pnpm's bin shims put every hoisted package on NODE_PATH; a user's app has no such path.
      env: { ...process.env, NODE_PATH: '' },
    });
    expect(result.stdout.trim()).toBe(
      'MSW_MISSING: sim.handlers needs msw, an optional peer dependency of @goskit/simulator: npm install --save-dev msw (or pnpm add -D msw / yarn add -D msw)',
    );
  });

  it('with msw, handlers are built lazily, once', () => {
    const sim = createSimulator({ portals: [helloPortal] });
    expect(sim.handlers).toBe(sim.handlers);
    expect(sim.handlers).toHaveLength(1);
  });
});

describe('rate-limit keys', () => {
  /** The old key: 32-bit FNV-1a. */
  function fnv32(text: string): number {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i += 1) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    }
    return hash >>> 0;
  }

  it('two tokens that collided in the old 32-bit hash get their own buckets', async () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i += 1) {
      const token = `token-${i}`;
      const hash = fnv32(token);
      const earlier = seen.get(hash);
      if (earlier !== undefined) {
        pair = [earlier, token];
      }
      seen.set(hash, token);
    }
    expect(fingerprint(pair[0])).not.toBe(fingerprint(pair[1]));
    const limited = {
      ...helloPortal,
      rateLimit: { ratePerSecond: 1, burst: 1, respond: () => json({}, 429) },
    };
    const sim = createSimulator({ portals: [limited] });
    const call = (token: string) =>
      sim.handle(simRequest('/hi', { portal: 'hello', headers: { authorization: `Bearer ${token}` } }));
    expect((await call(pair[0])).status).toBe(200);
    expect((await call(pair[0])).status).toBe(429);
    expect((await call(pair[1])).status).toBe(200);
  });

  it('two simulators never share limiter state', async () => {
    const limited = {
      ...helloPortal,
      rateLimit: { ratePerSecond: 1, burst: 1, respond: () => json({}, 429) },
    };
    const call = (sim: ReturnType<typeof createSimulator>) =>
      sim.handle(simRequest('/hi', { portal: 'hello', headers: { authorization: 'Bearer same' } }));
    const first = createSimulator({ portals: [limited] });
    const second = createSimulator({ portals: [limited] });
    expect((await call(first)).status).toBe(200);
    expect((await call(second)).status).toBe(200);
    expect((await call(first)).status).toBe(429);
  });
});

describe('contract checker', () => {
  it('fails loudly on a JSON Schema keyword it does not enforce', () => {
    const context = { root: {}, patterns: new Map() };
    expect(() => validateSchema({ type: 'array', uniqueItems: true }, [1, 1], context)).toThrow(
      /\$: the contract checker does not support the JSON Schema keyword "uniqueItems"/,
    );
    const document = {
      openapi: '3.1.0',
      paths: {
        '/x': {
          get: {
            operationId: 'x.get',
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { n: { type: 'integer', multipleOf: 2 } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(() => contractsFromOpenApi(document)).toThrow(
      /x\.get 200 application\/json\.properties\.n: the contract checker does not support the JSON Schema keyword "multipleOf"/,
    );
  });

  it('checks a response whose keys are __proto__ or constructor without crashing', () => {
    const context = { root: {}, patterns: new Map() };
    const schema = { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false };
    const body = JSON.parse('{"__proto__": {"x": 1}, "constructor": 1, "id": "a"}');
    expect(validateSchema(schema, body, context)).toEqual([
      "$: unexpected property '__proto__'",
      "$: unexpected property 'constructor'",
    ]);
  });
});
