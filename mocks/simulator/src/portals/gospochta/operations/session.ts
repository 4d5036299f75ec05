/**
 * `getSession` (who the token belongs to: subject, client, role, permissions, expiry, organisation) and
 * `getRoleMatrix` (the role → permission matrix and every operation's permission, as data).
 */
import { OPERATION_PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '@goskit/gospochta/protocol';
import { iso } from '../state.js';
import { type OperationTable, ok } from './operation.js';
import { organisationView } from './views.js';

export const sessionOperations: OperationTable = {
  getSession: {
    handler: ({ caller }) =>
      ok({
        subject: caller.subject,
        clientId: caller.clientId,
        role: caller.role,
        permissions: [...caller.permissions],
        expiresAt: iso(caller.expiresAt),
        ...(caller.role !== 'client' && caller.system.organisation !== undefined
          ? { organisation: organisationView(caller.system.organisation) }
          : {}),
      }),
  },
  getRoleMatrix: {
    handler: () =>
      ok({
        roles: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })),
        operations: Object.entries(OPERATION_PERMISSIONS).map(([operationId, permission]) => ({
          operationId,
          permission,
        })),
      }),
  },
};
