/**
 * ESIA error codes and the texts the simulator answers with. Texts for 007005, 007014, 007053 and
 * 007011 are the ones observed on the real ESIA; the others follow RFC 6749 wording [unconfirmed];
 * the consent codes 0367xx carry go-api-epgu's meanings in goskit's English.
 */
export type EsiaErrorCode =
  | '007003'
  | '007004'
  | '007005'
  | '007006'
  | '007009'
  | '007011'
  | '007012'
  | '007014'
  | '007015'
  | '007019'
  | '007023'
  | '007039'
  | '007038'
  | '007040'
  | '007053'
  | '036700'
  | '036701'
  | '036702'
  | '036703'
  | '036705'
  | '036706'
  | '036707'
  | '036716'
  | '036726'
  | '036727';

interface ErrorSpec {
  /** OAuth `error` value (mapping confirmed only for 007005, 007014, 007053). */
  error: string;
  text: string;
}

const SPECS: Record<EsiaErrorCode, ErrorSpec> = {
  '007003': {
    error: 'invalid_request',
    text: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  },
  '007004': {
    error: 'access_denied',
    text: 'The resource owner or authorization server denied the request.',
  },
  '007005': {
    error: 'unauthorized_client',
    text: 'The client is not authorized to request an access token using this method.',
  },
  '007006': { error: 'invalid_scope', text: 'The requested scope is invalid, unknown, or malformed.' },
  '007009': {
    error: 'unsupported_grant_type',
    text: 'The authorization grant type is not supported by the authorization server.',
  },
  '007011': {
    error: 'invalid_grant',
    text: 'The provided authorization grant or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
  '007012': {
    error: 'unsupported_response_type',
    text: 'The authorization server does not support obtaining an authorization code using this method.',
  },
  '007014': { error: 'invalid_request', text: "The request doesn't contain the mandatory parameter" },
  '007015': { error: 'invalid_request', text: 'The request time is incorrect or out of the allowed range.' },
  '007019': { error: 'access_denied', text: 'There is no permission to access the resource.' },
  '007023': { error: 'invalid_request', text: 'The redirect_uri is not registered for the client.' },
  '007038': { error: 'invalid_request', text: 'The request parameters could not be read.' },
  '007039': {
    error: 'invalid_request',
    text: 'The request does not contain code_verifier for a code issued with code_challenge.',
  },
  '007040': { error: 'invalid_grant', text: 'code_verifier does not match code_challenge.' },
  '007053': { error: 'access_denied', text: 'OAuthErrorEnum.clientSecretWrong' },
  // Consent (`permissions`) errors: codes and meanings from go-api-epgu's list, texts goskit's own.
  '036700': { error: 'invalid_request', text: 'The consent type sysname is not specified.' },
  '036701': { error: 'invalid_request', text: 'The consent type is not found.' },
  '036702': { error: 'invalid_request', text: 'A scope mandatory for the consent type is not specified.' },
  '036703': {
    error: 'invalid_request',
    text: 'The scopes are beyond those allowed for the consent type.',
  },
  '036705': { error: 'invalid_request', text: 'At least one action must be specified.' },
  '036706': { error: 'invalid_request', text: 'The action does not exist.' },
  '036707': { error: 'invalid_request', text: 'At least one purpose must be specified.' },
  '036716': { error: 'invalid_request', text: 'The consent expiration time is incorrect.' },
  '036726': { error: 'invalid_request', text: 'The purpose does not exist.' },
  '036727': { error: 'invalid_request', text: 'Exactly one consent purpose must be specified.' },
};

export interface EsiaErrorInfo {
  error: string;
  error_description: string;
}

/** `{ error, error_description: 'ESIA-0070xx: …' }`; `detail` fills 007014's [parameter]. */
export function esiaError(code: EsiaErrorCode, detail?: string): EsiaErrorInfo {
  const spec = SPECS[code];
  const text = code === '007014' ? `${spec.text} [${detail ?? ''}]` : spec.text;
  return { error: spec.error, error_description: `ESIA-${code}: ${text}` };
}

/**
 * A failed check inside a route: carries the ESIA code up to the route's answer. `note` is the
 * simulator's own diagnosis, appended to error_description as ` (goskit-sim: …)` after ESIA's text
 * (clients match the `ESIA-0070xx` prefix, so it never hides the code).
 */
export class EsiaRejection {
  readonly code: EsiaErrorCode;
  readonly detail: string | undefined;
  readonly note: string | undefined;
  constructor(code: EsiaErrorCode, detail?: string, note?: string) {
    this.code = code;
    this.detail = detail;
    this.note = note;
  }
  get info(): EsiaErrorInfo {
    const info = esiaError(this.code, this.detail);
    return this.note === undefined
      ? info
      : { ...info, error_description: `${info.error_description} (goskit-sim: ${this.note})` };
  }
}
