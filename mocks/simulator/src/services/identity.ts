/**
 * The identity service: what portals that accept an identity provider's access tokens (EPGU,
 * Госпочта) need from it — verify a token it issued, and look the person up. ESIA provides it.
 */
import { defineService } from '../engine/services.js';
import type { Persona } from '../engine/types.js';

/**
 * One consent the person gave the system on the provider's consent page (ESIA `permissions`, e.g.
 * the EPGU order API's APIPGU), as the access token carries it.
 */
export interface IdentityPermission {
  /** The consent type, e.g. 'APIPGU'. */
  sysname: string;
  /** Who receives the data (the organisation named on the consent page). */
  responsibleObject: string;
  /** Scope names the consent covers, e.g. ['http://lk.gosuslugi.ru/api-order']. */
  scopes: string[];
  purposes: string[];
  actions: string[];
  /** When the consent itself ends (not the token). */
  expiresAt: Date;
}

export interface IdentityGrant {
  /** The person's id at the provider (ESIA oid); absent for a system's own (client credentials) token. */
  oid: string | undefined;
  clientId: string;
  /** Scope names without `?oid=…`. */
  scopes: string[];
  /** The scope claim as issued. */
  scope: string;
  sid: string;
  expiresAt: Date;
  /**
   * Consents the token carries (ESIA's `permissions` claim); absent or empty when the person gave
   * none. Portals that act on the person's behalf (EPGU: APIPGU) check them.
   */
  permissions?: IdentityPermission[];
}

export interface IdentityService {
  /** The grant of an unexpired access token this simulator's provider issued; undefined for anything else. */
  verifyAccessToken(token: string): Promise<IdentityGrant | undefined>;
  /** A person of the roster by provider id. */
  person(oid: string): Persona | undefined;
}

export const identityService = defineService<IdentityService>('identity', {
  description: 'verifies access tokens of the identity provider and looks people up',
  hint: 'esiaPortal()',
});

/** The scope names of a space-separated scope claim, without `?oid=…` suffixes. */
export function scopeNames(scope: string): string[] {
  return scope
    .split(/\s+/)
    .filter((item) => item.length > 0)
    .map((item) => item.replace(/\?.*$/, ''));
}
