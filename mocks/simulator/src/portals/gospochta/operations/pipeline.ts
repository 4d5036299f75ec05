/**
 * Every protected operation goes through the same steps, in this order, and stops at the first
 * refusal without acting: the request id; the bearer token, role and system (401/403); the operation's
 * permission (403 naming it); the packet — a key id of the caller's system, then the codec's checks
 * (400 PACKET_REJECTED naming the check; the nonce is recorded only for a packet that passed); the
 * contract's parameter and body schemas; the Idempotency-Key (a replay answers the stored result, a
 * reuse is refused, a key in flight waits); then the operation. Refusals and failures are problems and
 * release the key. The operation log records every outcome without personal data.
 */
import { canonicalJson } from '@goskit/crypto';
import {
  missingPermission,
  type OperationId,
  PacketError,
  parsePacketHeader,
  type VerifiedRequest,
} from '@goskit/gospochta/protocol';
import { sha256Hex } from '../../../engine/journal-digest.js';
import type { PortalRuntime, SimRequest } from '../../../engine/types.js';
import { authenticateCaller, type Caller } from '../access/caller.js';
import type { World } from '../letters/lifecycle.js';
import type { ResolvedGospochtaOptions } from '../options.js';
import { codecFor } from '../packets.js';
import { GospochtaProblem } from '../problem.js';
import type { GospochtaState, IdempotencyRecord } from '../state.js';
import { syncWorld } from '../world.js';
import { recordAudit } from './audit-log.js';
import { checkBody, checkParameters, type OperationContract } from './contract-checks.js';
import type { OperationContext, OperationResult, OperationSpec } from './operation.js';

const IDEMPOTENCY_TTL_MS = 86_400_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,255}$/;

export interface PipelineDeps {
  options: ResolvedGospochtaOptions;
  world(state: GospochtaState, sim: PortalRuntime): World;
  /** Tells the webhook dispatcher there may be something to send. */
  wake(sim: PortalRuntime): void;
}

