/**
 * Who is calling: the Bearer token checked, then the person's consent (spec, Приложение 4). 'esia'
 * mode asks the identity service (the simulator's ESIA portal) whether it issued the token and it is
 * unexpired on the virtual clock; 'any-bearer' decodes the JWT payload without checking the
 * signature. Missing or unreadable token → bare 401. The token must carry an unexpired APIPGU
 * consent covering the api-order scope, else 403 access_denied_person_permissions — the scope alone
 * is not enough (option `requirePermissions: false` restores the scope-only check).
 */

import { decodeJwtUnverified } from '@goskit/crypto';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { type IdentityPermission, identityService, scopeNames } from '../../services/identity.js';
import { bare, epguError, REASON_HEADER } from './errors.js';
import { API_ORDER_SCOPES, APIPGU, type ResolvedEpguOptions } from './options.js';
import type { EpguState } from './state.js';

export interface EpguCaller {
  /** ESIA oid (`urn:esia:sbj_id`, else `sub`). */
  userId: string;
  /** The system (ESIA client id) the token was issued to; 'unknown' when an any-bearer token names none. */
  systemId: string;
  /** The raw token (never logged or stored). */
  token: string;
}

export { REASON_HEADER };

interface TokenFacts {
  subject: unknown;
  clientId: string;
  scopes: string[];
  permissions: IdentityPermission[];
}

/** 'esia' mode: a token the identity service (the simulator's ESIA) issued and that has not expired. */
async function fromIdentityProvider(
  ctx: RouteContext<EpguState>,
  token: string,
): Promise<TokenFacts | undefined> {
  const grant = await ctx.sim.service(identityService).verifyAccessToken(token);
  return grant === undefined
    ? undefined
    : {
        subject: grant.oid,
        clientId: grant.clientId,
        scopes: grant.scopes,
        // Stryker disable next-line ArrayDeclaration: equivalent — ESIA, the only identity provider, always sets permissions (an empty list when none)
        permissions: grant.permissions ?? [],
      };
}

const sysnames = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((item) => {
        const name = typeof item === 'string' ? item : (item as { sysname?: unknown } | null)?.sysname;
        return typeof name === 'string' ? [name] : [];
      })
    : [];

/** The `permissions` claim of an unverified payload, as identity permissions (tolerant). */
function payloadPermissions(claim: unknown): IdentityPermission[] {
  if (!Array.isArray(claim)) {
    return [];
  }
  return claim.flatMap((item) => {
    const record = item as Record<string, unknown> | null | undefined;
    // null, numbers and strings have no string `sysname`: this one check refuses them all.
    if (typeof record?.sysname !== 'string') {
      return [];
    }
    return [
      {
        sysname: record.sysname,
        responsibleObject: typeof record.responsibleObject === 'string' ? record.responsibleObject : '',
        scopes: sysnames(record.scopes),
        purposes: sysnames(record.purposes),
        actions: sysnames(record.actions),
        // Without `exp` the consent is taken as unexpired (any-bearer trusts the payload).
        expiresAt: new Date(typeof record.exp === 'number' ? record.exp * 1000 : 8.64e15),
      },
    ];
  });
}

/** 'any-bearer' mode: any JWT whose payload reads and whose `exp` (if any) is in the future. */
function fromAnyBearer(token: string, nowMs: number): TokenFacts | undefined {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwtUnverified(token).payload;
  } catch {
    return undefined;
  }
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs) {
    return undefined;
  }
  return {
    subject: payload['urn:esia:sbj_id'] ?? payload.sub,
    clientId: typeof payload.client_id === 'string' ? payload.client_id.slice(0, 64) : 'unknown',
    scopes: scopeNames(typeof payload.scope === 'string' ? payload.scope : ''),
    permissions: payloadPermissions(payload.permissions),
  };
}

/** An unexpired APIPGU consent that covers the api-order scope. */
export function hasOrderConsent(permissions: readonly IdentityPermission[], nowMs: number): boolean {
  return permissions.some(
    (permission) =>
      permission.sysname === APIPGU &&
      permission.expiresAt.getTime() > nowMs &&
      permission.scopes.some((scope) => API_ORDER_SCOPES.includes(scope)),
  );
}

/** A verified (or, any-bearer, decoded) token: the facts the checks after it need. */
export interface IdentifiedToken extends TokenFacts {
  token: string;
}

/** Step 1: the Bearer token read and verified, else a bare 401. */
export async function identify(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
): Promise<IdentifiedToken | SimResponse> {
  const match = ctx.request.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) {
    return bare(401, { [REASON_HEADER]: 'no Bearer token' });
  }
  const token = match[1] as string;
  const facts =
    options.auth === 'esia'
      ? await fromIdentityProvider(ctx, token)
      : fromAnyBearer(token, ctx.sim.clock.now());
  if (!facts) {
    // The real 401 has no body; this header tells a developer why (e.g. auth 'esia' without esiaPortal()).
    return bare(401, {
      [REASON_HEADER]:
        options.auth === 'esia'
          ? "not an unexpired access token of this simulator's ESIA portal (auth: 'esia')"
          : "not a JWT with a readable, unexpired payload (auth: 'any-bearer')",
    });
  }
  return { ...facts, token };
}

/** Step 3 (after the system's admission and limits): the person's consent and the subject. */
export function consentingCaller(
  identified: IdentifiedToken,
  options: ResolvedEpguOptions,
  nowMs: number,
): EpguCaller | SimResponse {
  const consented = options.requirePermissions
    ? hasOrderConsent(identified.permissions, nowMs)
    : identified.scopes.some((scope) => API_ORDER_SCOPES.includes(scope));
  if (!consented) {
    // The spec's own example text (5.1).
    return epguError(
      403,
      'access_denied_person_permissions',
      'Пользователь не дал согласие Вашей системе на выполнение данной операции',
    );
  }
  const subject = identified.subject;
  if (typeof subject !== 'string' && typeof subject !== 'number') {
    return epguError(403, 'access_denied_user', 'Токен не выдан пользователю (нет urn:esia:sbj_id)');
  }
  return { userId: String(subject), systemId: identified.clientId, token: identified.token };
}

export const isResponse = (value: unknown): value is SimResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;
