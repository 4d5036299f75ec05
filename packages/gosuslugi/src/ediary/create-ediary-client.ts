/**
 * The e-diary side of Gosuslugi for a school's e-diary: link a parent's account (their children
 * matched to the school's pupils), check and transfer school data files, send records, unlink.
 * Gosuslugi publishes no e-diary API: the feed contract (openapi/ediary.yaml) and the data formats
 * (schemas/) are goskit's own, derived from issue 17 — docs/ediary-linking.en.md says so.
 *
 * @example
 * const ediary = createEdiaryClient({ environment: { baseUrl, backupUrls }, esia, school, pupils });
 * const { link, matching } = await ediary.linkEdiary(esia.session(tokens)); // after sign-in
 * const { report, transfer } = await ediary.transferFile(stream, { fileName: 'marks.xml' });
 */
import type { FailoverServer } from '@goskit/core';
import type { EsiaSession } from '../esia/session.js';
import { createEdiaryContext } from './context.js';
import { type CheckFileOptions, checkFile } from './files/check-file.js';
import type { DeviationReport } from './files/deviations.js';
import type { FileSource } from './files/file-source.js';
import { type LinkOptions, type LinkResult, linkEdiary } from './link.js';
import { readLink } from './link-store.js';
import { linkedPupils } from './linked-pupils.js';
import type { AnyRecord, EdiaryLink, RecordKind } from './models.js';
import type { EdiaryClientOptions } from './options.js';
import { sendRecords, type TransferSummary } from './send-records.js';
import { reportDeviations, type TransferResult, transferFile } from './transfer-file.js';
import { type UnlinkOptions, unlinkEdiary } from './unlink.js';

export interface EdiaryClient {
  readonly schoolId: string;
  /** Reads the parent's children, matches them to pupils, registers the connection, stores the link. */
  linkEdiary(auth: EsiaSession | string, options?: LinkOptions): Promise<LinkResult>;
  /** Ends the parent's connection and forgets the link; false when there was none. */
  unlinkEdiary(parentOid: string, options?: UnlinkOptions): Promise<boolean>;
  /** The stored link of a parent, if any. */
  getLink(parentOid: string): Promise<EdiaryLink | undefined>;
  /** Pupil ids some parent linked (from the feed). */
  linkedPupils(): Promise<Set<string>>;
  /** Checks a data file (nothing is sent): the deviations report. */
  checkFile(source: FileSource, options: CheckFileOptions): Promise<DeviationReport>;
  /** Checks a data file and sends its accepted records; notifies the administrator of deviations. */
  transferFile(source: FileSource, options: CheckFileOptions): Promise<TransferResult>;
  /** Sends records you checked yourself (and events), in idempotent batches. */
  sendRecords(
    kind: RecordKind,
    records: Iterable<AnyRecord> | AsyncIterable<AnyRecord>,
  ): Promise<TransferSummary>;
  /** Sends a report's summary to the feed, which notifies the school's administrator. */
  reportDeviations(report: DeviationReport): Promise<boolean>;
  /** The feed server calls go to now (primary or a backup). */
  readonly activeServer: FailoverServer;
  /** Probes every feed server (needs `failover.health`). */
  checkHealth(): Promise<void>;
}

export function createEdiaryClient(options: EdiaryClientOptions): EdiaryClient {
  const context = createEdiaryContext(options);
  return {
    schoolId: context.school.id,
    linkEdiary: (auth, linkOptions) => linkEdiary(context, auth, linkOptions),
    unlinkEdiary: (parentOid, unlinkOptions) => unlinkEdiary(context, parentOid, unlinkOptions),
    getLink: (parentOid) => readLink(context, parentOid),
    linkedPupils: () => linkedPupils(context),
    checkFile: async (source, checkOptions) =>
      checkFile(context, source, checkOptions, checkOptions.linkedPupils ?? (await linkedPupils(context))),
    transferFile: (source, transferOptions) => transferFile(context, source, transferOptions),
    sendRecords: (kind, records) => sendRecords(context, kind, records),
    reportDeviations: (report) => reportDeviations(context, report),
    get activeServer() {
      return context.transport.active;
    },
    checkHealth: () => context.transport.checkHealth(),
  };
}
