import type { EsiaContext } from './context.js';

/** What authorizationUrl() stores under the state so any instance can finish the flow. */
export interface PendingAuthorization {
  flow: 'v2' | 'v1';
  scope: string;
  scopeOrg: string;
  redirectUri: string;
  accessType: 'online' | 'offline';
  /** Epoch ms. */
  createdAt: number;
  /** PKCE code_verifier, when the request carried a code_challenge. */
  codeVerifier?: string;
  /** Whatever the application attached (e.g. the page to return to). */
  data?: unknown;
}

export async function savePending(
  context: EsiaContext,
  state: string,
  pending: PendingAuthorization,
): Promise<void> {
  await context.store.set(context.stateKeyPrefix + state, pending, { ttlMs: context.stateTtlMs });
}

/** Single use: read and removed in one step. */
export async function takePending(
  context: EsiaContext,
  state: string,
): Promise<PendingAuthorization | undefined> {
  const value = await context.store.take(context.stateKeyPrefix + state);
  return isPending(value) ? value : undefined;
}

function isPending(value: unknown): value is PendingAuthorization {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.scope === 'string' &&
    typeof record.redirectUri === 'string' &&
    typeof record.createdAt === 'number' &&
    (record.codeVerifier === undefined || typeof record.codeVerifier === 'string')
  );
}
