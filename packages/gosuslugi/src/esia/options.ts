import type { ClientOptions, KeyValueStore } from '@goskit/core';
import type { EsiaRefreshVariant, JwtKeyResolver, Signer } from '@goskit/crypto';
import type { EsiaEnvironment } from './environment.js';
import type { EsiaPkceMethod } from './pkce.js';

/** Token algorithms ESIA lets a system choose; anything else (and 'none') is rejected. */
export type EsiaTokenAlgorithm = 'RS256' | 'GOST3410_2012_256';

/**
 * Where the keys that verify ESIA's access and id tokens come from. List several certificates
 * during a rotation; a JWKS URL is refetched (at most every `cooldownMs`) when a token names an
 * unknown key. The simulator publishes its keys at `<baseUrl>/aas/oauth2/jwks`.
 */
export type EsiaTokenKeys =
  | { jwksUrl: string; cooldownMs?: number }
  | { jwks: { keys: Record<string, unknown>[] } }
  | { certificates: ReadonlyArray<string | Uint8Array> }
  | { resolver: JwtKeyResolver };

/**
 * Options of `createEsiaClient`: the shared client options of `@goskit/core` (fetch, engine, retry,
 * timeout, totalTimeout, maxResponseBytes, redirects, rateLimit, logger, hooks, clock, headers,
 * userAgent) plus ESIA's own. `clock` also drives timestamps, token expiry and claim checks.
 */
export interface EsiaClientOptions extends ClientOptions {
  environment: EsiaEnvironment;
  /** The system mnemonic registered in ESIA. */
  clientId: string;
  /** Where ESIA sends the user back; must be registered for the system. */
  redirectUri: string;
  /** A GOST signer (software, OpenSSL-GOST, CryptoPro) whose certificate is registered in ESIA. */
  signer: Signer;
  /**
   * Default scopes, e.g. ['openid', 'fullname', 'snils']. `api-order` is sent as ESIA knows it,
   * `http://lk.gosuslugi.ru/api-order` (EPGU_API_ORDER_SCOPE).
   */
  scopes: readonly string[];
  /** Organisation scopes (scope_org), space-joined when sent. */
  scopeOrg?: readonly string[] | string;
  /** 'offline' gets a refresh_token. Default 'online'. */
  accessType?: 'online' | 'offline';
  /** Holds pending requests between authorizationUrl() and handleCallback(). Default: an in-process MemoryStore. */
  stateStore?: KeyValueStore;
  /** How long a pending request waits, ms. Default 600 000 (10 min). */
  stateTtlMs?: number;
  /** Prefix of the stateStore keys. Default 'goskit:esia:state:'. */
  stateKeyPrefix?: string;
  tokenKeys: EsiaTokenKeys;
  /** Accepted token algorithms. Default ['RS256', 'GOST3410_2012_256']. */
  algorithms?: readonly EsiaTokenAlgorithm[];
  /** Clock skew tolerated in exp/nbf checks, seconds. Default 60. */
  clockSkewSec?: number;
  /** [unconfirmed in ESIA] which string the refresh_token client_secret signs. Default 'ilimurzin'. */
  refreshSignedString?: EsiaRefreshVariant;
  /**
   * PKCE: `true` (S256) or a method name adds code_challenge to v2/ac and keeps the verifier in
   * the pending request for v3/te. ESIA's method names are [unconfirmed]. Default off.
   */
  pkce?: boolean | EsiaPkceMethod;
  /** Legacy v1 (/aas/oauth2/ac, /te, PKCS#7 client_secret). Default off. */
  legacy?: { v1?: boolean };
  /** REST collections: 'embed' asks for `?embed=(elements)`, 'links' follows each link. Default 'embed'. */
  collectionMode?: 'embed' | 'links';
  /** Links fetched at once when following a link list. Default 4. */
  linkConcurrency?: number;
  /** @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release. */
  now?: () => number;
  /** Injectable state generator. Default crypto.randomUUID. */
  randomUUID?: () => string;
}
