import { redactUrl } from '@goskit/core';
import { throughStep, toByteStream } from './body-stream.js';
import type { EngineParts } from './handle-request.js';
import type { JournalSlot, PendingRedaction } from './journal.js';
import { sha256Hex } from './journal-digest.js';
import { MAX_RAW_BYTES, redactedExcerpt } from './journal-excerpt.js';
import { StreamMeter } from './journal-stream.js';
import type { JournalEntry, SimRequest, SimResponse } from './types.js';

const MAX_VIOLATIONS = 1000;

type RawBody = string | Uint8Array | undefined;

const encoder = new TextEncoder();

/**
 * What the journal keeps of one body: a copied excerpt of at most MAX_RAW_BYTES, the size of the
 * whole, and its SHA-256 — taken now when the body is larger than the excerpt (the rest is let go),
 * or on first read from the excerpt, which then is the whole body.
 */
class KeptBody {
  readonly excerpt: Uint8Array;
  readonly size: number;
  #sha256: string | undefined;

  constructor(body: string | Uint8Array, limit: number | undefined) {
    // Strings are encoded (a copy); a string slice could keep the whole parent string alive.
    const bytes = typeof body === 'string' ? encoder.encode(body) : body;
    const size = limit === undefined ? bytes.byteLength : Math.min(bytes.byteLength, Math.max(0, limit));
    const end = Math.min(size, MAX_RAW_BYTES);
    // Copy, always: a Buffer's slice/subarray is a view that pins the whole (possibly 50 MB) body,
    // and a small Buffer may itself be a view into the socket's 64 KiB read buffer.
    this.excerpt = new Uint8Array(end);
    this.excerpt.set(bytes.subarray(0, end));
    this.size = size;
    this.#sha256 = size > end ? sha256Hex(bytes.subarray(0, size)) : undefined;
  }

  get sha256(): string {
    this.#sha256 ??= sha256Hex(this.excerpt);
    return this.#sha256;
  }
}

function keep(body: RawBody, limit?: number): KeptBody | undefined {
  return body === undefined || body.length === 0 ? undefined : new KeptBody(body, limit);
}

function byteSize(body: RawBody, limit?: number): number {
  if (body === undefined) {
    return 0;
  }
  const size = typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength;
  return limit === undefined ? size : Math.min(size, Math.max(0, limit));
}

/**
 * The journal slot of one request, keeping the raw bodies until the entry is first read. Slot and
 * redaction are one object: every request allocates it, and it lives until the ring wraps around.
 */
class RedactingSlot implements JournalSlot, PendingRedaction {
  pending: PendingRedaction | undefined = this;

  constructor(
    readonly entry: JournalEntry,
    private readonly requestBody: KeptBody | undefined,
    private readonly requestType: string,
    private readonly responseBody: KeptBody | undefined,
    private readonly responseType: string,
  ) {}

  redact(entry: JournalEntry): void {
    entry.url = redactUrl(entry.url);
    const requestBody = redactedExcerpt(this.requestBody, this.requestType);
    const responseBody = redactedExcerpt(this.responseBody, this.responseType);
    if (requestBody !== undefined) {
      entry.requestBody = requestBody;
    }
    if (this.requestBody !== undefined) {
      entry.requestBodySha256 = this.requestBody.sha256;
    }
    if (responseBody !== undefined) {
      entry.responseBody = responseBody;
    }
    if (this.responseBody !== undefined) {
      entry.responseBodySha256 = this.responseBody.sha256;
    }
  }
}

const URL_ONLY: PendingRedaction = {
  redact(entry) {
    entry.url = redactUrl(entry.url);
  },
};

/**
 * Date#toISOString formats through printf, which costs more than routing a request. A frozen clock
 * stands still between advances and a running one ticks once a millisecond, so the last answer is
 * usually the next one too.
 */
let lastIsoMs = Number.NaN;
let lastIso = '';
function isoTime(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIso = new Date(ms).toISOString();
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

/**
 * Appends the journal entry of one handled request; the contract violation list shares its id.
 * Returns the answer to send: the same one, or for a streamed body one whose stream is metered into
 * the entry as it is sent.
 */
export function recordEntry(
  engine: EngineParts,
  request: SimRequest,
  outcome: RequestOutcome,
  time: number,
  durationMs: number,
): SimResponse {
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
  let answer = response;
  if (response.bodyStream !== undefined && !response.fault) {
    const meter = new StreamMeter(
      entry,
      engine.journalBodies === 'redacted',
      response.headers['content-type'] ?? '',
    );
    answer = { ...response, bodyStream: throughStep(toByteStream(response.bodyStream), meter) };
  }
  const wholeBody = answer === response && !response.fault;
  if (engine.journalBodies === 'redacted') {
    const requestBody = keep(request.body);
    const responseBody = wholeBody ? keep(response.body, response.truncateAt) : undefined;
    if (requestBody !== undefined) {
      entry.requestBodyBytes = requestBody.size;
    }
    if (responseBody !== undefined) {
      entry.responseBodyBytes = responseBody.size;
    }
    engine.journal.appendSlot(
      new RedactingSlot(
        entry,
        requestBody,
        request.headers['content-type'] ?? '',
        responseBody,
        response.headers['content-type'] ?? '',
      ),
    );
  } else {
    if (request.body !== undefined && request.body.length > 0) {
      entry.requestBodyBytes = byteSize(request.body);
    }
    if (wholeBody && response.body !== undefined && response.body.length > 0) {
      entry.responseBodyBytes = byteSize(response.body, response.truncateAt);
    }
    engine.journal.appendSlot({ entry, pending: URL_ONLY });
  }
  return answer;
}
