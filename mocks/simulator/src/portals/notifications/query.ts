/**
 * The control API's notice patterns: from a query string (GET …/notices?channel=sms&recipient=…) or a
 * JSON body (POST …/notices/verify). Every field is bounded; text is matched by substring only —
 * no pattern from the network ever runs as a regular expression.
 */
import { z } from 'zod';
import { BadRequestError } from '../../engine/errors.js';
import { NOTIFICATION_CHANNELS, type NoticePattern } from '../../services/notifications.js';

const bounded = z.string().min(1).max(200);

export const patternSchema = z
  .object({
    channel: z.enum(NOTIFICATION_CHANNELS as [string, ...string[]]).optional(),
    recipient: bounded.optional(),
    category: bounded.optional(),
    source: bounded.optional(),
    text: z.string().min(1).max(2000).optional(),
    textContains: bounded.optional(),
    subject: bounded.optional(),
    since: z.union([bounded, z.number()]).optional(),
    state: z.enum(['delivered', 'pending', 'all']).optional(),
  })
  .strict();

export const verifySchema = z
  .object({
    times: z.union([
      z.number().int().min(0),
      z
        .object({ atLeast: z.number().int().min(0).optional(), atMost: z.number().int().min(0).optional() })
        .strict(),
    ]),
    pattern: patternSchema,
  })
  .strict();

const KEYS = [
  'channel',
  'recipient',
  'category',
  'source',
  'text',
  'textContains',
  'subject',
  'since',
  'state',
] as const;

/** A pattern and a limit from `?channel=…&limit=…`; a bad field is a 400 naming it. */
export function patternFromQuery(query: URLSearchParams): { pattern: NoticePattern; limit: number } {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = query.get(key);
    if (value !== null && value !== '') {
      raw[key] = value;
    }
  }
  for (const key of query.keys()) {
    if (!(KEYS as readonly string[]).includes(key) && key !== 'limit') {
      throw new BadRequestError(
        `query.${key.slice(0, 40)}`,
        'known',
        `query.${key.slice(0, 40)}: unknown field; use ${KEYS.join(', ')}, limit`,
      );
    }
  }
  const parsed = patternSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `query.${issue?.path.join('.') ?? ''}`;
    throw new BadRequestError(field, 'valid', `${field}: ${issue?.message ?? 'invalid'}`);
  }
  const limitText = query.get('limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new BadRequestError('query.limit', 'range', 'query.limit: expected an integer 1–10000');
  }
  return { pattern: stripUndefined(parsed.data) as NoticePattern, limit };
}

export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
