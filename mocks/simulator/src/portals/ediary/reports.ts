/**
 * POST /deviation-reports — the summary of a school file's deviations (counts by rule, no records):
 * the school's administrators (the roster's `admin` persons) get it in the personal account and by
 * e-mail. GET /health — the liveness probe failover clients use.
 */
import { z } from 'zod';
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { feedBody } from './body.js';
import { callerOf, isResponse } from './caller.js';
import { outbox, SOURCE } from './notify.js';
import { type EdiaryState, MAX_REPORTS } from './state.js';
import { deviationsTexts } from './texts.js';

const count = z.number().int().min(0).max(1e12);

const reportSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected 1–64 of A–Z a–z 0–9 . _ : -'),
  file: z.string().min(1).max(200),
  format: z.enum(['xml', 'json']).optional(),
  kind: z.enum(['marks', 'attendance', 'schedule']).optional(),
  checkedAt: z.string().min(1).max(40),
  records: count,
  accepted: count,
  refused: count,
  skipped: count,
  deviations: count,
  byCode: z
    .record(z.string().max(100), count)
    .refine((value) => Object.keys(value).length <= 100, 'at most 100 codes'),
  fatal: z
    .union([z.null(), z.object({ code: z.string().max(100), line: z.number().int().min(0) })])
    .optional(),
});

export const reportRoute: RouteDefinition<EdiaryState> = {
  method: 'POST',
  path: '/api/ediary/v1/deviation-reports',
  operation: 'deviationReports.create',
  handler: async (ctx) => {
    const caller = await callerOf(ctx, ['system']);
    if (isResponse(caller)) {
      return caller;
    }
    const body = feedBody(ctx.request, reportSchema);
    if (isResponse(body)) {
      return body;
    }
    const report = body.value;
    const reportId = `EDR-${String(ctx.state.nextReport++).padStart(6, '0')}`;
    const now = ctx.sim.clock.now();
    ctx.state.reports.push({
      reportId,
      schoolId: report.schoolId,
      file: report.file,
      deviations: report.deviations,
      receivedAtMs: now,
    });
    if (ctx.state.reports.length > MAX_REPORTS) {
      ctx.state.reports.shift();
    }
    const texts = deviationsTexts(report);
    let notified = 0;
    for (const admin of ctx.sim.demo.personas.filter((persona) => persona.role === 'admin')) {
      notified +=
        outbox(ctx.sim).notifyPerson({
          person: admin.oid,
          channels: ['lk', 'email'],
          text: texts.text,
          subject: texts.subject,
          category: 'ediary.deviations',
          source: SOURCE,
          at: now,
          key: `ediary.deviations:${reportId}:${admin.oid}`,
        }).length > 0
          ? 1
          : 0;
    }
    return json({ reportId, notified }, 202);
  },
};

export const healthRoute: RouteDefinition<EdiaryState> = {
  method: 'GET',
  path: '/api/ediary/v1/health',
  operation: 'health',
  handler: (ctx) => json({ status: 'ok', time: ctx.sim.clock.date().toISOString() }),
};
