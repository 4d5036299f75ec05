/**
 * Pages of a list: `limit` (1–100, default 20, checked by the contract) and an opaque `cursor` — here
 * the offset of the next item, which is all a simulator needs and never leaks anything.
 */
import { GospochtaProblem } from '../problem.js';

export function page<T>(
  items: readonly T[],
  query: URLSearchParams,
): { items: T[]; nextCursor: string | null } {
  const limit = Number(query.get('limit') ?? '20');
  const cursor = query.get('cursor');
  const start = cursor === null ? 0 : /^\d{1,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isInteger(start)) {
    throw new GospochtaProblem(400, 'INVALID_REQUEST', {
      field: 'cursor',
      detail: 'not a cursor this portal gave',
    });
  }
  const slice = items.slice(start, start + limit);
  return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
}

/** An ISO date-time query value as ms, or a 400 naming the parameter. */
export function timeParameter(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) {
    return undefined;
  }
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new GospochtaProblem(400, 'INVALID_REQUEST', {
      field: name,
      detail: `${name} must be an ISO date-time`,
    });
  }
  return ms;
}
