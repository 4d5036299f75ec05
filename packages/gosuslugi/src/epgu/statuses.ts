import { InvalidOptionsError, type Paginated, paginate } from '@goskit/core';
import { type EpguContext, epguCall } from './context.js';
import { type EpguOrderStatusItem, statusPageSchema } from './models.js';
import { formatEpguTime, toEpochMs } from './time-format.js';

export interface UpdatedAfterOptions {
  /** Orders whose status changed after this instant (Date, epoch ms, or 'YYYY-MM-DDTHH:mm:ss.SSS' EPGU time). */
  updatedAfter: Date | number | string;
  /** 1…100. Default 100. */
  pageSize?: number;
  signal?: AbortSignal;
}

function checkPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new InvalidOptionsError('pageSize must be an integer from 1 to 100');
  }
  return pageSize;
}

/** GET /api/gusmev/order/getUpdatedAfter as a lazy async iterator over all pages (pageNum from 0). */
export function getUpdatedAfter(
  context: EpguContext,
  options: UpdatedAfterOptions,
): Paginated<EpguOrderStatusItem> {
  const pageSize = checkPageSize(options.pageSize ?? 100);
  const since = toEpochMs(options.updatedAfter, context.timeZoneOffsetMinutes);
  if (Number.isNaN(since)) {
    throw new InvalidOptionsError('updatedAfter must be a Date, epoch ms or YYYY-MM-DDTHH:mm:ss.SSS');
  }
  const updatedAfter = formatEpguTime(since, context.timeZoneOffsetMinutes);
  return paginate<EpguOrderStatusItem, number>(
    async ({ page, signal }) => {
      const pageNum = page - 1;
      const body = await epguCall(() =>
        context.transport.get('/api/gusmev/order/getUpdatedAfter', {
          query: { pageNum, pageSize, updatedAfter },
          schema: statusPageSchema,
          ...(signal ? { signal } : {}),
        }),
      );
      return {
        items: body.content,
        hasMore: body.content.length > 0 && (pageNum + 1) * pageSize < body.totalCount,
      };
    },
    options.signal ? { signal: options.signal } : {},
  );
}

/** GET /api/gusmev/order/getOrdersStatus for a list of ids, all pages collected. */
export async function getOrdersStatus(
  context: EpguContext,
  ids: readonly (number | string)[],
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<EpguOrderStatusItem[]> {
  const pageSize = checkPageSize(options.pageSize ?? 100);
  if (ids.length === 0) {
    return [];
  }
  const orderIds = ids.map((id) => {
    const text = String(id);
    if (!/^\d+$/.test(text)) {
      throw new InvalidOptionsError('order ids must be positive integers');
    }
    return text;
  });
  const out: EpguOrderStatusItem[] = [];
  // One request per page of ids: the query names exactly the ids of that page.
  for (let start = 0; start < orderIds.length; start += pageSize) {
    const slice = orderIds.slice(start, start + pageSize);
    const body = await epguCall(() =>
      context.transport.get('/api/gusmev/order/getOrdersStatus', {
        query: { pageNum: 0, pageSize, orderIds: slice.join(',') },
        schema: statusPageSchema,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    );
    out.push(...body.content);
  }
  return out;
}
