/**
 * The portal's scope → resource mapping against the canonical table in docs/esia-portal.md
 * (packages/gosuslugi checks its own copy against the same table), and each scope really opening
 * exactly the resources its row names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import { RESOURCE_SCOPES, SCOPE_TITLES } from '../src/portals/esia/scopes.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  request,
} from './esia-support.js';

/** Rows `| \`key\` | resource | \`scope\`, … |` of the "Scope → resource table". */
function documentedTable(): Record<string, string[]> {
  const doc = readFileSync(new URL('../docs/esia-portal.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('**Scope → resource table.**'));
  const rows: Record<string, string[]> = {};
  for (const line of section.split('\n').slice(1)) {
    const cells = line.split('|').map((cell) => cell.trim());
    const key = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1];
    if (key) {
      rows[key] = [...(cells[3] ?? '').matchAll(/`([\w]+)`/g)].map((m) => m[1] as string);
    } else if (Object.keys(rows).length > 0 && !line.startsWith('|')) {
      break;
    }
  }
  return rows;
}

async function accessToken(sim: Simulator, scope: string): Promise<{ token: string; oid: string }> {
  const started = await sim.handle(acRequest(await authorizeQuery(sim, { scope })));
  const back = await loginAndConsent(sim, started, 'ivan.ivanov');
  const code = locationOf(back).searchParams.get('code') as string;
  const response = await sim.handle(
    request('POST', '/aas/oauth2/v3/te', { form: await codeExchangeForm(sim, code, { scope }) }),
  );
  expect(response.status, bodyOf(response)).toBe(200);
  const oid = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov')?.oid as string;
  return { token: jsonOf(response).access_token as string, oid };
}

describe('scope → resource mapping', () => {
  it('equals the table in docs/esia-portal.md, order included, and names only known scopes', () => {
    const table = documentedTable();
    expect(Object.keys(table)).toEqual([
      'person',
      'ctts',
      'addrs',
      'docs',
      'kids',
      'vhls',
      'roles',
      'orgs',
      'org',
    ]);
    expect(RESOURCE_SCOPES).toEqual(table);
    for (const scope of Object.values(table).flat()) {
      expect(SCOPE_TITLES, scope).toHaveProperty(scope);
    }
  });

  it('a token with one scope reads exactly the collections whose row lists it', async () => {
    const sim = newSim();
    const collections = Object.keys(RESOURCE_SCOPES).filter((key) => key !== 'person' && key !== 'org');
    const scopes = [...new Set(collections.flatMap((key) => RESOURCE_SCOPES[key] ?? []))];
    for (const scope of scopes) {
      // openid opens only the person, so it does not blur the collection checks
      const { token, oid } = await accessToken(sim, `openid ${scope}`);
      for (const key of collections) {
        const response = await sim.handle(
          request('GET', `/rs/prns/${oid}/${key}`, { headers: { authorization: `Bearer ${token}` } }),
        );
        const opens = (RESOURCE_SCOPES[key] ?? []).includes(scope);
        expect(response.status, `${scope} → ${key}`).toBe(opens ? 200 : 403);
      }
    }
  });
});
