import type { ZodType } from 'zod';
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
 * The scopes that open each resource (any one suffices) — named in EsiaScopeError when ESIA
 * answers 403; the first one is the usual choice. goskit's mapping: the canonical table is
 * "Scope → resource table" in the simulator's ESIA docs
 * (https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/esia-portal.md); the simulator
 * keeps its own copy, and a test on each side checks its copy against that table.
 */
export const RESOURCE_SCOPES: Readonly<Record<CollectionName | 'person' | 'org', readonly string[]>> = {
  person: ['fullname', 'openid', 'birthdate', 'gender', 'snils', 'inn'],
  ctts: ['contacts', 'email', 'mobile'],
  addrs: ['addresses'],
  docs: [
    'id_doc',
    'medical_doc',
    'military_doc',
    'foreign_passport_doc',
    'drivers_licence_doc',
    'birth_cert_doc',
  ],
  kids: ['kid_fullname', 'kid_birthdate', 'kid_snils', 'kid_birth_cert_doc', 'kid_gender', 'kid_inn'],
  vhls: ['vehicles'],
  roles: ['usr_org'],
  orgs: ['usr_org'],
  org: ['usr_org'],
};

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
