/**
 * The EPGU portal's state: plain JSON records (snapshots clone it). Orders keep their whole status
 * timeline, computed at push time from the seed; reads show the steps whose time has come.
 * Uploaded archives are NOT kept: sizes and SHA-256 hashes are enough to verify order and completeness.
 */
import type { SimulatorRuntime } from '../../engine/types.js';
import type { ProcessingState } from './statuses.js';

export interface OrderStep {
  /** Virtual time the step becomes visible. */
  atMs: number;
  processing: ProcessingState;
  /** ЛК status shown from this step on. */
  statusId: number;
  /** The result file is available from this step on. */
  result?: true;
}

export interface ArchiveInfo {
  fileName: string;
  size: number;
  /** SHA-256 hex of the file (single push) or of the chunk hashes joined by ',' (chunked). */
  sha256: string;
  chunks: number;
  pushedMs: number;
}

export interface EpguOrder {
  id: number;
  /** ESIA oid of the owner (or the token subject in any-bearer mode). */
  ownerId: string;
  region: string;
  serviceCode: string;
  targetCode: string;
  createdMs: number;
  steps: OrderStep[];
  archive?: ArchiveInfo;
}

export interface ChunkUpload {
  orderId: number;
  ownerId: string;
  chunks: number;
  /** Index of the next expected chunk (zero-based). */
  next: number;
  startedMs: number;
  sizes: number[];
  hashes: string[];
  fileName: string;
}

export interface HourWindow {
  startMs: number;
  count: number;
}

export interface EpguState {
  nextOrderId: number;
  /** By order id. */
  orders: Map<string, EpguOrder>;
  /** Chunked uploads in progress, by order id. */
  uploads: Map<string, ChunkUpload>;
  /** Hourly request windows by token fingerprint. */
  hourly: Map<string, HourWindow>;
}

export function createEpguState(runtime: SimulatorRuntime): EpguState {
  // Ten-digit ids like real ones (1230254874), starting at a seeded point.
  const start = 1_200_000_000 + runtime.random.fork('epgu:order-ids').int(0, 99_999_999);
  return { nextOrderId: start, orders: new Map(), uploads: new Map(), hourly: new Map() };
}
