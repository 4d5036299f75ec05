/**
 * POST /batches — records of one kind from the school's system, with an `Idempotency-Key`: the same
 * key with the same body answers the stored result (`replayed: true`) and applies nothing; the same
 * key with another body is 422 `idempotency_key_reused`. A record id applied before (by any batch)
 * is `duplicate` while the feed remembers it (a bounded window, applied-ids.ts). Each accepted record notifies the linked parents at once (personal account and
 * push; the outbox's delay per category applies): new marks, absences, schedule changes, events.
 */
import { z } from 'zod';
import { hash128 } from '../../engine/random.js';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition } from '../../engine/types.js';
import { rememberApplied, wasApplied } from './applied-ids.js';
import { feedBody } from './body.js';
import { callerOf, isResponse, problem } from './caller.js';
import { outbox, parentsOf, RECORD_CHANNELS, SOURCE } from './notify.js';
import { checkRecord, type RecordKind } from './records.js';
import { type BatchAnswer, type EdiaryState, MAX_STORED_BATCHES, type RecordResult } from './state.js';
import { absenceText, eventText, markText, scheduleText } from './texts.js';

const batchSchema = z.strictObject({
  schoolId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected 1–64 of A–Z a–z 0–9 . _ : -'),
  kind: z.enum(['marks', 'attendance', 'schedule', 'events']),
  records: z.array(z.unknown()).min(1).max(1000),
});

const CATEGORY: Record<RecordKind, string> = {
  marks: 'ediary.mark',
  attendance: 'ediary.absence',
  schedule: 'ediary.schedule',
  events: 'ediary.event',
};

function noticeText(kind: RecordKind, record: Record<string, unknown>): string {
  const s = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  switch (kind) {
    case 'marks':
      return markText(s('value') ?? '', s('subject') ?? '', s('date') ?? '');
    case 'attendance':
      return absenceText(
        s('reason') ?? '',
        s('date') ?? '',
        s('subject'),
        typeof record.minutes === 'number' ? record.minutes : undefined,
      );
    case 'schedule':
      return scheduleText(
        s('className'),
        s('date') ?? '',
        record.number as number,
        s('subject') ?? '',
        s('change') ?? '',
      );
    case 'events':
      return eventText(s('title') ?? '', s('date') ?? '');
  }
}

function notifyParents(
  ctx: RouteContext<EdiaryState>,
  schoolId: string,
  kind: RecordKind,
  id: string,
  record: Record<string, unknown>,
) {
  const match = {
    ...(typeof record.pupilId === 'string' ? { pupilId: record.pupilId } : {}),
    ...(typeof record.classId === 'string' ? { classId: record.classId } : {}),
  };
  const text = noticeText(kind, record);
  const at = ctx.sim.clock.now();
  for (const parentOid of parentsOf(ctx.state, schoolId, match)) {
    outbox(ctx.sim).notifyPerson({
      person: parentOid,
      channels: RECORD_CHANNELS,
      text,
      category: CATEGORY[kind],
      source: SOURCE,
      at,
      key: `ediary.${kind}:${schoolId}:${id}:${parentOid}`,
    });
  }
}

export interface BatchLimits {
  /** Record ids the feed remembers over all schools and kinds (applied-ids.ts). */
  maxAppliedIds: number;
}

export const batchRoute = (limits: BatchLimits): RouteDefinition<EdiaryState> => ({
  method: 'POST',
  path: '/api/ediary/v1/batches',
  operation: 'batches.create',
  handler: async (ctx) => {
    const caller = await callerOf(ctx, ['system']);
    if (isResponse(caller)) {
      return caller;
    }
    const key = ctx.request.headers['idempotency-key'] ?? '';
    if (key.length < 1 || key.length > 255) {
      return problem(400, 'bad_request', 'Idempotency-Key: required, 1–255 characters');
    }
    const body = feedBody(ctx.request, batchSchema);
    if (isResponse(body)) {
      return body;
    }
    const digest = hash128(body.text)
      .map((part) => part.toString(16))
      .join('');
    const stored = ctx.state.batches.get(`${caller.clientId}\n${key}`);
    if (stored !== undefined) {
      if (stored.digest !== digest) {
        return problem(422, 'idempotency_key_reused', 'Idempotency-Key: уже использован для другого пакета');
      }
      return json({ ...stored.answer, replayed: true });
    }
    const { schoolId, kind, records } = body.value;
    const now = ctx.sim.clock.now();
    const results: RecordResult[] = [];
    const seen = new Set<string>();
    for (const [index, value] of records.entries()) {
      const checked = checkRecord(ctx.state, schoolId, kind, value, index);
      if (!checked.ok) {
        results.push({ id: checked.id, status: 'rejected', code: checked.code, message: checked.message });
      } else if (seen.has(checked.id) || wasApplied(ctx.state, schoolId, kind, checked.id)) {
        results.push({ id: checked.id, status: 'duplicate' });
      } else {
        seen.add(checked.id);
        rememberApplied(ctx.state, schoolId, kind, checked.id, now, limits.maxAppliedIds);
        results.push({ id: checked.id, status: 'accepted' });
        notifyParents(ctx, schoolId, kind, checked.id, checked.record);
      }
    }
    const count = (status: RecordResult['status']) =>
      results.filter((result) => result.status === status).length;
    const answer: BatchAnswer = {
      batchId: `EDB-${String(ctx.state.nextBatch++).padStart(6, '0')}`,
      idempotencyKey: key,
      replayed: false,
      received: records.length,
      accepted: count('accepted'),
      rejected: count('rejected'),
      duplicates: count('duplicate'),
      results,
    };
    ctx.state.batches.set(`${caller.clientId}\n${key}`, { digest, answer });
    if (ctx.state.batches.size > MAX_STORED_BATCHES) {
      ctx.state.batches.delete(ctx.state.batches.keys().next().value as string);
    }
    return json(answer);
  },
});
