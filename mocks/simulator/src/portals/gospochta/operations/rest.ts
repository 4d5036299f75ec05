/**
 * The REST form: one route per `/v1` operation of the contract (paths and methods read from the
 * OpenAPI document), each running the pipeline and answering with a protected packet — the result's
 * PII encrypted under the request's key id, `Content-Digest`, a fresh `X-Gospochta-Packet` bound to
 * the request id and status. An idempotent replay sends the stored bytes again under a new header.
 */
import { fromUtf8 } from '@goskit/crypto';
import { PACKET_HEADER, type VerifiedRequest } from '@goskit/gospochta/protocol';
import type { RouteDefinition, SimRequest, SimResponse } from '../../../engine/types.js';
import { requestIdOf } from '../access/request-id.js';
import { codecFor } from '../packets.js';
import { GospochtaProblem, problemResponse } from '../problem.js';
import type { GospochtaState } from '../state.js';
import { recordAudit } from './audit-log.js';
import { OPERATION_CONTRACTS, type OperationContract } from './contract-checks.js';
import type { OperationSpec, OperationTable } from './operation.js';
import { type PipelineDeps, runOperation } from './pipeline.js';

/** The contract's body limit (32 MiB). */
export const MAX_PACKET_BYTES = 32 * 1024 * 1024;

/** The path relative to the API base plus the query exactly as sent: what the packet's MAC covers. */
export function packetTarget(request: SimRequest): string {
  const url = new URL(request.url);
  const basePath = new URL(request.baseUrl).pathname.replace(/\/+$/, '');
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  return `${path}${url.search}`;
}

function jsonBody(request: SimRequest, verified: VerifiedRequest) {
  if (verified.bytes.length === 0) {
    return undefined;
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new GospochtaProblem(415, 'UNSUPPORTED_MEDIA_TYPE', {
      detail: 'the body must be application/json',
    });
  }
  return { wire: JSON.parse(fromUtf8(verified.bytes)) as unknown, plain: verified.json };
}

function restRoute(
  contract: OperationContract,
  spec: OperationSpec,
  deps: PipelineDeps,
): RouteDefinition<GospochtaState> {
  return {
    method: contract.method,
    path: contract.path.replace(/\{(\w+)\}/g, ':$1'),
    operation: contract.operationId,
    handler: async ({ request, params, state, sim }): Promise<SimResponse> => {
      const requestId = requestIdOf(request, sim);
      const refuse = (problem: GospochtaProblem) =>
        problemResponse(problem.status, problem.code, requestId.value, problem.extra, problem.headers);
      if (!requestId.given || (request.body?.length ?? 0) > MAX_PACKET_BYTES) {
        const problem = requestId.given
          ? new GospochtaProblem(413, 'PAYLOAD_TOO_LARGE', { detail: 'a packet is at most 32 MiB' })
          : new GospochtaProblem(400, 'INVALID_REQUEST', {
              field: 'X-Request-Id',
              detail: 'X-Request-Id is required: 8–128 of A–Z a–z 0–9 . _ : -',
            });
        recordAudit(state, {
          requestId: requestId.value,
          at: sim.clock.now(),
          operation: contract.operationId,
          status: problem.status,
          code: problem.code,
        });
        return refuse(problem);
      }
      const outcome = await runOperation({
        contract,
        spec,
        deps,
        request,
        state,
        sim,
        requestId: requestId.value,
        params,
        query: request.query,
        packet: {
          method: request.method,
          target: packetTarget(request),
          headers: request.headers,
          body: request.body ?? new Uint8Array(0),
        },
        bodyOf: (verified) => jsonBody(request, verified),
      });
      if (outcome.kind === 'problem') {
        return refuse(outcome.problem);
      }
      const { result, caller, verified, replay } = outcome;
      const codec = codecFor(state, caller.system, sim.clock, deps.options.packetToleranceSec);
      const extra = result.headers ?? {};
      if (replay?.wire !== undefined && replay.wire.kid === verified.kid) {
        const signed = await codec.signHeader(
          { dir: 'response', status: result.status, requestId: requestId.value },
          replay.wire.digest,
          replay.wire.kid,
        );
        return {
          status: result.status,
          headers: {
            'x-request-id': requestId.value,
            'content-type': result.contentType ?? 'application/json',
            'content-digest': replay.wire.digest,
            [PACKET_HEADER]: signed.header,
            ...extra,
          },
          body: replay.wire.body,
        };
      }
      const built = await codec.buildResponse({
        status: result.status,
        requestId: requestId.value,
        kid: verified.kid,
        ...(result.bytes === undefined
          ? { json: result.json ?? {} }
          : { bytes: result.bytes, contentType: result.contentType ?? 'application/octet-stream' }),
      });
      outcome.remember({
        kid: built.kid,
        body: built.body,
        digest: built.headers['content-digest'] as string,
      });
      return { status: result.status, headers: { ...built.headers, ...extra }, body: built.body };
    },
  };
}

/** A route for every operation of the table, in the contract's order. */
export function restRoutes(table: OperationTable, deps: PipelineDeps): RouteDefinition<GospochtaState>[] {
  const routes: RouteDefinition<GospochtaState>[] = [];
  for (const contract of OPERATION_CONTRACTS.values()) {
    const spec = table[contract.operationId];
    if (spec !== undefined) {
      routes.push(restRoute(contract, spec, deps));
    }
  }
  return routes;
}
