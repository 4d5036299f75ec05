import {
  type Clock,
  clientTransportOptions,
  clockFrom,
  createTransport,
  InvalidOptionsError,
  type KeyValueStore,
  MemoryStore,
  type Transport,
} from '@goskit/core';
import { type ResolvedEsiaEnvironment, resolveEsiaEnvironment } from './environment.js';
import type { EsiaClientOptions, EsiaTokenAlgorithm } from './options.js';
import { createTokenKeyResolver } from './token-keys.js';
import type { TokenVerification } from './verify-tokens.js';

/** Everything the ESIA operations share; built once per client. */
export interface EsiaContext {
  options: EsiaClientOptions;
  environment: ResolvedEsiaEnvironment;
  transport: Transport;
  store: KeyValueStore;
  stateTtlMs: number;
  stateKeyPrefix: string;
  verification: TokenVerification;
  clock: Clock;
  /** `clock.now()`, bound. */
  now: () => number;
  randomUUID: () => string;
  fetch: typeof fetch;
}

const ALLOWED: readonly EsiaTokenAlgorithm[] = ['RS256', 'GOST3410_2012_256'];

/** Joins scopes the way ESIA expects them: one space between names. */
export function joinScopes(scopes: readonly string[] | string | undefined): string {
  if (scopes === undefined) {
    return '';
  }
  return (typeof scopes === 'string' ? scopes.split(/\s+/) : scopes).filter((s) => s.length > 0).join(' ');
}

export function createEsiaContext(options: EsiaClientOptions): EsiaContext {
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new InvalidOptionsError('clientId is required (the system mnemonic)');
  }
  if (typeof options.redirectUri !== 'string' || !/^https?:\/\//.test(options.redirectUri)) {
    throw new InvalidOptionsError('redirectUri must be an absolute http(s) URL');
  }
  if (
    !options.signer ||
    typeof options.signer.sign !== 'function' ||
    typeof options.signer.certificate !== 'function'
  ) {
    throw new InvalidOptionsError('signer must be a @goskit/crypto Signer (sign + certificate)');
  }
  if (!Array.isArray(options.scopes) || joinScopes(options.scopes) === '') {
    throw new InvalidOptionsError("scopes must list at least one scope, e.g. ['openid', 'fullname']");
  }
  if (
    options.pkce !== undefined &&
    typeof options.pkce !== 'boolean' &&
    options.pkce !== 'S256' &&
    options.pkce !== 'GOST3411'
  ) {
    throw new InvalidOptionsError("pkce must be true, false, 'S256' or 'GOST3411'");
  }
  const algorithms = options.algorithms ?? ALLOWED;
  if (algorithms.length === 0 || algorithms.some((alg) => !ALLOWED.includes(alg))) {
    throw new InvalidOptionsError(
      `algorithms may only contain ${ALLOWED.join(', ')} ('none' is never accepted)`,
    );
  }
  const environment = resolveEsiaEnvironment(options.environment);
  const clock = clockFrom(options, 'createEsiaClient', options.logger);
  const now = () => clock.now();
  // The JWKS fetch looks the global fetch up per call, as the transport does (MSW patches it later).
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const transport = createTransport(
    clientTransportOptions({ ...options, clock }, { baseUrl: environment.baseUrl }),
  );
  return {
    options,
    environment,
    transport,
    store: options.stateStore ?? new MemoryStore({ clock }),
    stateTtlMs: options.stateTtlMs ?? 600_000,
    stateKeyPrefix: options.stateKeyPrefix ?? 'goskit:esia:state:',
    verification: {
      keys: createTokenKeyResolver(options.tokenKeys, fetchImpl, now),
      algorithms,
      issuer: environment.issuer,
      clientId: options.clientId,
      clockSkewSec: options.clockSkewSec ?? 60,
      clock,
    },
    clock,
    now,
    randomUUID: options.randomUUID ?? (() => globalThis.crypto.randomUUID()),
    fetch: fetchImpl,
  };
}
