/**
 * The ESIA portal's state: Maps keyed by ids that come from requests (client_id, rid, login, code),
 * so a `__proto__` or `constructor` id is just an unknown key (snapshots structured-clone Maps as is).
 * Keys and certificates of the simulator itself live in a per-seed cache (signing-keys.ts), not here.
 */
import type { SimulatorRuntime } from '../../engine/types.js';
import { demoClientRecord } from './demo-client.js';
import type { GrantedPermission, RequestedPermission } from './permissions.js';

export interface EsiaClientRecord {
  clientId: string;
  /** Registered redirect URIs (matched by prefix or exactly, see options). */
  redirectUris: string[];
  certificatePem: string;
  /** Streebog-256 of the DER certificate, 64 uppercase hex. */
  certificateHash: string;
  /** The certificate's validity (epoch ms): outside it the client is refused. */
  notBeforeMs: number;
  notAfterMs: number;
  /** Scopes the client may ask for; ['*'] allows every known scope. */
  scopes: string[];
  title: string;
}

export interface PendingAuthorization {
  id: string;
  flow: 'v1' | 'v2';
  clientId: string;
  redirectUri: string;
  scope: string;
  scopeOrg: string;
  state: string;
  accessType: 'online' | 'offline';
  createdMs: number;
  /** PKCE, when the client sent code_challenge. */
  codeChallenge?: { value: string; method: string };
  /** Consents asked for with `permissions` (shown on the consent page). */
  permissions?: RequestedPermission[];
  /** Set once the login succeeded. */
  oid?: string;
  authTimeMs?: number;
}

export interface LoginAttempts {
  failures: number;
  lockedUntilMs: number;
  /** After a lock the next try must also answer the check question. */
  needsCheck: boolean;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  scopeOrg: string;
  accessType: 'online' | 'offline';
  oid: string;
  sid: string;
  authTimeMs: number;
  expMs: number;
  used: boolean;
  codeChallenge?: { value: string; method: string };
  /** Consents the person gave on the consent page; the tokens carry them. */
  permissions?: GrantedPermission[];
}

export interface EsiaSession {
  sid: string;
  oid: string;
  clientId: string;
  createdMs: number;
  ended: boolean;
}

export interface RefreshGrant {
  clientId: string;
  sid: string;
  oid: string;
  scope: string;
  scopeOrg: string;
  redirectUri: string;
  authTimeMs: number;
  revoked: boolean;
  /** Consent types (sysnames) the original tokens carried; a refresh carries those still active. */
  permissionTypes?: string[];
}

/** A consent the person gave a system, kept so the system can renew its token (`prm_chg?oid=`). */
export interface ConsentRecord extends GrantedPermission {
  clientId: string;
  oid: string;
  grantedMs: number;
}

/** The key of a consent: system, person and consent type. */
export function consentKey(clientId: string, oid: string, sysname: string): string {
  return `${clientId}\u0000${oid}\u0000${sysname}`;
}

export interface EsiaState {
  clients: Map<string, EsiaClientRecord>;
  requests: Map<string, PendingAuthorization>;
  /** By login (lower case). */
  attempts: Map<string, LoginAttempts>;
  /** By the code's signature segment. */
  codes: Map<string, IssuedCode>;
  sessions: Map<string, EsiaSession>;
  refreshTokens: Map<string, RefreshGrant>;
  /** Consents by consentKey(clientId, oid, sysname). */
  consents: Map<string, ConsentRecord>;
}

export interface EsiaStateSeed {
  /** Extra clients registered at creation (the --data file's `esia.clients`). */
  clients?: EsiaClientRecord[];
}

export function createEsiaState(runtime: SimulatorRuntime, seed: EsiaStateSeed = {}): EsiaState {
  const demo = demoClientRecord(runtime.seed);
  const clients = new Map<string, EsiaClientRecord>([[demo.clientId, demo]]);
  for (const client of seed.clients ?? []) {
    clients.set(client.clientId, client);
  }
  return {
    clients,
    requests: new Map(),
    attempts: new Map(),
    codes: new Map(),
    sessions: new Map(),
    refreshTokens: new Map(),
    consents: new Map(),
  };
}
