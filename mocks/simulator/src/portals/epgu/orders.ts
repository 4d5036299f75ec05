/**
 * Order records: input checks, the system's admission to the service, the 20-per-service-per-10-
 * minutes limitation, creation, and lookup: a malformed id → 400, an unknown one → 204 (spec,
 * Приложение 4), another user's or another system's → 403 order_access. Shared by createOrder, push
 * and the read routes.
 */
import type { RouteContext } from '../../engine/types.js';
import type { EpguCaller } from './auth.js';
import { findService } from './catalogue.js';
import { badRequest, EpguRejection, OrderNotFound } from './errors.js';
import type { GuardedCaller } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import type { EpguOrder, EpguState } from './state.js';
import { LK_STATUS } from './statuses.js';
import { allowsService } from './systems.js';

export interface OrderInput {
  region: string;
  serviceCode: string;
  targetCode: string;
}

/** Checks `{ region, serviceCode, targetCode }`; `where` prefixes field names ('meta.'). */
export function readOrderInput(value: unknown, where = ''): OrderInput {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`${where || 'body'}: expected a JSON object with region, serviceCode, targetCode`);
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const field of ['region', 'serviceCode', 'targetCode'] as const) {
    const raw = record[field];
    if (raw === undefined || raw === null || raw === '') {
      throw badRequest(`${where}${field}: required`);
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw badRequest(`${where}${field}: must be a string`);
    }
    out[field] = String(raw);
  }
  if (!/^\d{11}$/.test(out.region as string)) {
    throw badRequest(`${where}region: must be an 11-digit OKATO code, e.g. 45000000000`);
  }
  return out as unknown as OrderInput;
}

/** Parses a JSON text (the body or the `meta` part) or answers 400 naming it. */
export function parseJsonText(text: string, what: string): unknown {
  if (text.trim() === '') {
    throw badRequest(`${what}: empty, expected JSON`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`${what}: not valid JSON`);
  }
}

export function createOrder(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
  caller: GuardedCaller,
  input: OrderInput,
): EpguOrder {
  const service = findService(input.serviceCode);
  if (!service) {
    throw new EpguRejection(400, 'service_not_found', `Услуга ${input.serviceCode} не найдена`);
  }
  if (!allowsService(caller.system, service.serviceCode)) {
    throw new EpguRejection(403, 'access_denied_service', 'Доступ ВИС к запрашиваемой услуге запрещен');
  }
  if (!service.targets.includes(input.targetCode)) {
    throw badRequest(
      `targetCode: ${input.targetCode} is not a target of service ${input.serviceCode} (${service.targets.join(', ')})`,
    );
  }
  const now = ctx.sim.clock.now();
  const recent = [...ctx.state.orders.values()].filter(
    (order) =>
      order.ownerId === caller.userId &&
      order.serviceCode === input.serviceCode &&
      now - order.createdMs < options.orderLimitWindowMs,
  );
  if (recent.length >= options.orderLimitCount) {
    throw new EpguRejection(
      400,
      'limitation_exception',
      `Превышено ограничение: не более ${options.orderLimitCount} заявлений на услугу за ${options.orderLimitWindowMs / 60_000} мин`,
    );
  }
  const id = ctx.state.nextOrderId;
  ctx.state.nextOrderId += 1;
  const order: EpguOrder = {
    id,
    ownerId: caller.userId,
    systemId: caller.systemId,
    region: input.region,
    serviceCode: input.serviceCode,
    targetCode: input.targetCode,
    createdMs: now,
    smevTx: ctx.sim.random.fork(`epgu:smev:${id}`).uuid(),
    steps: [{ atMs: now, processing: 'NEW', statusId: LK_STATUS.DRAFT }],
  };
  ctx.state.orders.set(String(id), order);
  return order;
}

/** Whether the order is the caller's: the same person, through the same system. */
export function ownsOrder(order: EpguOrder, caller: EpguCaller): boolean {
  return order.ownerId === caller.userId && order.systemId === caller.systemId;
}

/** The caller's order, else 400 (not an id) / 204 (unknown) / 403 order_access. */
export function ownedOrder(
  state: EpguState,
  rawId: string,
  caller: EpguCaller,
  field = 'orderId',
): EpguOrder {
  if (!/^\d{1,15}$/.test(rawId)) {
    throw badRequest(`${field}: expected the number of an order, got '${rawId.slice(0, 40)}'`);
  }
  const order = state.orders.get(String(Number(rawId)));
  if (!order) {
    throw new OrderNotFound(`order ${Number(rawId)} does not exist`);
  }
  if (!ownsOrder(order, caller)) {
    throw new EpguRejection(403, 'order_access', 'У пользователя нет прав для работы с текущим заявлением');
  }
  return order;
}
