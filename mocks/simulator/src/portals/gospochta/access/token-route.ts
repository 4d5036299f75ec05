/**
 * `POST /oauth2/token` (RFC 6749 §4.4, RFC 8693) and `GET /oauth2/jwks`. A system authenticates with
 * HTTP Basic (id and secret form-encoded first) or with `client_id` + `client_secret` in the form,
 * never both; `client_credentials` gives it a token in its own role; a token exchange of a person's
 * ESIA access token (checked by the ESIA portal through the identity service) gives a `client`-role
 * token for that person. `scope` narrows the permissions. OAuth errors, not problems; not packets.
 */
import { fromBase64Any, fromUtf8, timingSafeEqual, utf8 } from '@goskit/crypto';
import { isPermission, ROLE_PERMISSIONS } from '@goskit/gospochta/protocol';
import { bodyText, json } from '../../../engine/responses.js';
import type { PortalRuntime, RouteDefinition, SimRequest, SimResponse } from '../../../engine/types.js';
import { identityService } from '../../../services/identity.js';
import { tokenKey } from '../keys.js';
import { recordAudit } from '../operations/audit-log.js';
import type { ResolvedGospochtaOptions } from '../options.js';
import { type GospochtaState, personByOid, type SystemRecord } from '../state.js';
import { requestIdOf } from './request-id.js';
import { issueAccessToken } from './tokens.js';

const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

function oauthError(
  status: number,
  error: string,
  description: string,
  requestId: string,
  headers: Record<string, string> = {},
): SimResponse {
  return json({ error, error_description: description }, status, {
    'cache-control': 'no-store',
    'x-request-id': requestId,
    ...headers,
  });
}

