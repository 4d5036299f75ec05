import { CryptoError } from '../errors.js';
import { esiaTimestamp } from './timestamp.js';

/** Which request the client_secret is for; each signs a different concatenation. */
export type EsiaFlow = 'v2/ac' | 'v3/te' | 'client_credentials' | 'refresh_token' | 'v1';

/**
 * The refresh_token string is [unconfirmed]: ilimurzin/esia signs it like v2/ac, AISGorod's client
 * signs client_id + scope + timestamp + state + refresh_token. Default 'ilimurzin'.
 */
export type EsiaRefreshVariant = 'ilimurzin' | 'aisgorod';

export interface EsiaSignedFields {
  flow: EsiaFlow;
  clientId: string;
  /** Space-separated scopes, exactly as sent. */
  scope: string;
  scopeOrg?: string;
  /** Exactly the `timestamp` parameter sent; a Date is formatted with `esiaTimestamp` (+0300). */
  timestamp: string | Date;
  state: string;
  redirectUri?: string;
  /** v3/te with grant_type=authorization_code. */
  code?: string;
  /** refresh_token flow, AISGorod variant. */
  refreshToken?: string;
  refreshVariant?: EsiaRefreshVariant;
}

function required(
  fields: EsiaSignedFields,
  name: 'clientId' | 'scope' | 'state' | 'redirectUri' | 'code' | 'refreshToken',
): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CryptoError('INVALID_INPUT', `ESIA ${fields.flow} signed string needs a non-empty ${name}`);
  }
  return value;
}

/** The `timestamp` text to send and sign. */
export function timestampText(timestamp: string | Date): string {
  return typeof timestamp === 'string' ? timestamp : esiaTimestamp(timestamp);
}

/**
 * The exact string ESIA verifies client_secret against (plain concatenation, no separators, UTF-8):
 * - v2/ac:              client_id + scope + scope_org + timestamp + state + redirect_uri
 * - v3/te (auth code):  the same + code
 * - client_credentials: client_id + scope + timestamp + state + redirect_uri
 * - refresh_token:      as v2/ac (ilimurzin) or client_id + scope + timestamp + state + refresh_token (AISGorod)
 * - v1 (PKCS#7):        scope + timestamp + client_id + state
 */
export function esiaSignedString(fields: EsiaSignedFields): string {
  const clientId = required(fields, 'clientId');
  const scope = required(fields, 'scope');
  const state = required(fields, 'state');
  const timestamp = timestampText(fields.timestamp);
  if (timestamp.length === 0) {
    throw new CryptoError('INVALID_INPUT', `ESIA ${fields.flow} signed string needs a timestamp`);
  }
  const scopeOrg = fields.scopeOrg ?? '';
  switch (fields.flow) {
    case 'v2/ac':
      return clientId + scope + scopeOrg + timestamp + state + required(fields, 'redirectUri');
    case 'v3/te':
      return (
        clientId +
        scope +
        scopeOrg +
        timestamp +
        state +
        required(fields, 'redirectUri') +
        required(fields, 'code')
      );
    case 'client_credentials':
      return clientId + scope + timestamp + state + required(fields, 'redirectUri');
    case 'refresh_token':
      return (fields.refreshVariant ?? 'ilimurzin') === 'ilimurzin'
        ? clientId + scope + scopeOrg + timestamp + state + required(fields, 'redirectUri')
        : clientId + scope + timestamp + state + required(fields, 'refreshToken');
    case 'v1':
      return scope + timestamp + clientId + state;
    default:
      throw new CryptoError('INVALID_INPUT', `Unknown ESIA flow ${JSON.stringify(fields.flow)}`);
  }
}
