/**
 * Everything the operations share, built once per client: the fetch (mutual TLS when `tls` is set),
 * a plain transport for the OAuth endpoints, the API transport (bearer token, packet hook), the
 * packet codec, the token state, trust anchors, stores and the operation recorder. Nothing here
 * knows an operation; operations receive this object and never reach back into the client.
 */
import {
  type Clock,
  clientTransportOptions,
  createLogger,
  createTransport,
  sleep as defaultSleep,
  InvalidOptionsError,
  isRedactingLogger,
  type KeyValueStore,
  MemoryStore,
  type RedactingLogger,
  type RequestEvent,
  type Sleep,
  type Transport,
} from '@goskit/core';
import { certificateKeys, type JwtKeyResolver, jwksKeys } from '@goskit/crypto';
import { ACCESS_TOKEN_ALGORITHMS, type AccessTokenPolicy } from '../access/access-token.js';
import { type AuthState, createAuthState } from '../access/auth-state.js';
import { transportJwks } from '../access/transport-jwks.js';
import { createOperationRecorder, type OperationRecord } from '../log/operation-log.js';
import { CONTENT_DIGEST_HEADER } from '../packets/content-digest.js';
import { createPacketCodec, type PacketCodec, REQUEST_ID_HEADER } from '../packets/packet-codec.js';
import { PACKET_HEADER } from '../packets/packet-header.js';
import { type TrustedCertificate, trustCertificates } from '../signatures/trusted-certificates.js';
import { createMtlsFetch, type MtlsFetch } from '../tls/mtls-fetch.js';
import type { GospochtaClientOptions, GospochtaTokenKeys } from './options.js';

export const TOKEN_PATH = '/oauth2/token';
export const JWKS_PATH = '/oauth2/jwks';
export const DEFAULT_AUDIENCE = 'gospochta-api';

export interface GospochtaContext {
  readonly options: GospochtaClientOptions;
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Its path (`/gospochta`), which packet targets are relative to. */
  readonly basePath: string;
  readonly origin: string;
  readonly api: Transport;
  readonly oauth: Transport;
  readonly codec: PacketCodec;
  readonly auth: AuthState;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly logger: RedactingLogger;
  readonly record: (entry: OperationRecord) => Promise<void>;
  readonly portalTrust: readonly TrustedCertificate[];
  readonly documentTrust: readonly TrustedCertificate[];
  readonly idempotencyStore: KeyValueStore;
  readonly idempotencyTtlMs: number;
  readonly checkPermissions: boolean;
  readonly randomUUID: () => string;
  readonly mtls: MtlsFetch | undefined;
}

function normaliseBaseUrl(value: unknown, needsHttps: boolean): URL {
  if (typeof value !== 'string') {
    throw new InvalidOptionsError('baseUrl is required, e.g. http://127.0.0.1:4010/gospochta');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new InvalidOptionsError('baseUrl must be an absolute http(s) URL', { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionsError('baseUrl must be an absolute http(s) URL');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidOptionsError('baseUrl may not carry credentials, a query or a fragment');
  }
  if (needsHttps && url.protocol !== 'https:') {
    throw new InvalidOptionsError('tls (mutual TLS) needs an https:// baseUrl');
  }
  return url;
}

/**
 * Redirects are never followed: a 3xx comes back as it is and fails the call (GospochtaApiError),
 * so a token or a packet never travels to a host the caller did not configure.
 */
function withoutRedirects(base: typeof fetch | undefined): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    (base ?? globalThis.fetch)(input, { ...init, redirect: 'manual' })) as typeof fetch;
}

function tokenKeys(
  keys: GospochtaTokenKeys | undefined,
  oauth: Transport,
  now: () => number,
): JwtKeyResolver {
  if (keys === undefined || 'jwksPath' in keys) {
    return transportJwks(oauth, keys?.jwksPath ?? JWKS_PATH, { cooldownMs: keys?.cooldownMs ?? 30_000, now });
  }
  if ('jwks' in keys) {
    return jwksKeys(keys.jwks as Parameters<typeof jwksKeys>[0]);
  }
  if ('certificates' in keys) {
    return certificateKeys(keys.certificates);
  }
  if ('resolver' in keys && typeof keys.resolver?.resolve === 'function') {
    return keys.resolver;
  }
  throw new InvalidOptionsError(
    'tokens.keys must be { jwksPath }, { jwks }, { certificates } or { resolver }',
  );
}