/** The request as the packet covers it (REST: the HTTP request; SOAP: the Packet header and the body's JSON form). */
export interface PacketInput {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface OperationInput {
  contract: OperationContract;
  spec: OperationSpec;
  deps: PipelineDeps;
  request: SimRequest;
  state: GospochtaState;
  sim: PortalRuntime;
  requestId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  packet: PacketInput;
  /** The JSON body (wire form, then decrypted) out of the verified packet; undefined: none. */
  bodyOf(verified: VerifiedRequest): { wire: unknown; plain: unknown } | undefined;
  /** Where the body sits in the packet's JSON (SOAP: '/body'), for field names in problems. */
  bodyPointer?: string;
}

export type OperationOutcome =
  | { kind: 'problem'; problem: GospochtaProblem; caller: Caller | undefined }
  | {
      kind: 'result';
      result: OperationResult;
      caller: Caller;
      verified: VerifiedRequest;
      /** Set for an answer of an Idempotency-Key already used: the stored one. */
      replay: IdempotencyRecord | undefined;
      /** Keep the built answer's bytes with the key (the REST form replays them as they were). */
      remember(wire: { kid: string; body: Uint8Array; digest: string }): void;
    };

/** The idempotency fingerprint of the contract: the decrypted body without attachment contents and signatures. */
export function requestFingerprint(body: unknown): string {
  const copy = structuredClone(body) as Record<string, unknown> | undefined;
  const attachments = copy?.attachments;
  if (Array.isArray(attachments)) {
    for (const attachment of attachments as Record<string, unknown>[]) {
      if (attachment !== null && typeof attachment === 'object') {
        delete attachment.content;
        delete attachment.signature;
      }
    }
  }
  return sha256Hex(new TextEncoder().encode(canonicalJson(copy ?? null)));
}

function packetKid(headers: Record<string, string>): string | undefined {
  try {
    return parsePacketHeader(headers['x-gospochta-packet']).kid;
  } catch {
    return undefined;
  }
}

async function verify(input: OperationInput, caller: Caller): Promise<VerifiedRequest> {
  const { deps, state, sim } = input;
  const kid = packetKid(input.packet.headers);
  if (kid !== undefined && !caller.system.packetKids.includes(kid)) {
    throw new GospochtaProblem(400, 'PACKET_REJECTED', {
      packetCheck: 'key',
      detail: `key id "${kid.slice(0, 64)}" is not registered for this system`,
    });
  }
  const codec = codecFor(state, caller.system, sim.clock, deps.options.packetToleranceSec);
  try {
    return await codec.verifyRequest(input.packet);
  } catch (error) {
    if (error instanceof PacketError) {
      throw new GospochtaProblem(400, 'PACKET_REJECTED', {
        packetCheck: error.check,
        ...(error.field === undefined ? {} : { field: error.field }),
        detail: error.message.slice(0, 900),
      });
    }
    throw error;
  }
}

function idempotencySlot(caller: Caller, operation: OperationId, key: string): string {
  return `${caller.clientId}\u0000${caller.subject}\u0000${operation}\u0000${key}`;
}

/** Runs one protected operation; never throws for what a client did (those are problems). */
export async function runOperation(input: OperationInput): Promise<OperationOutcome> {
  const { contract, spec, deps, state, sim } = input;
  const operation = contract.operationId;
  let caller: Caller | undefined;
  let slot: string | undefined;
  try {
    caller = await authenticateCaller(input.request, state, sim, deps.options);
    const missing = missingPermission(operation, caller.permissions);
    if (missing !== undefined) {
      throw new GospochtaProblem(
        403,
        'PERMISSION_DENIED',
        { missingPermission: missing, role: caller.role, detail: `${operation} needs ${missing}` },
        { 'www-authenticate': `Bearer realm="gospochta", error="insufficient_scope", scope="${missing}"` },
      );
    }
    const verified = await verify(input, caller);
    checkParameters(contract, input.params, input.query);
    const body = input.bodyOf(verified);
    if (contract.body !== undefined) {
      if (body === undefined) {
        throw new GospochtaProblem(400, 'INVALID_REQUEST', { field: '/', detail: 'a JSON body is required' });
      }
      checkBody(contract, body.wire, input.bodyPointer ?? '');
    }
    const plain = (body?.plain ?? {}) as Record<string, unknown>;
    const now = sim.clock.now();
    const world = deps.world(state, sim);
    syncWorld(world, now);
    const key = verified.idempotencyKey;
    if (spec.idempotency === undefined || key === undefined) {
      if (spec.idempotency === 'required') {
        throw new GospochtaProblem(400, 'IDEMPOTENCY_KEY_REQUIRED', {
          detail: `${operation} needs an Idempotency-Key`,
        });
      }
    } else {
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw new GospochtaProblem(400, 'INVALID_REQUEST', {
          field: 'Idempotency-Key',
          detail: 'an Idempotency-Key is 8–255 of A–Z a–z 0–9 . _ : -',
        });
      }
      const fingerprint = requestFingerprint(plain);
      const candidate = idempotencySlot(caller, operation, key);
      const seen = state.idempotency.get(candidate);
      if (seen !== undefined && seen.expiresAt > now) {
        if (seen.fingerprint !== fingerprint) {
          throw new GospochtaProblem(422, 'IDEMPOTENCY_KEY_REUSED', {
            detail: 'this Idempotency-Key was used for another request; use a new key',
          });
        }
        if (!seen.done) {
          throw new GospochtaProblem(
            409,
            'IDEMPOTENCY_IN_PROGRESS',
            { retryAfterSec: 1, detail: 'the first request with this key is still being processed' },
            { 'retry-after': '1' },
          );
        }
        recordOutcome(input, caller, seen.status);
        return {
          kind: 'result',
          result: {
            status: seen.status,
            ...(seen.json === undefined ? {} : { json: seen.json }),
            ...(seen.bytes === undefined ? {} : { bytes: seen.bytes }),
            ...(seen.contentType === undefined ? {} : { contentType: seen.contentType }),
            headers: { ...seen.headers, 'idempotent-replayed': 'true' },
          },
          caller,
          verified,
          replay: seen,
          remember: () => {},
        };
      }
      slot = candidate;
      state.idempotency.set(slot, {
        fingerprint,
        done: false,
        status: 0,
        headers: {},
        expiresAt: now + IDEMPOTENCY_TTL_MS,
      });
    }
    const context: OperationContext = {
      world,
      state,
      sim,
      options: deps.options,
      caller,
      params: input.params,
      query: input.query,
      body: plain,
      now,
      requestId: input.requestId,
      idempotencyKey: key,
    };
    const result = await spec.handler(context);
    let record: IdempotencyRecord | undefined;
    if (slot !== undefined) {
      record = {
        fingerprint: (state.idempotency.get(slot) as IdempotencyRecord).fingerprint,
        done: true,
        status: result.status,
        ...(result.json === undefined ? {} : { json: structuredClone(result.json) }),
        ...(result.bytes === undefined ? {} : { bytes: result.bytes }),
        ...(result.contentType === undefined ? {} : { contentType: result.contentType }),
        headers: { ...result.headers },
        expiresAt: now + IDEMPOTENCY_TTL_MS,
      };
      state.idempotency.set(slot, record);
    }
    recordOutcome(input, caller, result.status);
    deps.wake(sim);
    return {
      kind: 'result',
      result,
      caller,
      verified,
      replay: undefined,
      remember: (wire) => {
        if (record !== undefined) {
          record.wire = wire;
        }
      },
    };
  } catch (error) {
    if (slot !== undefined) {
      // Nothing was acted on: the key may be used again (a corrected request).
      state.idempotency.delete(slot);
    }
    const problem =
      error instanceof GospochtaProblem
        ? error
        : new GospochtaProblem(500, 'INTERNAL', {
            detail: `the portal failed: ${error instanceof Error ? error.name : 'error'}`,
          });
    recordOutcome(input, caller, problem.status, problem.code);
    if (!(error instanceof GospochtaProblem)) {
      // Visible in the journal's 500 and in tests; never swallowed silently.
      problem.cause = error;
    }
    return { kind: 'problem', problem, caller };
  }
}

function recordOutcome(
  input: OperationInput,
  caller: Caller | undefined,
  status: number,
  code?: string,
): void {
  recordAudit(input.state, {
    requestId: input.requestId,
    at: input.sim.clock.now(),
    operation: input.contract.operationId,
    ...(caller === undefined
      ? {}
      : { clientId: caller.clientId, role: caller.role, subject: caller.subject }),
    status,
    ...(code === undefined ? {} : { code }),
  });
}
