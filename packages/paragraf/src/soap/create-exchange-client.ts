/**
 * `createExchangeClient(options)`: the Параграф exchange service over SOAP — pushData, pushZipFile,
 * queue status and waiting for the queue. The contract is goskit's own (wsdl/paragraf-exchange.wsdl),
 * modelled on the public petersburgedu services; a Параграф installation or the goskit simulator
 * answers it at `endpoint`.
 */
import {
  type ClientOptions,
  clientTransportOptions,
  createTransport,
  sleep as defaultSleep,
  type Sleep,
} from '@goskit/core';
import { ParagrafError } from '../errors/paragraf-error.js';
import { LOGIN_PATTERN, PASSWORD_PATTERN } from './contract.js';
import type { CallOptions, ExchangeContext } from './exchange-context.js';
import { type PushResult, pushData, pushZipFile } from './push.js';
import type { PushDataQuery } from './push-data.js';
import type { ZipEntry } from './push-zip.js';
import { getQueueStatus, type QueueStatus, type WaitOptions, waitForQueue } from './queue.js';

export interface ExchangeClientOptions extends ClientOptions {
  /** Base URL of the service, e.g. `http://127.0.0.1:4010/paragraf`. */
  endpoint: string;
  /** Path of the SOAP endpoint under `endpoint`. Default '/exchange'. */
  path?: string;
  /** `[a-zA-Z0-9\-_]{4,}` as in the public services' XSD. */
  login: string;
  /** `[a-zA-Z0-9]{6,}` as in the public services' XSD. Never logged. */
  password: string;
  /** Queue polling. Defaults: every 2 000 ms, up to 600 000 ms. */
  poll?: { intervalMs?: number; timeoutMs?: number };
  /** Largest answer accepted, characters. Default 4 MiB. */
  maxResponseBytes?: number;
  /** Largest zip `pushZipFile` sends. Default 20 MiB. */
  maxZipBytes?: number;
  /** Injectable wait between polls (a virtual clock's). Default: timers. */
  sleep?: Sleep;
}

export interface ExchangeClient {
  pushData(query: PushDataQuery, options?: CallOptions): Promise<PushResult>;
  pushZipFile(files: readonly ZipEntry[] | Uint8Array, options?: CallOptions): Promise<PushResult>;
  getQueueStatus(queueId: string, options?: CallOptions): Promise<QueueStatus>;
  waitForQueue(queueId: string, options?: WaitOptions): Promise<QueueStatus>;
  /** pushData, then wait for the queue item to finish. */
  pushDataAndWait(query: PushDataQuery, options?: WaitOptions): Promise<QueueStatus>;
}

export function createExchangeClient(options: ExchangeClientOptions): ExchangeClient {
  if (!LOGIN_PATTERN.test(options.login)) {
    throw new ParagrafError('INVALID_ARGUMENT', 'login must be 4–64 Latin letters, digits, "-" or "_"');
  }
  if (!PASSWORD_PATTERN.test(options.password)) {
    throw new ParagrafError('INVALID_ARGUMENT', 'password must be 6–128 Latin letters or digits');
  }
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    const n = value ?? fallback;
    if (!Number.isFinite(n) || n <= 0) {
      throw new ParagrafError('INVALID_ARGUMENT', `${name} must be a positive number, got ${String(value)}`);
    }
    return n;
  };
  const transport = createTransport(
    clientTransportOptions(options, {
      baseUrl: options.endpoint,
      timeout: 60_000,
      retry: { limit: 2 },
    }),
  );
  const clock = options.clock;
  const context: ExchangeContext = {
    transport,
    path: options.path ?? '/exchange',
    credentials: { login: options.login, password: options.password },
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, 4 * 1024 * 1024),
    maxZipBytes: positive('maxZipBytes', options.maxZipBytes, 20 * 1024 * 1024),
    poll: {
      intervalMs: positive('poll.intervalMs', options.poll?.intervalMs, 2_000),
      timeoutMs: positive('poll.timeoutMs', options.poll?.timeoutMs, 600_000),
    },
    sleep: options.sleep ?? defaultSleep,
    now: clock === undefined ? Date.now : () => clock.now(),
  };
  return {
    pushData: (query, callOptions) => pushData(context, query, callOptions),
    pushZipFile: (files, callOptions) => pushZipFile(context, files, callOptions),
    getQueueStatus: (queueId, callOptions) => getQueueStatus(context, queueId, callOptions),
    waitForQueue: (queueId, waitOptions) => waitForQueue(context, queueId, waitOptions),
    pushDataAndWait: async (query, waitOptions) => {
      const { queueId } = await pushData(context, query, waitOptions);
      return waitForQueue(context, queueId, waitOptions);
    },
  };
}
