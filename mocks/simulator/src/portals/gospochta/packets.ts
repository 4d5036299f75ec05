/**
 * The packet codec of @goskit/gospochta, the portal's way round: it verifies requests and builds
 * answers with the caller system's keys (only the key ids registered for it), trusts the JWS of the
 * certificates the system registered, and remembers accepted nonces in the state (so a snapshot or a
 * reset takes them along), expiring on the virtual clock. One codec per system record and state.
 */
import type { KeyValueStore } from '@goskit/core';
import { createPacketCodec, type PacketCodec, type PacketKey } from '@goskit/gospochta/protocol';
import type { VirtualClock } from '../../engine/types.js';
import type { GospochtaState, SystemRecord } from './state.js';

/** Nonces kept at most this many at once; expired ones are swept when the map grows past it. */
const NONCE_SWEEP_AT = 200_000;

function nonceStore(state: GospochtaState, clock: VirtualClock): KeyValueStore {
  const live = (key: string) => {
    const expires = state.nonces.get(key);
    return expires !== undefined && expires > clock.now();
  };
  const sweep = () => {
    if (state.nonces.size < NONCE_SWEEP_AT) {
      return;
    }
    const now = clock.now();
    for (const [key, expires] of state.nonces) {
      if (expires <= now) {
        state.nonces.delete(key);
      }
    }
  };
  return {
    async get(key) {
      return live(key) ? 1 : undefined;
    },
    async set(key, _value, options) {
      sweep();
      state.nonces.set(key, clock.now() + (options?.ttlMs ?? 600_000));
    },
    async setIfAbsent(key, _value, options) {
      if (live(key)) {
        return false;
      }
      sweep();
      state.nonces.set(key, clock.now() + (options?.ttlMs ?? 600_000));
      return true;
    },
    async take(key) {
      const found = live(key);
      state.nonces.delete(key);
      return found ? 1 : undefined;
    },
    async delete(key) {
      return state.nonces.delete(key);
    },
    async clear() {
      state.nonces.clear();
    },
  };
}

const codecs = new WeakMap<SystemRecord, PacketCodec>();

/** The codec for a system's packets (its keys, its signing certificates, this state's nonces). */
export function codecFor(
  state: GospochtaState,
  system: SystemRecord,
  clock: VirtualClock,
  toleranceSec: number,
): PacketCodec {
  let codec = codecs.get(system);
  if (codec === undefined) {
    const keys: PacketKey[] = system.packetKids
      .map((kid) => state.packetKeys.get(kid))
      .filter((key) => key !== undefined)
      .map((key) => ({ kid: key.kid, macKey: key.macKey, encryptionKey: key.encryptionKey }));
    codec = createPacketCodec({
      keys: { keys },
      clock,
      toleranceSec,
      replayStore: nonceStore(state, clock),
      jws: {
        ...(system.signingCertificates.length > 0 ? { trust: system.signingCertificates } : {}),
        require: system.requireJws,
      },
    });
    codecs.set(system, codec);
  }
  return codec;
}
