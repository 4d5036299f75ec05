/**
 * Consents the person gave systems on the consent page. A consent lives `expire` minutes of virtual
 * time; while it does, the system may renew the person's token without a login
 * (client_credentials with `prm_chg?oid=<oid>`), and every token carries the consents still active.
 */
import { CONSENT_TYPES, type GrantedPermission, type RequestedPermission } from './permissions.js';
import { type ConsentRecord, consentKey, type EsiaState } from './state.js';

/** Stores the consents of an allowed request (a new consent replaces the old one of its type). */
export function recordConsents(
  state: EsiaState,
  clientId: string,
  oid: string,
  requested: readonly RequestedPermission[],
  defaultResponsible: string,
  nowMs: number,
): GrantedPermission[] {
  return requested.map((permission) => {
    const granted: ConsentRecord = {
      ...permission,
      actions: [...permission.actions],
      purposes: [...permission.purposes],
      scopes: [...permission.scopes],
      responsibleObject: permission.responsibleObject ?? defaultResponsible,
      expiresMs: nowMs + permission.expireMinutes * 60_000,
      clientId,
      oid,
      grantedMs: nowMs,
    };
    state.consents.set(consentKey(clientId, oid, permission.sysname), granted);
    return toGranted(granted);
  });
}

function toGranted(record: ConsentRecord): GrantedPermission {
  return {
    sysname: record.sysname,
    responsibleObject: record.responsibleObject,
    expireMinutes: record.expireMinutes,
    actions: [...record.actions],
    purposes: [...record.purposes],
    scopes: [...record.scopes],
    expiresMs: record.expiresMs,
  };
}

/**
 * The person's unexpired consents to the system at `nowMs`, optionally only of the given types.
 * Expired ones are dropped from the state on the way.
 */
export function activeConsents(
  state: EsiaState,
  clientId: string,
  oid: string,
  nowMs: number,
  sysnames: readonly string[] = [...CONSENT_TYPES.keys()],
): GrantedPermission[] {
  const out: GrantedPermission[] = [];
  for (const sysname of sysnames) {
    const key = consentKey(clientId, oid, sysname);
    const record = state.consents.get(key);
    if (record === undefined) {
      continue;
    }
    if (record.expiresMs <= nowMs) {
      state.consents.delete(key);
      continue;
    }
    out.push(toGranted(record));
  }
  return out;
}

/** Scope items a token gains from consents: each consent's scopes, in the granted-scope form. */
export function consentScopes(permissions: readonly GrantedPermission[]): string[] {
  return [...new Set(permissions.flatMap((permission) => permission.scopes))];
}