export function createGospochtaContext(options: GospochtaClientOptions): GospochtaContext {
  const base = normaliseBaseUrl(options.baseUrl, options.tls !== undefined);
  const baseUrl = base.href.replace(/\/+$/, '');
  const basePath = base.pathname.replace(/\/+$/, '');
  const clock: Clock = options.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const logger = isRedactingLogger(options.logger)
    ? options.logger
    : createLogger(options.logger ? { sink: options.logger, level: 'debug' } : { level: 'warn' });
  if (options.tls && options.fetch) {
    throw new InvalidOptionsError(
      'give either tls (the client builds its mutual-TLS fetch) or your own fetch, not both',
    );
  }
  // Certificate validity is judged by the TLS stacks on the real clock, not the client's (maybe virtual) one.
  const mtls = options.tls ? createMtlsFetch(options.tls) : undefined;
  const transportOptions = { ...options, fetch: withoutRedirects(mtls?.fetch ?? options.fetch), logger };

  const oauth = createTransport(
    clientTransportOptions(transportOptions, {
      baseUrl,
      timeout: 30_000,
      // A token request repeats safely: it creates nothing the client could duplicate.
      retry: { limit: 2, methods: ['GET', 'POST'] },
    }),
  );
  const codec = createPacketCodec({
    keys: options.packetKeys,
    clock,
    ...(options.replayStore ? { replayStore: options.replayStore } : {}),
    ...(options.packetToleranceSec === undefined ? {} : { toleranceSec: options.packetToleranceSec }),
    jws: {
      ...(options.signRequests && options.signer ? { signer: options.signer } : {}),
      ...(options.portalCertificates ? { trust: options.portalCertificates } : {}),
    },
  });
  if (options.signRequests && !options.signer) {
    throw new InvalidOptionsError('signRequests needs a signer (RS256 or GOST)');
  }
  const tokens = options.tokens ?? {};
  const policy: AccessTokenPolicy | undefined =
    tokens.verify === false
      ? undefined
      : {
          keys: tokenKeys(tokens.keys, oauth, now),
          issuer: tokens.issuer ?? baseUrl,
          audience: tokens.audience ?? DEFAULT_AUDIENCE,
          algorithms: tokens.algorithms ?? ACCESS_TOKEN_ALGORITHMS,
          clockToleranceSec: tokens.clockToleranceSec ?? 30,
          now,
        };
  if (!options.auth || typeof options.auth !== 'object') {
    throw new InvalidOptionsError(
      "auth is required: { type: 'client_credentials' | 'esia' | 'token_provider', … }",
    );
  }
  const auth = createAuthState(options.auth, oauth, TOKEN_PATH, policy, tokens.refreshAheadMs ?? 60_000);

  const packetHook = async (event: RequestEvent): Promise<void> => {
    const digest = event.headers.get(CONTENT_DIGEST_HEADER);
    const requestId = event.headers.get(REQUEST_ID_HEADER);
    if (digest === null || requestId === null) {
      return;
    }
    const url = new URL(event.url);
    const signed = await codec.signHeader(
      {
        dir: 'request',
        method: event.method,
        target: `${url.pathname.slice(basePath.length)}${url.search}`,
        requestId,
        idempotencyKey: event.idempotencyKey,
      },
      digest,
    );
    event.headers.set(PACKET_HEADER, signed.header);
  };
  const hooks = {
    ...options.hooks,
    // Last, so that it signs what every other hook left: each attempt gets its own ts and nonce.
    onRequest: [...(options.hooks?.onRequest ?? []), packetHook],
  };
  const api = createTransport({
    ...clientTransportOptions(transportOptions, {
      baseUrl,
      timeout: 30_000,
      retry: { limit: 3 },
    }),
    auth: auth.tokenProvider,
    hooks,
    validateResponses: false,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const portalTrust = trustCertificates(options.portalCertificates, 'portalCertificates');
  return {
    options,
    baseUrl,
    basePath,
    origin: base.origin,
    api,
    oauth,
    codec,
    auth,
    clock,
    sleep: options.sleep ?? defaultSleep,
    logger,
    record: createOperationRecorder(options.operationLog, logger),
    portalTrust,
    documentTrust: options.documentCertificates
      ? trustCertificates(options.documentCertificates, 'documentCertificates')
      : portalTrust,
    idempotencyStore: options.idempotencyStore ?? new MemoryStore({ clock: { now } }),
    idempotencyTtlMs: options.idempotencyTtlMs ?? 86_400_000,
    checkPermissions: options.checkPermissions ?? true,
    randomUUID: () => globalThis.crypto.randomUUID(),
    mtls,
  };
}
