/** What the VK ID operations share, built once per client. */
import {
  clientTransportOptions,
  createTransport,
  InvalidOptionsError,
  type KeyValueStore,
  MemoryStore,
  type Transport,
} from '@goskit/core';
import { resolveVkIdBaseUrl } from './environment.js';
import type { VkIdClientOptions } from './options.js';

export interface VkIdContext {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly baseUrl: string;
  readonly scopes: readonly string[];
  readonly transport: Transport;
  readonly store: KeyValueStore;
  readonly stateTtlMs: number;
  readonly stateKeyPrefix: string;
  readonly now: () => number;
}

const SCOPE = /^[A-Za-z0-9_.:-]{1,64}$/;

export function checkScopes(scopes: readonly string[] | undefined, field: string): readonly string[] {
  if (scopes === undefined) {
    return [];
  }
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string' || !SCOPE.test(scope))) {
    throw new InvalidOptionsError(
      `${field} must be a list of scope names (letters, digits, '_', '.', ':', '-')`,
    );
  }
  return scopes;
}

export function createVkIdContext(options: VkIdClientOptions): VkIdContext {
  const clientId = String(options.clientId ?? '');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) {
    throw new InvalidOptionsError('clientId is required: the VK ID app id');
  }
  if (typeof options.redirectUri !== 'string' || !/^https?:\/\/[^\s]+$/.test(options.redirectUri)) {
    throw new InvalidOptionsError('redirectUri must be an absolute http(s) URL registered for the app');
  }
  const stateTtlMs = options.stateTtlMs ?? 600_000;
  if (!(stateTtlMs > 0 && stateTtlMs <= 86_400_000)) {
    throw new InvalidOptionsError('stateTtlMs must be in (0, 86 400 000] ms');
  }
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const baseUrl = resolveVkIdBaseUrl(options.environment);
  return {
    clientId,
    redirectUri: options.redirectUri,
    baseUrl,
    scopes: checkScopes(options.scopes, 'scopes'),
    transport: createTransport(clientTransportOptions(options, { baseUrl })),
    store: options.stateStore ?? new MemoryStore({ clock: { now } }),
    stateTtlMs,
    stateKeyPrefix: options.stateKeyPrefix ?? 'goskit:vkid:state:',
    now,
  };
}
