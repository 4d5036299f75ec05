/** The portal's operation log for this system (GET /v1/audit, permission `audit:read`): no personal data. */
import { type Paginated, paginate } from '@goskit/core';
import { z } from 'zod';
import type { GospochtaContext } from '../client/context.js';
import type { Schemas } from '../client/decrypted.js';
import { checkPage, fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';

export type AuditRecord = Schemas['AuditRecord'];

const auditPageSchema = z.object({
  items: z.array(
    z.object({
      requestId: z.string().max(128),
      at: z.string().max(40),
      operation: z.string().max(64),
      role: z.string().max(64).optional(),
      subject: z.string().max(128).optional(),
      status: z.number().int(),
      code: z.string().max(64).optional(),
    }),
  ),
  nextCursor: z.string().max(512).nullable(),
});

export function audit(
  context: GospochtaContext,
  filter: { since?: Date; limit?: number } = {},
): Paginated<AuditRecord> {
  checkPage({ limit: filter.limit, filter });
  if (
    filter.since !== undefined &&
    (!(filter.since instanceof Date) || Number.isNaN(filter.since.getTime()))
  ) {
    fail([issue('since', 'DATE_VALUE', 'since — корректная дата.', 'since must be a valid Date.')]);
  }
  return paginate<AuditRecord>(async ({ cursor }) => {
    checkPage({ cursor });
    const { data } = await protectedCall(context, {
      operation: 'listAudit',
      method: 'GET',
      template: '/v1/audit',
      path: '/v1/audit',
      query: {
        ...(filter.since ? { since: filter.since.toISOString() } : {}),
        ...(filter.limit === undefined ? {} : { limit: filter.limit }),
        ...(cursor === undefined ? {} : { cursor }),
      },
      schema: auditPageSchema,
    });
    return data as { items: AuditRecord[]; nextCursor: string | null };
  });
}
