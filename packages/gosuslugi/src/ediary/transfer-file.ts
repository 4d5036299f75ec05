/**
 * The checked transfer of one data file: check it as a stream, send the accepted records in batches
 * while reading (a batch is awaited before more is read), then — when anything deviated — send the
 * report's summary (counts by rule, no records, no personal data) to the feed, which notifies the
 * school's administrator. The deviations report and the transfer summary come back together.
 */
import type { EdiaryContext } from './context.js';
import { feedRequest } from './feed-request.js';
import { type CheckFileOptions, checkFile } from './files/check-file.js';
import type { DeviationReport } from './files/deviations.js';
import type { FileSource } from './files/file-source.js';
import { linkedPupils } from './linked-pupils.js';
import type { AnyRecord } from './models.js';
import { emptySummary, sendBatch, type TransferSummary } from './send-records.js';

export interface TransferResult {
  report: DeviationReport;
  transfer: TransferSummary;
  /** True when the administrator was notified of the deviations. */
  administratorNotified: boolean;
}

export async function transferFile(
  context: EdiaryContext,
  source: FileSource,
  options: CheckFileOptions,
): Promise<TransferResult> {
  const linked = options.linkedPupils ?? (await linkedPupils(context));
  const transfer = emptySummary();
  let waiting: AnyRecord[] = [];
  const report = await checkFile(context, source, options, linked, {
    onRecords: async (records, kind) => {
      waiting.push(...records);
      while (waiting.length >= context.batchSize) {
        const batch = waiting.slice(0, context.batchSize);
        waiting = waiting.slice(context.batchSize);
        await sendBatch(context, kind, batch, transfer);
      }
    },
  });
  if (waiting.length > 0 && report.kind !== undefined) {
    await sendBatch(context, report.kind, waiting, transfer);
  }
  const administratorNotified =
    report.deviationCount > 0 && context.options.notifyAdministrator !== false
      ? await reportDeviations(context, report)
      : false;
  return { report, transfer, administratorNotified };
}

/** Sends the summary of a deviations report to the feed (which notifies the administrator). */
export async function reportDeviations(context: EdiaryContext, report: DeviationReport): Promise<boolean> {
  await feedRequest(context.transport, {
    method: 'POST',
    path: '/api/ediary/v1/deviation-reports',
    auth: { system: context.systemToken },
    json: {
      schoolId: report.schoolId,
      file: report.file.slice(0, 200),
      format: report.format,
      ...(report.kind === undefined ? {} : { kind: report.kind }),
      checkedAt: report.checkedAt,
      records: report.records,
      accepted: report.accepted,
      refused: report.refused,
      skipped: report.skipped,
      deviations: report.deviationCount,
      byCode: report.byCode,
      fatal: report.fatal === undefined ? null : { code: report.fatal.code, line: report.fatal.line },
    },
  });
  return true;
}
