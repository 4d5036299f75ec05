/**
 * A login between authorizationUrl() and handleCallback(), stored under its state in the
 * `KeyValueStore` so that any instance sharing the store can finish it. Single use: taken (read
 * and removed in one step) by the callback.
 */
import { InvalidOptionsError } from '@goskit/core';
import type { VkIdContext } from './context.js';

export interface PendingLogin {
  codeVerifier: string;
  redirectUri: string;
  scopes: readonly string[];
  /** Epoch ms. */
  createdAt: number;
  /** Whatever the application attached (e.g. which school person is linking). */
  data?: unknown;
}

export async function savePending(context: VkIdContext, state: string, pending: PendingLogin): Promise<void> {
  const written = await context.store.setIfAbsent(context.stateKeyPrefix + state, pending, {
    ttlMs: context.stateTtlMs,
  });
  if (!written) {
    throw new InvalidOptionsError('state is already used by a pending VK ID login: use a fresh one');
  }
}

export async function takePending(context: VkIdContext, state: string): Promise<PendingLogin | undefined> {
  const value = await context.store.take(context.stateKeyPrefix + state);
  return isPending(value) ? value : undefined;
}

function isPending(value: unknown): value is PendingLogin {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.codeVerifier === 'string' &&
    typeof record.redirectUri === 'string' &&
    typeof record.createdAt === 'number' &&
    Array.isArray(record.scopes)
  );
}
