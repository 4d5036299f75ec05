import type { Paginated, RateLimiter } from '@goskit/core';
import { createEpguContext } from './context.js';
import { type DictionaryFilter, type DownloadFileInput, dictionary, downloadFile } from './files.js';
import type { EpguDictionary, EpguOrderDetails, EpguOrderStatusItem } from './models.js';
import type { EpguClientOptions } from './options.js';
import { type CancelOptions, type CreateOrderInput, cancelOrder, createOrder, getOrder } from './orders.js';
import { type PushChunkedInput, type PushInput, push, pushChunked } from './push.js';
import { getOrdersStatus, getUpdatedAfter, type UpdatedAfterOptions } from './statuses.js';
import { type OrderStatusEvent, type WatchOrdersOptions, watchOrders } from './watch-orders.js';

export interface EpguClient {
  readonly baseUrl: string;
  /** The two-bucket limiter every call waits on. */
  readonly rateLimiter: RateLimiter;
  createOrder(input: CreateOrderInput): Promise<{ orderId: number }>;
  push(input: PushInput): Promise<{ orderId: number }>;
  pushChunked(input: PushChunkedInput): Promise<{ orderId: number; chunks: number }>;
  /** Details; an unknown order (EPGU's bare 204) throws EpguError with epguCode 'not_found'. */
  getOrder(id: number | string): Promise<EpguOrderDetails>;
  cancel(id: number | string, options?: CancelOptions): Promise<{ code: string; message: string | null }>;
  getUpdatedAfter(options: UpdatedAfterOptions): Paginated<EpguOrderStatusItem>;
  getOrdersStatus(
    ids: readonly (number | string)[],
    options?: { pageSize?: number; signal?: AbortSignal },
  ): Promise<EpguOrderStatusItem[]>;
  dictionary(code: string, filter?: DictionaryFilter): Promise<EpguDictionary>;
  /** A stored file by `{ objectId, objectType, mnemonic }` or by the `link` of an order's file list. */
  downloadFile(input: DownloadFileInput): Promise<Uint8Array>;
  /** Status changes as they happen (polling getUpdatedAfter), resumable from `event.cursor`. */
  watchOrders(options: WatchOrdersOptions): AsyncGenerator<OrderStatusEvent>;
}

/**
 * EPGU order API (API ЕПГУ v1.12.1) client on core's transport: limits 2 000/min + 120 000/h,
 * `{ code, message }` errors as EpguError, 429 as core's RateLimitError.
 *
 * @example
 * const epgu = createEpguClient({ environment: 'test', tokenProvider: session.tokenProvider });
 * const { orderId } = await epgu.createOrder({ region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' });
 * await epgu.pushChunked({ orderId, file: zipBytes }); // 5 MB chunks, no meta: as the spec's example
 * for await (const change of epgu.watchOrders({ since: new Date() })) console.log(change.orderId, change.statusName);
 */
export function createEpguClient(options: EpguClientOptions): EpguClient {
  const context = createEpguContext(options);
  return {
    baseUrl: context.baseUrl,
    rateLimiter: context.limiter,
    createOrder: (input) => createOrder(context, input),
    push: (input) => push(context, input),
    pushChunked: (input) => pushChunked(context, input),
    getOrder: (id) => getOrder(context, id),
    cancel: (id, cancelOptions) => cancelOrder(context, id, cancelOptions),
    getUpdatedAfter: (updatedOptions) => getUpdatedAfter(context, updatedOptions),
    getOrdersStatus: (ids, statusOptions) => getOrdersStatus(context, ids, statusOptions),
    dictionary: (code, filter) => dictionary(context, code, filter),
    downloadFile: (input) => downloadFile(context, input),
    watchOrders: (watchOptions) => watchOrders(context, watchOptions),
  };
}
