/**
 * The EPGU portal's state: plain records and Maps (snapshots structured-clone it). Orders keep their
 * whole status timeline, computed at push time from the seed; reads show the steps whose time has
 * come. A pushed archive's file list stays with its order; its bytes sit in `storage` (bounded by
 * `storageMaxBytes`, oldest dropped first) so the listed files can be downloaded.
 */
import type { SimulatorRuntime } from '../../engine/types.js';
import type { ResolvedEpguOptions, ResolvedLimits } from './options.js';
import type { ProcessingState } from './statuses.js';
import { buildSystemRecord, type EpguSystemRecord } from './systems.js';

export interface OrderStep {
  /** Virtual time the step becomes visible. */
  atMs: number;
  processing: ProcessingState;
  /** ЛК status shown from this step on. */
  statusId: number;
  /** The result file is available from this step on. */
  result?: true;
  /** The order is closed from this step on (a final ЛК status or a final gu-smev state). */
  final?: true;
  /** The status's comment (the department's message, the reason of a failure, a cancel reason). */
  comment?: string;
}

/** A file inside a pushed archive, as orderAttachmentFiles lists it. */
export interface ArchiveFile {
  name: string;
  size: number;
  /** Where its entry is in the stored archive (zip-archive.ts ZipEntry fields). */
  entry: { method: number; compressedSize: number; headerOffset: number; encrypted: boolean };
  mimeType: string;
  /** 'REQUEST' for the application XML (req*.xml), else 'ATTACHMENT'. */
  type: 'REQUEST' | 'ATTACHMENT';
  /** A detached signature `<name>.sig` is in the archive. */
  signed: boolean;
}

export interface ArchiveInfo {
  fileName: string;
  size: number;
  /** SHA-256 hex of the archive as assembled. */
  sha256: string;
  chunks: number;
  pushedMs: number;
  /** The archive's files (directories left out). */
  files: ArchiveFile[];
}

export interface EpguOrder {
  id: number;
  /** ESIA oid of the owner (or the token subject in any-bearer mode). */
  ownerId: string;
  /** The system (ESIA client id) that created it. */
  systemId: string;
  region: string;
  serviceCode: string;
  targetCode: string;
  createdMs: number;
  /** СМЭВ 3 transaction id (seeded per order). */
  smevTx: string;
  steps: OrderStep[];
  archive?: ArchiveInfo;
}

export interface ChunkUpload {
  orderId: number;
  ownerId: string;
  chunks: number;
  startedMs: number;
  /** Received chunks by index (bytes until the upload completes). */
  parts: Map<number, Uint8Array>;
  bytes: number;
  fileName: string;
}

export interface WindowCounter {
  startMs: number;
  count: number;
}

export interface EpguState {
  nextOrderId: number;
  /** By order id. */
  orders: Map<string, EpguOrder>;
  /** Chunked uploads in progress, by order id. */
  uploads: Map<string, ChunkUpload>;
  /** Bytes of pushed archives by order id, oldest first. */
  storage: Map<string, Uint8Array>;
  /** Bytes held in `storage` and `uploads`. */
  storedBytes: number;
  /** Request counters per calendar period, by system (`system:<id>`) or address (`addr:<ip>`). */
  requestCounts: Map<string, Partial<Record<'minute' | 'hour' | 'day' | 'month' | 'year', WindowCounter>>>;
  /** Admitted systems by ESIA client id (systems.ts). */
  systems: Map<string, EpguSystemRecord>;
  /** No system configured at start: every system is admitted with the default limits. */
  admitAll: boolean;
  defaultLimits: ResolvedLimits;
}

export function createEpguState(
  runtime: SimulatorRuntime,
  options: ResolvedEpguOptions,
  dataSystems: readonly unknown[] = [],
): EpguState {
  // Ten-digit ids like real ones (1230254874), starting at a seeded point.
  const start = 1_200_000_000 + runtime.random.fork('epgu:order-ids').int(0, 99_999_999);
  const systems = new Map<string, EpguSystemRecord>();
  for (const input of [...options.systems, ...dataSystems]) {
    const record = buildSystemRecord(input, options.limits);
    systems.set(record.clientId, record);
  }
  return {
    nextOrderId: start,
    orders: new Map(),
    uploads: new Map(),
    storage: new Map(),
    storedBytes: 0,
    requestCounts: new Map(),
    systems,
    admitAll: systems.size === 0,
    defaultLimits: { ...options.limits },
  };
}
