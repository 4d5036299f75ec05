/**
 * EPGU answers: errors are `{ code, message }` JSON (reference §4); 401 and 429 come without a body.
 */
import { json } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';

/** Codes from «Приложение 4» of the API ЕПГУ spec (reference §4). */
export type EpguErrorCode =
  | 'access_denied_person_permissions'
  | 'access_denied_service'
  | 'access_denied_system'
  | 'access_denied_user'
  | 'access_denied_user_legal'
  | 'bad_delegation'
  | 'bad_request'
  | 'cancel_not_allowed'
  | 'config_delegation'
  | 'internal_error'
  | 'limitation_exception'
  | 'not_found'
  | 'order_access'
  | 'push_denied'
  | 'service_not_found';

export function epguError(status: number, code: EpguErrorCode, message: string): SimResponse {
  return json({ code, message }, status);
}

/** A response with no body at all (401, 429). */
export function bare(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: '' };
}

/** A failed check inside a route, carried up to the route's answer. */
export class EpguRejection {
  readonly status: number;
  readonly code: EpguErrorCode;
  readonly message: string;
  constructor(status: number, code: EpguErrorCode, message: string) {
    this.status = status;
    this.code = code;
    this.message = message;
  }
  toResponse(): SimResponse {
    return epguError(this.status, this.code, this.message);
  }
}

export const badRequest = (message: string) => new EpguRejection(400, 'bad_request', message);
