/**
 * Packet keys: each key id names a pair — a MAC key (HMAC-SHA-256) and an encryption key
 * (AES-256-GCM) — never one key for both. A ring holds several ids during a rotation: packets are
 * built with `currentKid` and verified with whichever id they name. CryptoKeys are imported once per
 * id; every field encryption counts against the id's invocation limit (random IVs, SP 800-38D §8.3).
 */
import { InvalidOptionsError } from '@goskit/core';
import { timingSafeEqual, utf8 } from '@goskit/crypto';
import { KeyUsageExceededError } from '../errors/key-usage-error.js';

export interface PacketKey {
  /** `[A-Za-z0-9._-]{1,64}`; sent in every packet header. */
  kid: string;
  /** HMAC-SHA-256 key, at least 32 bytes. */
  macKey: Uint8Array;
  /** AES-256 key, exactly 32 bytes. */
  encryptionKey: Uint8Array;
}

export interface PacketKeyRingOptions {
  keys: readonly PacketKey[];
  /** The id new packets use. Default: the first key. */
  currentKid?: string;
  /** Field encryptions allowed per key id in this process. Default 2^32. */
  maxEncryptionsPerKey?: number;
}

const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const DEFAULT_MAX_ENCRYPTIONS = 2 ** 32;

/** A key id's imported keys and its usage counter. */
export interface ResolvedPacketKey {
  readonly kid: string;
  readonly mac: Promise<CryptoKey>;
  readonly encryption: Promise<CryptoKey>;
  /** Counts one field encryption; throws KeyUsageExceededError past the limit. */
  countEncryption(): void;
  readonly encryptions: number;
}

export interface PacketKeyRing {
  readonly currentKid: string;
  /** The key of an id, or undefined for an unknown one. */
  get(kid: string): ResolvedPacketKey | undefined;
  readonly kids: readonly string[];
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function resolve(key: PacketKey, limit: number): ResolvedPacketKey {
  let encryptions = 0;
  return {
    kid: key.kid,
    mac: subtle().importKey('raw', copy(key.macKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]),
    encryption: subtle().importKey('raw', copy(key.encryptionKey), 'AES-GCM', false, ['encrypt', 'decrypt']),
    countEncryption() {
      if (encryptions >= limit) {
        throw new KeyUsageExceededError(key.kid, limit);
      }
      encryptions += 1;
    },
    get encryptions() {
      return encryptions;
    },
  };
}

/** Checks the keys and imports each once. Throws InvalidOptionsError naming the bad key id and part. */
export function createPacketKeyRing(options: PacketKeyRingOptions): PacketKeyRing {
  if (!Array.isArray(options.keys) || options.keys.length === 0) {
    throw new InvalidOptionsError('packet keys: at least one { kid, macKey, encryptionKey } is required');
  }
  const limit = options.maxEncryptionsPerKey ?? DEFAULT_MAX_ENCRYPTIONS;
  if (!Number.isInteger(limit) || limit < 1 || limit > DEFAULT_MAX_ENCRYPTIONS) {
    throw new InvalidOptionsError(`maxEncryptionsPerKey must be an integer in [1, 2^32], got ${limit}`);
  }
  const entries = new Map<string, ResolvedPacketKey>();
  for (const key of options.keys) {
    if (typeof key?.kid !== 'string' || !KID_PATTERN.test(key.kid)) {
      throw new InvalidOptionsError('packet key kid must match [A-Za-z0-9._-]{1,64}');
    }
    if (entries.has(key.kid)) {
      throw new InvalidOptionsError(`packet key "${key.kid}" is listed twice`);
    }
    if (!(key.macKey instanceof Uint8Array) || key.macKey.length < 32) {
      throw new InvalidOptionsError(`packet key "${key.kid}": macKey must be at least 32 bytes`);
    }
    if (!(key.encryptionKey instanceof Uint8Array) || key.encryptionKey.length !== 32) {
      throw new InvalidOptionsError(
        `packet key "${key.kid}": encryptionKey must be exactly 32 bytes (AES-256)`,
      );
    }
    if (timingSafeEqual(key.macKey, key.encryptionKey)) {
      throw new InvalidOptionsError(`packet key "${key.kid}": macKey and encryptionKey must differ`);
    }
    entries.set(key.kid, resolve(key, limit));
  }
  const currentKid = options.currentKid ?? (options.keys[0] as PacketKey).kid;
  if (!entries.has(currentKid)) {
    throw new InvalidOptionsError(`currentKid "${currentKid}" is not among the packet keys`);
  }
  return { currentKid, get: (kid) => entries.get(kid), kids: [...entries.keys()] };
}

/**
 * Derives a key id's MAC and encryption keys from one shared master secret (≥ 32 bytes) with
 * HKDF-SHA-256 (RFC 5869): salt = the key id, info = `gospochta packet mac v1` / `… enc v1`.
 * Both sides derive the same pair, so only the master secret has to be exchanged.
 */
export async function derivePacketKey(kid: string, masterSecret: Uint8Array): Promise<PacketKey> {
  if (!(masterSecret instanceof Uint8Array) || masterSecret.length < 32) {
    throw new InvalidOptionsError('derivePacketKey: the master secret must be at least 32 bytes');
  }
  if (!KID_PATTERN.test(kid)) {
    throw new InvalidOptionsError('packet key kid must match [A-Za-z0-9._-]{1,64}');
  }
  const base = await subtle().importKey('raw', copy(masterSecret), 'HKDF', false, ['deriveBits']);
  const derive = async (info: string) =>
    new Uint8Array(
      await subtle().deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: copy(utf8(kid)), info: copy(utf8(info)) },
        base,
        256,
      ),
    );
  return {
    kid,
    macKey: await derive('gospochta packet mac v1'),
    encryptionKey: await derive('gospochta packet enc v1'),
  };
}
