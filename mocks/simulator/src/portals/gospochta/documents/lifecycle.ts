/**
 * A document request on the virtual clock: pending → processing (the agency took it) → ready (the
 * document and its download link exist), or failed when the agency refused it (a control route acts
 * as the agency). Ready notifies the requesting system's webhooks (`document.ready`).
 */
import { schedule } from '../agenda.js';
import { emitEvent } from '../events.js';
import type { World } from '../letters/lifecycle.js';
import type { DocumentRequestRecord } from '../state.js';

export function advanceDocument(world: World, request: DocumentRequestRecord, now: number): void {
  const { documentProcessingMs, documentReadyMs } = world.options.timing;
  if (request.status === 'pending') {
    const at = request.requestedAt + documentProcessingMs;
    if (at > now) {
      schedule(world.state, `D:${request.id}`, at);
      return;
    }
    request.status = 'processing';
  }
  if (request.status === 'processing') {
    const at = request.requestedAt + Math.max(documentProcessingMs, documentReadyMs);
    if (at > now) {
      schedule(world.state, `D:${request.id}`, at);
      return;
    }
    request.status = 'ready';
    request.readyAt = at;
    emitEvent(
      world.state,
      request.clientId,
      'document.ready',
      { requestId: request.id, documentId: documentIdOf(request) },
      at,
    );
  }
}

/** The document's id is fixed by its request: `doc_<n>` for `req_<n>`. */
export function documentIdOf(request: DocumentRequestRecord): string {
  return `doc_${request.id.slice(request.id.indexOf('_') + 1)}`;
}

/** The agency refuses a request that is not ready yet. */
export function failDocument(
  world: World,
  request: DocumentRequestRecord,
  reason: string,
  now: number,
): boolean {
  advanceDocument(world, request, now);
  if (request.status === 'ready' || request.status === 'failed') {
    return false;
  }
  request.status = 'failed';
  request.failure = { reason, at: now };
  world.state.scheduled.delete(`D:${request.id}`);
  return true;
}
