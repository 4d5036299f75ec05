/**
 * EPGU answers (spec, Приложение 4): 400, 403, 409 and 500 carry `{ code, message }` JSON; 204 («Заявление
 * не найдено»), 401 and 429 come without a body. goskit adds an ASCII `x-goskit-reason` header to the
 * body-less ones so a developer can tell why (the real portal says nothing).
 */
import { json } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';

/** Codes from «Приложение 4» of the API ЕПГУ spec. */
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

/** goskit's diagnostic header on body-less answers (ASCII only: it is an HTTP header). */
export const REASON_HEADER = 'x-goskit-reason';

export function epguError(status: number, code: EpguErrorCode, message: string): SimResponse {
  return json({ code, message }, status);
}

/** A response with no body at all (204, 401, 429). */
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

/** «Заявление не найдено»: 204 without a body (Приложение 4); `reason` (ASCII) goes to x-goskit-reason. */
export class OrderNotFound extends EpguRejection {
  readonly reason: string;
  constructor(reason: string) {
    super(204, 'not_found', 'Заявление не найдено');
    this.reason = reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
  }
  override toResponse(): SimResponse {
    return bare(204, { [REASON_HEADER]: this.reason });
  }
}

export const badRequest = (message: string) => new EpguRejection(400, 'bad_request', message);
