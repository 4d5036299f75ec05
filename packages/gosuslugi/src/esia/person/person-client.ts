import {
  createTransport,
  HttpError,
  InvalidOptionsError,
  ResponseValidationError,
  type Transport,
} from '@goskit/core';
import { decodeJwtUnverified } from '@goskit/crypto';
import type { ZodType } from 'zod';
import { EsiaError } from '../../errors/esia-error.js';
import { EsiaScopeError } from '../../errors/esia-scope-error.js';
import type { EsiaContext } from '../context.js';
import type { EsiaSession } from '../session.js';
import {
  type CollectionElements,
  type CollectionName,
  ELEMENT_SCHEMAS,
  EMBEDS,
  type EmbedName,
  mapLimit,
  RESOURCE_SCOPES,
} from './collections.js';
import {
  type EsiaAddress,
  type EsiaContact,
  type EsiaDocument,
  type EsiaKid,
  type EsiaOrganisation,
  type EsiaPersonFields,
  type EsiaRole,
  type EsiaVehicle,
  organisationSchema,
  personSchema,
  type RawCollection,
  rawCollectionSchema,
} from './models.js';

/** The person with any embedded collections resolved into typed elements. */
export type EsiaPerson = EsiaPersonFields & {
  contacts?: EsiaContact[];
  addresses?: EsiaAddress[];
  documents?: EsiaDocument[];
  vehicles?: EsiaVehicle[];
  organizations?: EsiaRole[];
  kids?: EsiaKid[];
};

export interface EsiaPersonClient {
  readonly oid: string;
  /**
   * `/rs/prns/{oid}`; `embed` inlines collections in one request. An embed the token may not read
   * (ESIA leaves it out) → EsiaScopeError naming its scopes.
   */
  get(options?: { embed?: readonly EmbedName[] }): Promise<EsiaPerson>;
  contacts(): Promise<EsiaContact[]>;
  addresses(): Promise<EsiaAddress[]>;
  documents(): Promise<EsiaDocument[]>;
  kids(): Promise<EsiaKid[]>;
  vehicles(): Promise<EsiaVehicle[]>;
  roles(): Promise<EsiaRole[]>;
  organisations(): Promise<EsiaRole[]>;
  /** `/rs/orgs/{orgOid}`. */
  organisation(orgOid: string | number): Promise<EsiaOrganisation>;
}

function isSession(value: unknown): value is EsiaSession {
  return typeof value === 'object' && value !== null && 'tokenProvider' in value;
}

function oidFromToken(token: string): string | undefined {
  try {
    const subject = decodeJwtUnverified(token).payload['urn:esia:sbj_id'];
    return subject === undefined ? undefined : String(subject);
  } catch {
    return undefined;
  }
}

/**
 * Person data of one user. With a session, a 401 refreshes the token once (core's transport,
 * single-flight); with a bare access token a 401 is EsiaError('UNAUTHORIZED'). A 403 is
 * EsiaScopeError naming the scope the resource needs.
 */
export function createPersonClient(
  context: EsiaContext,
  auth: EsiaSession | string,
  oidOverride?: string | number,
): EsiaPersonClient {
  const oid = String(oidOverride ?? (isSession(auth) ? auth.oid : oidFromToken(auth)) ?? '');
  if (!/^\d+$/.test(oid)) {
    throw new InvalidOptionsError(
      'person() needs the user oid (from the session, the token or the second argument)',
    );
  }
  const { options } = context;
  const transport: Transport = createTransport({
    baseUrl: context.environment.baseUrl,
    fetch: context.fetch,
    ...(isSession(auth) ? { auth: auth.tokenProvider } : { headers: { authorization: `Bearer ${auth}` } }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  const mode = options.collectionMode ?? 'embed';
  const concurrency = options.linkConcurrency ?? 4;

  const call = async <T>(resource: keyof typeof RESOURCE_SCOPES, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) {
        throw new EsiaScopeError(resource, RESOURCE_SCOPES[resource], { status: 403, cause: error });
      }
      if (error instanceof HttpError && error.status === 401) {
        throw new EsiaError('UNAUTHORIZED', `ESIA refused the access token for ${resource} (HTTP 401)`, {
          status: 401,
          cause: error,
          hint: {
            ru: 'Токен истёк или отозван (выход из ЕСИА): обновите его или войдите снова.',
            en: 'The token expired or was revoked (ESIA logout): refresh it or sign in again.',
          },
        });
      }
      throw error;
    }
  };

  const get = <T>(path: string, schema: ZodType<T>, query?: Record<string, string>): Promise<T> =>
    transport.get(path, { schema, ...(query ? { query } : {}) }) as Promise<T>;

  /** Elements of a raw collection: inline objects validated, links fetched (bounded concurrency). */
  const resolveElements = async <K extends CollectionName>(
    name: K,
    raw: RawCollection,
  ): Promise<CollectionElements[K][]> => {
    const schema = ELEMENT_SCHEMAS[name] as ZodType<CollectionElements[K]>;
    return mapLimit(raw.elements, concurrency, async (element) => {
      if (typeof element === 'string') {
        return get(element, schema);
      }
      const parsed = schema.safeParse(element);
      if (!parsed.success) {
        throw new ResponseValidationError({
          issues: parsed.error.issues,
          method: 'GET',
          url: `${context.environment.baseUrl}/rs/prns/${oid}/${name}`,
          status: 200,
          requestId: undefined,
        });
      }
      return parsed.data;
    });
  };

  const list = <K extends CollectionName>(name: K) =>
    call(name, async () => {
      const raw = await get(
        `/rs/prns/${oid}/${name}`,
        rawCollectionSchema,
        mode === 'embed' ? { embed: '(elements)' } : undefined,
      );
      return resolveElements(name, raw);
    });

  return {
    oid,
    get: (getOptions = {}) =>
      call('person', async () => {
        const embed = getOptions.embed ?? [];
        const record = await get(
          `/rs/prns/${oid}`,
          personSchema,
          embed.length > 0 ? { embed: `(${embed.map((name) => `${name}.elements`).join(',')})` } : undefined,
        );
        const person = { ...record } as unknown as EsiaPerson;
        for (const name of Object.keys(EMBEDS) as EmbedName[]) {
          const raw = record[name];
          delete (person as Record<string, unknown>)[name];
          if (!embed.includes(name)) {
            continue;
          }
          if (!raw) {
            // ESIA leaves out an embed the token may not read (a collection it may read always has
            // `size`, even empty): the same error as asking for the collection itself.
            throw new EsiaScopeError(EMBEDS[name], RESOURCE_SCOPES[EMBEDS[name]]);
          }
          (person as Record<string, unknown>)[name] = await call(EMBEDS[name], () =>
            resolveElements(EMBEDS[name], raw),
          );
        }
        return person;
      }),
    contacts: () => list('ctts'),
    addresses: () => list('addrs'),
    documents: () => list('docs'),
    kids: () => list('kids'),
    vehicles: () => list('vhls'),
    roles: () => list('roles'),
    organisations: () => list('orgs'),
    organisation: (orgOid) => {
      const id = String(orgOid);
      if (!/^\d+$/.test(id)) {
        throw new InvalidOptionsError('organisation() needs a numeric org oid');
      }
      return call('org', () => get(`/rs/orgs/${id}`, organisationSchema));
    },
  };
}
