import type { ZodType } from 'zod';
import { ESIA_RESOURCE_SCOPES } from '../../generated/esia-resource-scopes.js';
import {
  addressSchema,
  contactSchema,
  documentSchema,
  type EsiaAddress,
  type EsiaContact,
  type EsiaDocument,
  type EsiaKid,
  type EsiaRole,
  type EsiaVehicle,
  kidSchema,
  roleSchema,
  vehicleSchema,
} from './models.js';

/** Collection path segments under /rs/prns/{oid}. */
export type CollectionName = 'ctts' | 'addrs' | 'docs' | 'kids' | 'vhls' | 'roles' | 'orgs';

export interface CollectionElements {
  ctts: EsiaContact;
  addrs: EsiaAddress;
  docs: EsiaDocument;
  kids: EsiaKid;
  vhls: EsiaVehicle;
  roles: EsiaRole;
  orgs: EsiaRole;
}

export const ELEMENT_SCHEMAS: { [K in CollectionName]: ZodType<CollectionElements[K]> } = {
  ctts: contactSchema,
  addrs: addressSchema,
  docs: documentSchema,
  kids: kidSchema,
  vhls: vehicleSchema,
  roles: roleSchema,
  orgs: roleSchema,
};

/**
 * The scopes that open each resource (any one suffices) — named in EsiaScopeError when ESIA answers
 * 403; the first one is the usual choice. goskit's mapping, generated from `x-goskit-resource-scopes`
 * in openapi/esia.yaml (the simulator reads the same extension).
 */
export const RESOURCE_SCOPES: Readonly<Record<CollectionName | 'person' | 'org', readonly string[]>> =
  ESIA_RESOURCE_SCOPES;

/** Names of person embeds (`?embed=(contacts.elements,…)`) and their collections. */
export const EMBEDS = {
  contacts: 'ctts',
  addresses: 'addrs',
  documents: 'docs',
  vehicles: 'vhls',
  organizations: 'orgs',
  kids: 'kids',
} as const satisfies Record<string, CollectionName>;

export type EmbedName = keyof typeof EMBEDS;

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
