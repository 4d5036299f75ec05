/**
 * Attaching a received archive to an order: only drafts take one (else 409 push_denied); the push
 * plans the rest of the order's life (timeline.ts).
 */
import type { RouteContext } from '../../engine/types.js';
import { EpguRejection } from './errors.js';
import type { ResolvedEpguOptions } from './options.js';
import type { ArchiveInfo, EpguOrder, EpguState } from './state.js';
import { watchStatusNotices } from './status-notices.js';
import { LK_STATUS } from './statuses.js';
import { currentStep, planAfterPush } from './timeline.js';

/** 409 push_denied unless the order is a draft without an archive. */
export function assertPushable(order: EpguOrder, nowMs: number): void {
  if (order.archive || currentStep(order, nowMs).statusId !== LK_STATUS.DRAFT) {
    throw new EpguRejection(409, 'push_denied', `Заявление ${order.id} уже отправлено или отменено`);
  }
}

export function attachArchive(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
  order: EpguOrder,
  archive: ArchiveInfo,
): void {
  assertPushable(order, archive.pushedMs);
  order.archive = archive;
  // Forked by order id: the plan depends on the seed and the order, not on other traffic.
  const random = ctx.sim.random.fork(`epgu:order:${order.id}`);
  order.steps = [...order.steps, ...planAfterPush(random, options, archive.pushedMs)];
  if (options.notifications) {
    watchStatusNotices(ctx, order);
  }
}

/** A safe file name for links (the multipart filename, else a default). */
export function archiveName(filename: string | undefined, fallback: string): string {
  const cleaned = (filename ?? '').replace(/[^\w.-]+/g, '_').slice(0, 100);
  return cleaned === '' ? fallback : cleaned;
}
