import type { ClientOptions, KeyValueStore, Sleep } from '@goskit/core';
import type { JwtKeyResolver, Signer } from '@goskit/crypto';
import type { AccessTokenAlgorithm } from '../access/access-token.js';
import type { GospochtaAuth } from '../access/auth-options.js';
import type { OperationLog } from '../log/operation-log.js';
import type { PacketKeyRing, PacketKeyRingOptions } from '../packets/packet-keys.js';
import type { ClientTlsOptions } from '../tls/mtls-fetch.js';

/** Where the keys that verify access tokens come from. Default: `{ jwksPath: '/oauth2/jwks' }` via the client's transport. */
export type GospochtaTokenKeys =
  | { jwksPath: string; cooldownMs?: number }
  | { jwks: { keys: Record<string, unknown>[] } }
  | { certificates: ReadonlyArray<string | Uint8Array> }
  | { resolver: JwtKeyResolver };

export interface GospochtaTokenOptions {
  /** Verify every access token (signature, allow-list, iss, aud, exp, role). Default true. */
  verify?: boolean;
  keys?: GospochtaTokenKeys;
  /** Accepted `iss`. Default: the base URL. */
  issuer?: string | readonly string[];
  /** Accepted `aud`. Default 'gospochta-api'. */
  audience?: string | readonly string[];
  /** Default ['RS256', 'ES256', 'GOST3410_2012_256']. */
  algorithms?: readonly AccessTokenAlgorithm[];
  /** Default 30. */
  clockToleranceSec?: number;
  /** Refresh this long before expiry (capped at half the lifetime). Default 60 000. */
  refreshAheadMs?: number;
}

export interface GospochtaClientOptions extends ClientOptions {
  /** The API base URL: `http://127.0.0.1:4010/gospochta` (simulator) or your stand's `https://…`. */
  baseUrl: string;
  auth: GospochtaAuth;
  /** Packet keys shared with the portal: `{ keys: [{ kid, macKey, encryptionKey }], currentKid? }` or a key ring. */
  packetKeys: PacketKeyRingOptions | PacketKeyRing;
  /** Mutual TLS: the client certificate and key (files or memory) and the portal's CA. */
  tls?: ClientTlsOptions;
  tokens?: GospochtaTokenOptions;
  /** Certificates that sign delivery acts and receipts (detached JWS) and, by default, documents. */
  portalCertificates?: ReadonlyArray<string | Uint8Array>;
  /** Certificates of the agencies that sign requested documents (CMS). Default: portalCertificates. */
  documentCertificates?: ReadonlyArray<string | Uint8Array>;
  /** Signs attachments (detached CMS) and, with `signRequests`, every request body (JWS). GOST or RS256. */
  signer?: Signer;
  /** Add `X-Gospochta-Jws` (detached JWS of the body, by `signer`) to every request. Default false. */
  signRequests?: boolean;
  /** Seen response packets (replay check). Default: in-process MemoryStore. */
  replayStore?: KeyValueStore;
  /** Idempotency keys this client used and what for (local refusal of a reused key). Default: in-process MemoryStore. */
  idempotencyStore?: KeyValueStore;
  /** How long idempotency keys are remembered, ms. Default 24 h (the portal's window). */
  idempotencyTtlMs?: number;
  /** Accepted packet clock skew, seconds. Default 300. */
  packetToleranceSec?: number;
  /** Refuse an operation the token's role cannot do before sending it. Default true. */
  checkPermissions?: boolean;
  /** Receives one record per operation (no personal data). Default: the logger at info level. */
  operationLog?: OperationLog;
  /** The wait between polls (status, documents). Default: a real timer. */
  sleep?: Sleep;
}
