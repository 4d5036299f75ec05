/**
 * PII field encryption over a JSON tree. Building copies the caller's value (never mutating it),
 * refusing what JSON cannot carry, and replaces every PII-named string with
 * `{ "$enc": encryptField(value, key, { aad: gospochta:v1:<kid>:<pointer> }) }` — @goskit/crypto's
 * AES-256-GCM with a fresh random IV per field. Opening decrypts every field of a freshly parsed body
 * and assigns the plaintexts only when all of them succeeded, so a failure leaves nothing half-open.
 */
import { CryptoError, decryptField, encryptField } from '@goskit/crypto';
import { PacketBuildError } from '../errors/packet-build-error.js';
import { PacketError } from '../errors/packet-error.js';
import type { ResolvedPacketKey } from './packet-keys.js';
import { fieldAad, pointerSegment } from './pii-fields.js';

export interface TreeLimits {
  /** Deepest nesting accepted. Default 64. */
  maxDepth: number;
  /** Most PII fields in one body. Default 10 000. */
  maxFields: number;
}

export const DEFAULT_TREE_LIMITS: TreeLimits = { maxDepth: 64, maxFields: 10_000 };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sets an own property even for `__proto__`, which plain assignment would turn into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

interface Job {
  holder: Record<string, unknown>;
  key: string;
  pointer: string;
  value: string;
}

/** Copies `value` as JSON data and collects the PII strings to encrypt. */
function copyForBuild(
  value: unknown,
  pointer: string,
  depth: number,
  pii: ReadonlySet<string>,
  jobs: Job[],
  limits: TreeLimits,
  seen: Set<object>,
): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new PacketBuildError('a packet body cannot carry NaN or Infinity', { field: pointer || '/' });
    }
    return value;
  }
  if (typeof value !== 'object') {
    throw new PacketBuildError(`a packet body cannot carry a ${typeof value}`, { field: pointer || '/' });
  }
  if (depth > limits.maxDepth) {
    throw new PacketBuildError(`the body nests deeper than ${limits.maxDepth} levels`, { field: pointer });
  }
  if (seen.has(value)) {
    throw new PacketBuildError('the body contains a cycle', { field: pointer });
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function' && !Array.isArray(value)) {
    return copyForBuild(withToJson.toJSON(), pointer, depth, pii, jobs, limits, seen);
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        if (item === undefined) {
          throw new PacketBuildError('an array in the body holds undefined', {
            field: `${pointer}/${index}`,
          });
        }
        return copyForBuild(item, `${pointer}/${index}`, depth + 1, pii, jobs, limits, seen);
      });
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) {
        continue;
      }
      const childPointer = `${pointer}/${pointerSegment(key)}`;
      if (pii.has(key) && item !== null) {
        if (typeof item !== 'string') {
          throw new PacketBuildError('a personal-data field must be a string', { field: childPointer });
        }
        if (jobs.length >= limits.maxFields) {
          throw new PacketBuildError(`the body holds more than ${limits.maxFields} personal-data fields`);
        }
        jobs.push({ holder: out, key, pointer: childPointer, value: item });
        setOwn(out, key, null); // placeholder keeps key order stable; replaced below
        continue;
      }
      setOwn(out, key, copyForBuild(item, childPointer, depth + 1, pii, jobs, limits, seen));
    }
    return out as Json;
  } finally {
    seen.delete(value);
  }
}

/** A copy of `value` with every PII field encrypted under `key`. */
export async function encryptTree(
  value: unknown,
  key: ResolvedPacketKey,
  pii: ReadonlySet<string>,
  limits: TreeLimits = DEFAULT_TREE_LIMITS,
): Promise<Json> {
  const jobs: Job[] = [];
  const copy = copyForBuild(value, '', 0, pii, jobs, limits, new Set());
  if (jobs.length === 0) {
    return copy;
  }
  for (let i = 0; i < jobs.length; i++) {
    key.countEncryption();
  }
  const cryptoKey = await key.encryption;
  const sealed = await Promise.all(
    jobs.map((job) => encryptField(job.value, cryptoKey, { aad: fieldAad(key.kid, job.pointer) })),
  );
  jobs.forEach((job, index) => {
    setOwn(job.holder, job.key, { $enc: sealed[index] });
  });
  return copy;
}

interface OpenJob {
  holder: Record<string, unknown>;
  key: string;
  pointer: string;
  token: string;
}

function collectForOpen(
  value: unknown,
  pointer: string,
  depth: number,
  pii: ReadonlySet<string>,
  jobs: OpenJob[],
  limits: TreeLimits,
): void {
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (depth > limits.maxDepth) {
    throw new PacketError('body', `the body nests deeper than ${limits.maxDepth} levels`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collectForOpen(item, `${pointer}/${index}`, depth + 1, pii, jobs, limits);
    });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const childPointer = `${pointer}/${pointerSegment(key)}`;
    if (!pii.has(key)) {
      collectForOpen(item, childPointer, depth + 1, pii, jobs, limits);
      continue;
    }
    if (item === null) {
      continue;
    }
    if (typeof item === 'string') {
      throw new PacketError('pii', 'a personal-data field arrived as plain text', { field: childPointer });
    }
    const sealed = item as Record<string, unknown>;
    if (
      typeof item !== 'object' ||
      Array.isArray(item) ||
      Object.keys(sealed).length !== 1 ||
      typeof sealed.$enc !== 'string' ||
      sealed.$enc.length > 8192
    ) {
      throw new PacketError('pii', 'a personal-data field is not {"$enc": "v1.<iv>.<ciphertext>"}', {
        field: childPointer,
      });
    }
    if (jobs.length >= limits.maxFields) {
      throw new PacketError('body', `the body holds more than ${limits.maxFields} personal-data fields`);
    }
    jobs.push({ holder: record, key, pointer: childPointer, token: sealed.$enc });
  }
}

/** Decrypts every PII field of a parsed body in place — all of them, or none (then it throws). */
export async function decryptTree(
  parsed: unknown,
  key: ResolvedPacketKey,
  pii: ReadonlySet<string>,
  limits: TreeLimits = DEFAULT_TREE_LIMITS,
): Promise<void> {
  const jobs: OpenJob[] = [];
  collectForOpen(parsed, '', 0, pii, jobs, limits);
  if (jobs.length === 0) {
    return;
  }
  const cryptoKey = await key.encryption;
  const opened = await Promise.allSettled(
    jobs.map((job) => decryptField(job.token, cryptoKey, { aad: fieldAad(key.kid, job.pointer) })),
  );
  const failedAt = opened.findIndex((result) => result.status === 'rejected');
  if (failedAt >= 0) {
    const failure = opened[failedAt] as PromiseRejectedResult;
    const reason =
      failure.reason instanceof CryptoError && failure.reason.code === 'DECRYPTION_FAILED'
        ? 'does not decrypt (wrong key, moved or altered)'
        : 'is not a well-formed encrypted value';
    throw new PacketError('pii', `a personal-data field ${reason}`, {
      field: (jobs[failedAt] as OpenJob).pointer,
      cause: failure.reason,
    });
  }
  jobs.forEach((job, index) => {
    job.holder[job.key] = (opened[index] as PromiseFulfilledResult<string>).value;
  });
}
