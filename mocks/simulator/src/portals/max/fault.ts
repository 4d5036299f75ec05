/**
 * MAX's refusals: `{ code, message }` with the status MAX uses — 400 `proto.payload`, 401
 * `verify.token`, 403 `chat.denied`, 404 `not.found`, 405 `method.not.allowed`, 429
 * `too.many.requests`, 400 `attachment.not.ready`. Routes throw `MaxFault`; the route wrapper answers.
 */
import { json } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';

export class MaxFault extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const maxError = (status: number, code: string, message: string): SimResponse =>
  json({ code, message }, status);

export const invalidToken = () => new MaxFault(401, 'verify.token', 'Invalid access_token');
export const payload = (message: string) => new MaxFault(400, 'proto.payload', message);
export const denied = (message: string) => new MaxFault(403, 'chat.denied', message);
export const notFound = (message: string) => new MaxFault(404, 'not.found', message);
export const tooManyRequests = (message: string) => new MaxFault(429, 'too.many.requests', message);
