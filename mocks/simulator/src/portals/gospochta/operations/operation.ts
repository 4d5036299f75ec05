/**
 * What an operation of the contract is to the portal: a handler over the verified, decrypted request
 * (the caller, path and query parameters, the body) that returns a status and a JSON value or bytes.
 * The pipeline (pipeline.ts) does everything around it — token, permission, packet, contract checks,
 * idempotency, the answer's packet — the same for REST and SOAP.
 */
import type { OperationId } from '@goskit/gospochta/protocol';
import type { PortalRuntime } from '../../../engine/types.js';
import type { Caller } from '../access/caller.js';
import type { World } from '../letters/lifecycle.js';
import type { ResolvedGospochtaOptions } from '../options.js';
import type { GospochtaState } from '../state.js';

export interface OperationContext {
  world: World;
  state: GospochtaState;
  sim: PortalRuntime;
  options: ResolvedGospochtaOptions;
  caller: Caller;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The decrypted JSON body ({} when the operation has none). */
  body: Record<string, unknown>;
  /** Virtual now, ms. */
  now: number;
  requestId: string;
  idempotencyKey: string | undefined;
}

export interface OperationResult {
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface OperationSpec {
  handler(context: OperationContext): OperationResult | Promise<OperationResult>;
  /** Whether an Idempotency-Key is required, optional, or not used. */
  idempotency?: 'required' | 'optional';
}

export type OperationTable = Partial<Record<OperationId, OperationSpec>>;

export const ok = (json: unknown, status = 200, headers?: Record<string, string>): OperationResult => ({
  status,
  json,
  ...(headers === undefined ? {} : { headers }),
});

export const file = (bytes: Uint8Array, contentType: string): OperationResult => ({
  status: 200,
  bytes,
  contentType,
});
