import { GoskitError } from '@goskit/core';

export type SimulatorErrorCode =
  | 'UNKNOWN_SCENARIO'
  | 'UNKNOWN_PORTAL'
  | 'INVALID_DURATION'
  | 'INVALID_DATE'
  | 'CONTRACT_VIOLATION'
  | 'VERIFICATION_FAILED'
  | 'INVALID_RULE'
  | 'INVALID_DATA'
  | 'INVALID_CONTRACT'
  | 'INVALID_SNAPSHOT'
  | 'NOT_IMPLEMENTED'
  | 'BAD_REQUEST'
  | 'CONTROL_REQUEST_FAILED'
  | 'INVALID_OPTIONS'
  | 'MISSING_SERVICE'
  | 'UNKNOWN_SERVICE'
  | 'SERVICE_NOT_DECLARED'
  | 'MSW_MISSING'
  | 'LOGIN_FAILED'
  | 'INVALID_SCENARIO'
  | 'BODY_TOO_LARGE'
  | 'BAD_TARGET';

/** The one error class of @goskit/simulator. */
export class SimulatorError extends GoskitError<SimulatorErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SimulatorError';
}

/** Thrown by portal helpers when a request body breaks a rule; handle() answers 400 naming field and rule. */
export class BadRequestError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'BadRequestError';

  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super('BAD_REQUEST', message);
    this.field = field;
    this.rule = rule;
  }
}
