/**
 * `listAudit` (admin): the operation log, newest first, optionally since a time — the records of the
 * caller's own systems for an admin of an organisation, here every record (a simulator has one
 * operator).
 */
import { iso } from '../state.js';
import { type OperationTable, ok } from './operation.js';
import { page, timeParameter } from './paging.js';

export const auditOperations: OperationTable = {
  listAudit: {
    handler: ({ state, query }) => {
      const since = timeParameter(query, 'since');
      const records = state.audit.filter((record) => since === undefined || record.at >= since).reverse();
      const result = page(records, query);
      return ok({
        items: result.items.map((record) => ({
          requestId: record.requestId,
          at: iso(record.at),
          operation: record.operation,
          ...(record.role === undefined ? {} : { role: record.role }),
          ...(record.subject === undefined ? {} : { subject: record.subject }),
          status: record.status,
          ...(record.code === undefined ? {} : { code: record.code }),
        })),
        nextCursor: result.nextCursor,
      });
    },
  },
};