function decodeFormPart(value: string): string | undefined {
  // Stryker disable BlockStatement: equivalent for the catch block, without its return the function returns undefined too
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// Stryker restore BlockStatement

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The credentials, or an error description when they are malformed or given twice. */
function credentialsOf(request: SimRequest, form: URLSearchParams): ClientCredentials | string | undefined {
  const header = request.headers.authorization;
  const basic = header === undefined ? undefined : /^Basic\s+([A-Za-z0-9+/=]{1,2048})$/i.exec(header)?.[1];
  const inForm = form.has('client_id') || form.has('client_secret');
  if (header !== undefined && basic === undefined) {
    return 'the Authorization header must be Basic base64(client_id:client_secret)';
  }
  if (basic !== undefined) {
    if (inForm) {
      return 'give the client credentials once: Basic or the form, not both';
    }
    let decoded: string;
    try {
      decoded = fromUtf8(fromBase64Any(basic));
    } catch {
      return 'the Basic credentials are not base64';
    }
    const colon = decoded.indexOf(':');
    if (colon < 0) {
      return 'the Basic credentials are not client_id:client_secret';
    }
    const clientId = decodeFormPart(decoded.slice(0, colon));
    const clientSecret = decodeFormPart(decoded.slice(colon + 1));
    return clientId === undefined || clientSecret === undefined
      ? 'the Basic credentials are not client_id:client_secret'
      : { clientId, clientSecret };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  return clientId === null || clientSecret === null ? undefined : { clientId, clientSecret };
}

function authenticate(state: GospochtaState, credentials: ClientCredentials): SystemRecord | undefined {
  const system = state.systems.get(credentials.clientId);
  if (system === undefined) {
    return undefined;
  }
  const given = utf8(credentials.clientSecret);
  const expected = utf8(system.clientSecret);
  // timingSafeEqual is false for different lengths.
  return timingSafeEqual(given, expected) ? system : undefined;
}

/** The permissions a `scope` asks for, checked against the role; a string describes what is wrong. */
function scopeOf(form: URLSearchParams, role: string): string[] | undefined | { invalid: string } {
  const scope = form.get('scope');
  if (scope === null) {
    return undefined;
  }
  const asked = scope.split(' ').filter((item) => item.length > 0);
  const unknown = asked.find((item) => !isPermission(item));
  if (unknown !== undefined || asked.length > 20) {
    return { invalid: `scope names permissions of the contract; "${(unknown ?? '').slice(0, 40)}" is none` };
  }
  const granted = (ROLE_PERMISSIONS as Record<string, readonly string[]>)[role];
  const beyond = granted === undefined ? undefined : asked.find((item) => !granted.includes(item));
  if (beyond !== undefined) {
    return { invalid: `the role ${role} does not have ${beyond}` };
  }
  return [...new Set(asked)];
}

export function tokenRoutes(options: ResolvedGospochtaOptions): RouteDefinition<GospochtaState>[] {
  return [
    {
      method: 'POST',
      path: '/oauth2/token',
      operation: 'issueToken',
      handler: async ({ request, state, sim }) => {
        const requestId = requestIdOf(request, sim);
        const answer = await token(request, state, sim, options, requestId.value);
        recordAudit(state, {
          requestId: requestId.value,
          at: sim.clock.now(),
          operation: 'issueToken',
          status: answer.response.status,
          ...(answer.clientId === undefined ? {} : { clientId: answer.clientId }),
          ...(answer.response.status >= 400 ? { code: answer.code } : {}),
        });
        return answer.response;
      },
    },
    {
      method: 'GET',
      path: '/oauth2/jwks',
      operation: 'getJwks',
      handler: async ({ sim }) => {
        const key = await tokenKey(sim.seed, options.tokenAlg);
        return json({ keys: [key.jwk] }, 200, { 'cache-control': 'max-age=600' });
      },
    },
  ];
}

interface TokenAnswer {
  response: SimResponse;
  clientId?: string;
  code?: string;
}

async function token(
  request: SimRequest,
  state: GospochtaState,
  sim: PortalRuntime,
  options: ResolvedGospochtaOptions,
  requestId: string,
): Promise<TokenAnswer> {
  const refuse = (status: number, error: string, description: string, headers?: Record<string, string>) => ({
    response: oauthError(status, error, description, requestId, headers),
    code: error,
  });
  // Stryker disable next-line StringLiteral: equivalent, no fallback text could read as a form type
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return refuse(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
  }
  if ((request.body?.length ?? 0) > 64 * 1024) {
    return refuse(400, 'invalid_request', 'the form is over 64 KiB');
  }
  const form = new URLSearchParams(bodyText(request.body));
  const credentials = credentialsOf(request, form);
  if (typeof credentials === 'string') {
    return refuse(400, 'invalid_request', credentials);
  }
  const system = credentials === undefined ? undefined : authenticate(state, credentials);
  if (system === undefined) {
    return refuse(401, 'invalid_client', 'unknown client or wrong secret', {
      'www-authenticate': 'Basic realm="gospochta"',
    });
  }
  const grant = form.get('grant_type');
  // An undefined `permissions` is left out of the token's JSON.
  let claims: { sub: string; client_id: string; role: string; permissions?: string[] | undefined };
  if (grant === 'client_credentials') {
    const scope = scopeOf(form, system.role);
    if (scope !== undefined && !Array.isArray(scope)) {
      return { ...refuse(400, 'invalid_scope', scope.invalid), clientId: system.clientId };
    }
    const permissions = scope ?? system.permissions;
    claims = {
      sub: system.subject,
      client_id: system.clientId,
      role: system.role,
      permissions,
    };
  } else if (grant === EXCHANGE) {
    const subjectToken = form.get('subject_token');
    if (subjectToken === null || form.get('subject_token_type') !== ACCESS_TOKEN_TYPE) {
      return {
        ...refuse(
          400,
          'invalid_request',
          `token exchange needs subject_token and subject_token_type ${ACCESS_TOKEN_TYPE}`,
        ),
        clientId: system.clientId,
      };
    }
    const identity = await sim.service(identityService).verifyAccessToken(subjectToken.slice(0, 16_384));
    const person = identity?.oid === undefined ? undefined : personByOid(state, identity.oid);
    if (person === undefined) {
      return {
        ...refuse(
          400,
          'invalid_grant',
          'the ESIA token does not verify, has expired, or names no person with a Gosuslugi profile here',
        ),
        clientId: system.clientId,
      };
    }
    const scope = scopeOf(form, 'client');
    if (scope !== undefined && !Array.isArray(scope)) {
      return { ...refuse(400, 'invalid_scope', scope.invalid), clientId: system.clientId };
    }
    claims = {
      sub: person.oid,
      client_id: system.clientId,
      role: 'client',
      permissions: scope,
    };
  } else {
    return {
      ...refuse(400, 'unsupported_grant_type', 'grant_type: client_credentials or token exchange'),
      clientId: system.clientId,
    };
  }
  const issued = await issueAccessToken(sim, options, request.baseUrl, claims);
  state.tokensIssued += 1;
  return {
    clientId: system.clientId,
    response: json(
      {
        access_token: issued.token,
        token_type: 'Bearer',
        expires_in: issued.expiresIn,
        ...(claims.permissions === undefined ? {} : { scope: claims.permissions.join(' ') }),
        ...(grant === EXCHANGE ? { issued_token_type: ACCESS_TOKEN_TYPE } : {}),
      },
      200,
      { 'cache-control': 'no-store', 'x-request-id': requestId },
    ),
  };
}
