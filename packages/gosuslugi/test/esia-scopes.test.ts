/**
 * The client's scope → resource mapping (what EsiaScopeError names) against the canonical table in
 * mocks/simulator/docs/esia-portal.md — the simulator checks its own copy against the same table —
 * and the error each resource gives against the simulator when its scope is missing.
 */
import { readFileSync } from 'node:fs';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import { EsiaScopeError, RESOURCE_SCOPES } from '../src/index.js';
import { loginThroughPages } from './helpers/browser-walk.js';
import { demoParent, SIM_REDIRECT, simulatorEsiaClient } from './helpers/simulator-client.js';

/** Rows `| \`key\` | resource | \`scope\`, … |` of the "Scope → resource table". */
function documentedTable(): Record<string, string[]> {
  const doc = readFileSync(new URL('../../../mocks/simulator/docs/esia-portal.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('**Scope → resource table.**'));
  const rows: Record<string, string[]> = {};
  for (const line of section.split('\n').slice(1)) {
    const cells = line.split('|').map((cell) => cell.trim());
    const key = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1];
    if (key) {
      rows[key] = [...(cells[3] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1] as string);
    } else if (Object.keys(rows).length > 0 && !line.startsWith('|')) {
      break;
    }
  }
  return rows;
}

const sim = createSimulator({ seed: 'gosuslugi-scopes', portals: [esiaPortal()], strictContracts: true });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('RESOURCE_SCOPES', () => {
  it('equals the table in mocks/simulator/docs/esia-portal.md, order included', () => {
    const table = documentedTable();
    expect(Object.keys(table)).toHaveLength(9);
    expect(RESOURCE_SCOPES).toEqual(table);
  });

  it('each resource the token may not read → EsiaScopeError naming that row of the table', async () => {
    const esia = simulatorEsiaClient(sim, { scopes: ['openid', 'fullname'] });
    const { url } = await esia.authorizationUrl();
    const tokens = await esia.handleCallback(await loginThroughPages(url, SIM_REDIRECT, demoParent(sim)));
    const person = esia.person(tokens.accessToken);
    expect((await person.get()).lastName).toBe('Иванов');
    type Resource = keyof typeof RESOURCE_SCOPES;
    const calls: [Resource, () => Promise<unknown>][] = [
      ['ctts', person.contacts],
      ['addrs', person.addresses],
      ['docs', person.documents],
      ['kids', person.kids],
      ['vhls', person.vehicles],
      ['roles', person.roles],
      ['orgs', person.organisations],
      ['org', () => person.organisation(sim.demo.organisation.oid)],
      // an embed the token may not read: ESIA leaves it out of the person
      ['ctts', () => person.get({ embed: ['contacts'] })],
      ['docs', () => person.get({ embed: ['documents'] })],
    ];
    for (const [resource, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, resource).toBeInstanceOf(EsiaScopeError);
      expect(error).toMatchObject({ resource, missingScopes: RESOURCE_SCOPES[resource] });
      expect((error as EsiaScopeError).message).toContain(RESOURCE_SCOPES[resource][0]);
    }
  });
});
