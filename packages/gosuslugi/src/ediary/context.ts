/** Everything the e-diary operations share; built once per client. */
import {
  type Clock,
  clientTransportOptions,
  clockFrom,
  createFailoverTransport,
  createTokenProvider,
  type FailoverTransport,
  InvalidOptionsError,
  type KeyValueStore,
  MemoryStore,
  type TokenProvider,
} from '@goskit/core';
import { indexPupils, type PupilIndex } from './match-children.js';
import type { SchoolPupil } from './models.js';
import { EDIARY_FEED_SCOPE, type EdiaryClientOptions } from './options.js';

export interface EdiaryContext {
  options: EdiaryClientOptions;
  transport: FailoverTransport;
  store: KeyValueStore;
  keyPrefix: string;
  clock: Clock;
  systemToken: TokenProvider;
  school: { id: string; title: string };
  batchSize: number;
  maxDeviations: number;
  /** The school's register, read (and indexed) once per operation. */
  pupils(): Promise<{ list: SchoolPupil[]; index: PupilIndex }>;
}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function createEdiaryContext(options: EdiaryClientOptions): EdiaryContext {
  const { environment, esia, school } = options;
  if (typeof environment?.baseUrl !== 'string') {
    throw new InvalidOptionsError(
      'environment.baseUrl is required (the e-diary feed, e.g. http://127.0.0.1:4010/ediary)',
    );
  }
  if (esia === undefined || typeof esia.person !== 'function') {
    throw new InvalidOptionsError('esia must be a client from createEsiaClient()');
  }
  if (typeof school?.id !== 'string' || !ID.test(school.id)) {
    throw new InvalidOptionsError('school.id is required: 1–64 characters A–Z, a–z, 0–9, . _ : -');
  }
  if (
    options.pupils === undefined ||
    (typeof options.pupils !== 'function' && !Array.isArray(options.pupils))
  ) {
    throw new InvalidOptionsError(
      'pupils must be the school’s pupils: an array or a function returning them',
    );
  }
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new InvalidOptionsError(`batchSize must be an integer 1–1000, got ${batchSize}`);
  }
  const clock = clockFrom(options, 'createEdiaryClient', options.logger);
  const transport = createFailoverTransport({
    ...clientTransportOptions({ ...options, clock }, { baseUrl: environment.baseUrl }),
    servers: [environment.baseUrl, ...(environment.backupUrls ?? [])],
    ...(options.failover === undefined ? {} : { failover: options.failover }),
  });
  const systemToken =
    options.systemToken ??
    createTokenProvider({
      clock,
      fetchToken: async () => {
        const tokens = await esia.clientCredentials([EDIARY_FEED_SCOPE]);
        return { token: tokens.accessToken, expiresAt: tokens.expiresAt };
      },
    });
  const source = options.pupils;
  let cached: { list: SchoolPupil[]; index: PupilIndex } | undefined;
  return {
    options,
    transport,
    store: options.linkStore ?? new MemoryStore({ clock }),
    keyPrefix: options.linkKeyPrefix ?? 'goskit:ediary:link:',
    clock,
    systemToken,
    school: { id: school.id, title: school.title ?? school.id },
    batchSize,
    maxDeviations: options.maxDeviations ?? 1000,
    async pupils() {
      if (cached !== undefined && typeof source !== 'function') {
        return cached;
      }
      const list = [...(typeof source === 'function' ? await source() : source)];
      cached = { list, index: indexPupils(list) };
      return cached;
    },
  };
}
