/**
 * Helpers for the ESIA portal tests: SimRequests on the test host, a GOST signer for the demo
 * client, and a browser-less walk through login → consent → code.
 */
import { createClientSecret, createSoftwareGostSigner, esiaTimestamp } from '@goskit/crypto';
import { createSimulator } from '../src/create-simulator.js';
import type { SimRequest, SimResponse, Simulator } from '../src/engine/types.js';
import { demoEsiaClient, type EsiaPortalDefinitionOptions, esiaPortal } from '../src/portals/esia/index.js';
import { bodyOf, jsonOf } from './fixtures/requests.js';

export const BASE = 'https://esia-portal1.test.gosuslugi.ru';
export const REDIRECT = 'http://localhost:3000/callback';
export const SCOPE = 'openid fullname birthdate snils email mobile';

export function newSim(options: EsiaPortalDefinitionOptions = {}, seed = 'esia-test'): Simulator {
  return createSimulator({ seed, portals: [esiaPortal(options)], strictContracts: true });
}

const encoder = new TextEncoder();

export function request(
  method: string,
  pathAndQuery: string,
  init: { form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {},
): SimRequest {
  const url = new URL(pathAndQuery, BASE);
  const headers: Record<string, string> = { ...init.headers };
  let body: Uint8Array | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = encoder.encode(new URLSearchParams(init.form).toString());
  } else if (init.body !== undefined) {
    body = encoder.encode(init.body);
  }
  return {
    method,
    portal: 'esia',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    url: url.toString(),
    baseUrl: BASE,
  };
}

// Shared with the engine tests.
export { bodyOf, jsonOf };
export const locationOf = (response: SimResponse) => new URL(response.headers.location as string);

export function demoSigner(sim: Simulator) {
  const demo = demoEsiaClient(sim);
  return createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem });
}

export interface AuthorizeParams {
  clientId?: string;
  scope?: string;
  scopeOrg?: string;
  state?: string;
  redirectUri?: string;
  accessType?: 'online' | 'offline';
  timestamp?: string;
  /** The `permissions` parameter, already encoded (not part of the signed string). */
  permissions?: string;
}

/** A consent as go-api-epgu's Permissions writes it (JSON field order included). */
export interface PermissionInput {
  responsibleObject?: string;
  sysname?: string;
  expire?: number;
  actions?: string[];
  purposes?: string[];
  scopes?: string[];
}

/** Unpadded base64url of the permissions JSON (go-api-epgu `Base64String`); APIPGU by default. */
export function encodePermissions(list: PermissionInput[] = [{}]): string {
  const body = list.map((permission) => ({
    responsibleObject: permission.responsibleObject ?? 'ООО «Демо»',
    sysname: permission.sysname ?? 'APIPGU',
    ...(permission.expire === undefined ? { expire: 525600 } : { expire: permission.expire }),
    actions: (permission.actions ?? ['ALL_ACTIONS_TO_DATA']).map((sysname) => ({ sysname })),
    purposes: (permission.purposes ?? ['APIPGU']).map((sysname) => ({ sysname })),
    scopes: (permission.scopes ?? ['http://lk.gosuslugi.ru/api-order']).map((sysname) => ({ sysname })),
  }));
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** A fully signed v2/ac query (the demo client by default); overrides tamper with single fields. */
export async function authorizeQuery(
  sim: Simulator,
  params: AuthorizeParams = {},
  signer = demoSigner(sim),
): Promise<Record<string, string>> {
  const clientId = params.clientId ?? 'GOSKIT_DEMO';
  const scope = params.scope ?? SCOPE;
  const state = params.state ?? sim.random.uuid();
  const redirectUri = params.redirectUri ?? REDIRECT;
  const timestamp = params.timestamp ?? esiaTimestamp(sim.clock.date());
  const secret = await createClientSecret(signer, {
    flow: 'v2/ac',
    clientId,
    scope,
    scopeOrg: params.scopeOrg ?? '',
    timestamp,
    state,
    redirectUri,
  });
  const query: Record<string, string> = {
    client_id: clientId,
    client_secret: secret.clientSecret,
    client_certificate_hash: secret.clientCertificateHash,
    redirect_uri: redirectUri,
    scope,
    response_type: 'code',
    state,
    timestamp,
    access_type: params.accessType ?? 'offline',
  };
  if (params.scopeOrg) {
    query.scope_org = params.scopeOrg;
  }
  if (params.permissions !== undefined) {
    query.permissions = params.permissions;
  }
  return query;
}

export function acRequest(query: Record<string, string>, path = '/aas/oauth2/v2/ac'): SimRequest {
  return request('GET', `${path}?${new URLSearchParams(query).toString()}`);
}

export const PARENT_LOGIN_PASSWORD = 'goskit-demo';

/** Walks login (form POST) and consent; returns the final 302 to redirect_uri. */
export async function loginAndConsent(
  sim: Simulator,
  loginRedirect: SimResponse,
  login: string,
  password = PARENT_LOGIN_PASSWORD,
  decision: 'allow' | 'deny' = 'allow',
): Promise<SimResponse> {
  const rid = locationOf(loginRedirect).searchParams.get('rid') as string;
  const posted = await sim.handle(
    request('POST', '/login', { form: { rid, login, password, code: '123456' } }),
  );
  if (posted.status !== 302) {
    throw new Error(`login failed: ${posted.status} ${bodyOf(posted).slice(0, 2000)}`);
  }
  return sim.handle(request('POST', '/consent', { form: { rid, decision } }));
}

/** Signed form for v3/te with the authorization code. */
export async function codeExchangeForm(
  sim: Simulator,
  code: string,
  params: { scope?: string; redirectUri?: string; state?: string; timestamp?: string } = {},
  signer = demoSigner(sim),
): Promise<Record<string, string>> {
  const scope = params.scope ?? SCOPE;
  const state = params.state ?? sim.random.uuid();
  const redirectUri = params.redirectUri ?? REDIRECT;
  const timestamp = params.timestamp ?? esiaTimestamp(sim.clock.date());
  const secret = await createClientSecret(signer, {
    flow: 'v3/te',
    clientId: 'GOSKIT_DEMO',
    scope,
    timestamp,
    state,
    redirectUri,
    code,
  });
  return {
    client_id: 'GOSKIT_DEMO',
    code,
    grant_type: 'authorization_code',
    client_certificate_hash: secret.clientCertificateHash,
    client_secret: secret.clientSecret,
    state,
    redirect_uri: redirectUri,
    scope,
    timestamp,
    token_type: 'Bearer',
  };
}

/** Signed form for a client_credentials token (e.g. scope `prm_chg?oid=…`, go-api-epgu `TokenUpdate`). */
export async function clientCredentialsForm(
  sim: Simulator,
  scope: string,
  params: { redirectUri?: string; state?: string; timestamp?: string } = {},
  signer = demoSigner(sim),
): Promise<Record<string, string>> {
  const state = params.state ?? sim.random.uuid();
  const redirectUri = params.redirectUri ?? REDIRECT;
  const timestamp = params.timestamp ?? esiaTimestamp(sim.clock.date());
  const secret = await createClientSecret(signer, {
    flow: 'client_credentials',
    clientId: 'GOSKIT_DEMO',
    scope,
    timestamp,
    state,
    redirectUri,
  });
  return {
    client_id: 'GOSKIT_DEMO',
    client_secret: secret.clientSecret,
    scope,
    timestamp,
    state,
    redirect_uri: redirectUri,
    client_certificate_hash: secret.clientCertificateHash,
    grant_type: 'client_credentials',
    token_type: 'Bearer',
  };
}
