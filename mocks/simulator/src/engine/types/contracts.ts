/** Contract checks of every response in test mode; each portal brings its own checker. */

export interface ContractCheckInput {
  operation: string;
  status: number;
  contentType: string;
  /** Parsed JSON when the body is JSON, else the text; undefined for a streamed body. */
  body: unknown;
  /**
   * True when the body is streamed (`SimResponse.bodyStream`): it is not read for the check (that
   * would buffer it), so only status and content type can be judged.
   */
  streamed?: boolean;
}

export interface ContractSet {
  /** Empty array when the response fits (or the operation/status is not covered). */
  check(input: ContractCheckInput): string[];
  /** Operations the contract declares (for coverage reports). */
  operations(): string[];
}

export interface ContractViolation {
  portal: string;
  operation: string;
  status: number;
  errors: string[];
  journalId: number;
  time: string;
}
