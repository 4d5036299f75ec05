/**
 * GET /rs/prns/{oid}, its collections (ctts, addrs, docs, kids, vhls, roles, orgs) and their elements,
 * and /rs/orgs/{orgOid}. Collections are link lists unless `?embed=(elements)`; the person embeds
 * collections with `?embed=(contacts.elements,addresses.elements,…)`.
 */
import { ownEntry } from '../../engine/request-body.js';
import { json } from '../../engine/responses.js';
import type { Persona, RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { authenticateBearer, type BearerGrant, requireScope, restError } from './bearer.js';
import type { ResolvedEsiaOptions } from './options.js';
import {
  COLLECTIONS,
  type CollectionName,
  collection,
  collectionTag,
  eTag,
  findPerson,
  personRecord,
} from './person-data.js';
import { RESOURCE_SCOPES } from './scopes.js';
import type { EsiaState } from './state.js';

/** embed names on the person → collection paths. */
const EMBED_NAMES: Record<string, CollectionName> = {
  contacts: 'ctts',
  addresses: 'addrs',
  documents: 'docs',
  kids: 'kids',
  vehicles: 'vhls',
  organizations: 'orgs',
  roles: 'roles',
};

/** `(a.elements,b.elements)` → ['a.elements', 'b.elements']. */
function embedList(query: URLSearchParams): string[] {
  const raw = query.get('embed') ?? '';
  return raw
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function collectionBody(
  ctx: RouteContext<EsiaState>,
  persona: Persona,
  name: CollectionName,
  inline: boolean,
): Record<string, unknown> {
  const elements = collection(ctx.sim.demo, persona, name);
  const base = `${ctx.request.baseUrl}/rs/prns/${persona.oid}/${name}`;
  return {
    stateFacts: ['hasSize'],
    size: elements.length,
    eTag: collectionTag(elements),
    elements: inline ? elements : elements.map((element) => `${base}/${element.id}`),
  };
}

type Resolved = { persona: Persona; grant: BearerGrant };

/** Bearer check + the token's subject must be the requested person. */
async function resolvePerson(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  resource: string,
): Promise<Resolved | SimResponse> {
  const grant = await authenticateBearer(ctx, options);
  if ('status' in grant) {
    return grant;
  }
  const oid = ctx.params.oid ?? '';
  if (grant.oid !== oid) {
    return restError(403, 'FORBIDDEN', 'The access token was issued for another person');
  }
  const denied = requireScope(grant, ownEntry(RESOURCE_SCOPES, resource) ?? []);
  if (denied) {
    return denied;
  }
  const persona = findPerson(ctx.sim.demo, oid);
  return persona ? { persona, grant } : restError(404, 'NOT_FOUND', 'Person not found');
}

/** resolvePerson for `/rs/prns/{oid}/{collection}[/…]`: unknown collection names are 404. */
async function resolveCollection(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
): Promise<(Resolved & { name: CollectionName }) | SimResponse> {
  const name = ctx.params.collection as CollectionName;
  if (!COLLECTIONS.includes(name)) {
    return restError(404, 'NOT_FOUND', 'Unknown collection');
  }
  const resolved = await resolvePerson(ctx, options, name);
  return 'status' in resolved ? resolved : { ...resolved, name };
}

export function restRoutes(options: ResolvedEsiaOptions): RouteDefinition<EsiaState>[] {
  const person: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/rs/prns/:oid',
    operation: 'getPerson',
    handler: async (ctx) => {
      const resolved = await resolvePerson(ctx, options, 'person');
      if ('status' in resolved) {
        return resolved;
      }
      const body = personRecord(resolved.persona, resolved.grant.scopes);
      for (const item of embedList(ctx.request.query)) {
        const name = ownEntry(EMBED_NAMES, item.replace(/\.elements$/, ''));
        if (name && !requireScope(resolved.grant, ownEntry(RESOURCE_SCOPES, name) ?? [])) {
          body[item.replace(/\.elements$/, '')] = collectionBody(
            ctx,
            resolved.persona,
            name,
            item.endsWith('.elements'),
          );
        }
      }
      return json(body);
    },
  };

  const list: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/rs/prns/:oid/:collection',
    operation: 'listCollection',
    handler: async (ctx) => {
      const resolved = await resolveCollection(ctx, options);
      if ('status' in resolved) {
        return resolved;
      }
      const inline = embedList(ctx.request.query).includes('elements');
      return json(collectionBody(ctx, resolved.persona, resolved.name, inline));
    },
  };

  const element: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/rs/prns/:oid/:collection/:id',
    operation: 'getCollectionElement',
    handler: async (ctx) => {
      const resolved = await resolveCollection(ctx, options);
      if ('status' in resolved) {
        return resolved;
      }
      const found = collection(ctx.sim.demo, resolved.persona, resolved.name).find(
        (item) => String(item.id) === ctx.params.id,
      );
      return found ? json(found) : restError(404, 'NOT_FOUND', 'Element not found');
    },
  };

  const organization: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/rs/orgs/:orgOid',
    operation: 'getOrganization',
    handler: async (ctx) => {
      const grant = await authenticateBearer(ctx, options);
      if ('status' in grant) {
        return grant;
      }
      const denied = requireScope(grant, RESOURCE_SCOPES.org ?? []);
      if (denied) {
        return denied;
      }
      const org = ctx.sim.demo.organisation;
      if (ctx.params.orgOid !== org.oid) {
        return restError(404, 'NOT_FOUND', 'Organization not found');
      }
      const member =
        grant.oid !== undefined &&
        findPerson(ctx.sim.demo, grant.oid)?.organisations?.some((o) => o.oid === org.oid);
      if (!member) {
        return restError(403, 'FORBIDDEN', 'The user is not an employee of this organization');
      }
      const body = {
        oid: Number(org.oid),
        fullName: org.fullName,
        shortName: org.shortName,
        ogrn: org.ogrn,
        inn: org.inn,
        kpp: org.kpp,
        leg: '75403',
        type: 'AGENCY',
      };
      return json({ ...body, eTag: eTag(body) });
    },
  };
  return [person, list, element, organization];
}
