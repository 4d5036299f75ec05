/**
 * Who is calling: the bearer token verified (tokens.ts), its role one of operator, client, admin (any
 * other → 403 ROLE_UNKNOWN), its system still registered, its permissions (the role's, narrowed by the
 * token's `permissions`). A refusal is a problem: 401 with `WWW-Authenticate: Bearer …`, or 403.
 */
import { effectivePermissions, isRole, type Permission, type Role } from '@goskit/gospochta/protocol';
import type { PortalRuntime, SimRequest } from '../../../engine/types.js';
import type { ResolvedGospochtaOptions } from '../options.js';
import { GospochtaProblem } from '../problem.js';
import { type GospochtaState, type PersonRecord, personByOid, type SystemRecord } from '../state.js';
import { checkAccessToken } from './tokens.js';

export interface Caller {
  clientId: string;
  /** The token's `sub`: a person's oid for the client role, the system's subject otherwise. */
  subject: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  expiresAt: number;
  system: SystemRecord;
  /** The person the token is for (client role, or a system whose subject is a person's oid). */
  person?: PersonRecord;
}

const REALM = 'Bearer realm="gospochta"';

export async function authenticateCaller(
  request: SimRequest,
  state: GospochtaState,
  sim: PortalRuntime,
  options: ResolvedGospochtaOptions,
): Promise<Caller> {
  const header = request.headers.authorization;
  const token = header === undefined ? undefined : /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header)?.[1];
  if (token === undefined) {
    throw new GospochtaProblem(
      401,
      'UNAUTHORIZED',
      { detail: 'send Authorization: Bearer <access token from /oauth2/token>' },
      { 'www-authenticate': REALM },
    );
  }
  const checked = await checkAccessToken(sim, options, request.baseUrl, token);
  if (!checked.ok) {
    const code = checked.reason === 'expired' ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED';
    throw new GospochtaProblem(
      401,
      code,
      { detail: checked.message },
      { 'www-authenticate': `${REALM}, error="invalid_token", error_description="${checked.message}"` },
    );
  }
  const { claims } = checked;
  if (!isRole(claims.role)) {
    throw new GospochtaProblem(403, 'ROLE_UNKNOWN', {
      role: claims.role.slice(0, 64),
      detail: 'roles are operator, client and admin',
    });
  }
  const system = state.systems.get(claims.client_id);
  if (system === undefined) {
    throw new GospochtaProblem(
      401,
      'UNAUTHORIZED',
      { detail: 'the token names a system that is not registered (any more)' },
      { 'www-authenticate': `${REALM}, error="invalid_token"` },
    );
  }
  // Entries that are not strings match no permission of the role (effectivePermissions).
  const claimed = Array.isArray(claims.permissions) ? claims.permissions : undefined;
  const person = personByOid(state, claims.sub);
  return {
    clientId: system.clientId,
    subject: claims.sub,
    role: claims.role,
    permissions: effectivePermissions(claims.role, claimed),
    expiresAt: claims.exp * 1000,
    system,
    ...(person === undefined ? {} : { person }),
  };
}
