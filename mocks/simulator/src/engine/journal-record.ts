import { redactBody, redactUrl } from '@goskit/core';
import type { EngineParts } from './handle-request.js';
import type { JournalSlot, PendingRedaction } from './journal.js';
import { bodyText } from './responses.js';
import type { JournalEntry, SimRequest, SimResponse } from './types.js';

const MAX_BODY_CHARS = 4096;
/** Raw bytes kept until redaction: enough for MAX_BODY_CHARS of text, and no 50 MB upload pinned in memory. */
const MAX_RAW_BYTES = 16 * 1024;
const MAX_VIOLATIONS = 1000;

type RawBody = string | Uint8Array | undefined;

function keepRaw(body: RawBody, limit?: number): RawBody {
  if (body === undefined) {
    return undefined;
  }
  const end = Math.min(limit ?? Number.POSITIVE_INFINITY, MAX_RAW_BYTES);
  if (typeof body === 'string') {
    return body.length > end ? body.slice(0, end) : body;
  }
  // Copy: a subarray would keep the whole (possibly huge) buffer alive.
  return body.byteLength > end ? body.slice(0, end) : body;
}

function redacted(body: RawBody, contentType: string): string | undefined {
  const text = bodyText(body);
  if (text === '') {
    return undefined;
  }
  const clean = redactBody(text, contentType);
  return clean.length > MAX_BODY_CHARS ? `${clean.slice(0, MAX_BODY_CHARS)}…[truncated]` : clean;
}

/**
 * The journal slot of one request, keeping the raw bodies until the entry is first read. Slot and
 * redaction are one object: every request allocates it, and it lives until the ring wraps around.
 */
class RedactingSlot implements JournalSlot, PendingRedaction {
  pending: PendingRedaction | undefined = this;

  constructor(
    readonly entry: JournalEntry,
    private readonly requestBody: RawBody,
    private readonly requestType: string,
    private readonly responseBody: RawBody,
    private readonly responseType: string,
  ) {}

  redact(entry: JournalEntry): void {
    entry.url = redactUrl(entry.url);
    const requestBody = redacted(this.requestBody, this.requestType);
    const responseBody = redacted(this.responseBody, this.responseType);
    if (requestBody !== undefined) {
      entry.requestBody = requestBody;
    }
    if (responseBody !== undefined) {
      entry.responseBody = responseBody;
    }
  }
}

const URL_ONLY: PendingRedaction = {
  redact(entry) {
    entry.url = redactUrl(entry.url);
  },
};

/**
 * Date#toISOString formats through printf, which costs more than routing a request. The virtual
 * clock stands still between advances, so the last answer is almost always the next one too.
 */
let lastIsoMs = Number.NaN;
let lastIso = '';
function isoTime(time: Date): string {
  const ms = time.getTime();
  if (ms !== lastIsoMs) {
    lastIso = time.toISOString();
    lastIsoMs = ms;
  }
  return lastIso;
}

/** What handling one request produced, as the journal records it. */
export interface RequestOutcome {
  response: SimResponse;
  operation: string;
  effects: string[];
  scenarios: string[];
  contractErrors?: string[];
  /** Status the handler answered before a contract violation replaced it. */
  originalStatus?: number;
}

/** Appends the journal entry of one handled request; the contract violation list shares its id. */
export function recordEntry(
  engine: EngineParts,
  request: SimRequest,
  outcome: RequestOutcome,
  time: Date,
  durationMs: number,
): void {
  const { response } = outcome;
  const entry: JournalEntry = {
    id: engine.journal.nextId(),
    time: isoTime(time),
    portal: request.portal,
    operation: outcome.operation,
    method: request.method,
    // Raw until read: the journal redacts it (and the bodies) on first access.
    url: request.url,
    path: request.path,
    status: response.fault ? 0 : response.status,
    effects: outcome.effects,
    durationMs: Math.round(durationMs * 1000) / 1000,
  };
  if (outcome.scenarios.length > 0) {
    entry.scenario = outcome.scenarios.join(',');
  }
  if (outcome.contractErrors) {
    entry.contractErrors = outcome.contractErrors;
    if (engine.violations.length >= MAX_VIOLATIONS) {
      engine.violations.shift();
    }
    engine.violations.push({
      portal: request.portal,
      operation: outcome.operation,
      status: outcome.originalStatus ?? response.status,
      errors: outcome.contractErrors,
      journalId: entry.id,
      time: entry.time,
    });
  }
  if (engine.journalBodies === 'redacted') {
    engine.journal.appendSlot(
      new RedactingSlot(
        entry,
        keepRaw(request.body),
        request.headers['content-type'] ?? '',
        response.fault ? undefined : keepRaw(response.body, response.truncateAt),
        response.headers['content-type'] ?? '',
      ),
    );
  } else {
    engine.journal.appendSlot({ entry, pending: URL_ONLY });
  }
}
