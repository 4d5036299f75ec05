import { GoskitError } from '@goskit/core';
import type { SimResponse } from '../engine/types.js';
import { jsonResponse } from '../server/write-response.js';

export interface ControlErrorBody {
  error: string;
  message: string;
  field?: string;
  valid?: string[];
  nearMisses?: unknown[];
}

export function controlError(
  status: number,
  body: ControlErrorBody,
  headers?: Record<string, string>,
): SimResponse {
  return jsonResponse(status, body, headers);
}

const STATUS_BY_CODE: Record<string, number> = {
  UNKNOWN_SCENARIO: 400,
  UNKNOWN_PORTAL: 400,
  INVALID_DURATION: 400,
  INVALID_DATE: 400,
  INVALID_RULE: 400,
  INVALID_SCENARIO: 400,
  INVALID_DATA: 400,
  VERIFICATION_FAILED: 409,
};

/** Maps an engine error to its HTTP answer; anything unexpected is a 500 that still names the code. */
export function errorToResponse(error: unknown, extra: Partial<ControlErrorBody> = {}): SimResponse {
  if (error instanceof GoskitError) {
    const details = error as GoskitError & { field?: unknown; nearMisses?: unknown; valid?: unknown };
    const body: ControlErrorBody = { error: error.code, message: error.message, ...extra };
    if (typeof details.field === 'string') {
      body.field = details.field;
    }
    if (Array.isArray(details.valid) && body.valid === undefined) {
      body.valid = details.valid.map(String);
    }
    if (Array.isArray(details.nearMisses)) {
      body.nearMisses = details.nearMisses;
    }
    return controlError(STATUS_BY_CODE[error.code] ?? 500, body);
  }
  const message = error instanceof Error ? error.message : String(error);
  return controlError(500, { error: 'INTERNAL', message });
}
