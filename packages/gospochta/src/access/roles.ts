/**
 * Roles and permissions as data (openapi/gospochta.yaml: `x-goskit-roles` and each operation's
 * `x-goskit-permission`; a test keeps the two in step). Three roles exist — operator (an
 * organisation's system or employee sending notices), client (a person), admin — and a token naming
 * any other role is refused.
 */
import type { components } from '../generated/gospochta.js';

export type Role = components['schemas']['Role'];
export type Permission = components['schemas']['Permission'];

export const ROLES: readonly Role[] = ['operator', 'client', 'admin'];

export const PERMISSIONS: readonly Permission[] = [
  'letters:read',
  'letters:mark-read',
  'letters:send',
  'acts:read',
  'webhooks:manage',
  'payments:read',
  'payments:pay',
  'documents:request',
  'documents:read',
  'audit:read',
  'roles:read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  operator: [
    'letters:read',
    'letters:mark-read',
    'letters:send',
    'acts:read',
    'webhooks:manage',
    'documents:request',
    'documents:read',
  ],
  client: [
    'letters:read',
    'letters:mark-read',
    'payments:read',
    'payments:pay',
    'documents:request',
    'documents:read',
  ],
  admin: PERMISSIONS,
};

/** Every operation of the contract and the one permission it needs (null: any valid token, or none). */
export const OPERATION_PERMISSIONS = {
  issueToken: null,
  getJwks: null,
  getSession: null,
  getRoleMatrix: 'roles:read',
  listInbox: 'letters:read',
  getLetter: 'letters:read',
  downloadAttachment: 'letters:read',
  markLetterRead: 'letters:mark-read',
  listOutbox: 'letters:send',
  sendLetter: 'letters:send',
  getOutgoingLetter: 'letters:send',
  getDeliveryAct: 'acts:read',
  getDeliveryActPdf: 'acts:read',
  listWebhooks: 'webhooks:manage',
  createWebhook: 'webhooks:manage',
  deleteWebhook: 'webhooks:manage',
  searchCharges: 'payments:read',
  listPayments: 'payments:read',
  createPayment: 'payments:pay',
  getPayment: 'payments:read',
  getReceipt: 'payments:read',
  getReceiptPdf: 'payments:read',
  listDocumentRequests: 'documents:read',
  requestDocument: 'documents:request',
  getDocumentRequest: 'documents:read',
  renewDocumentLink: 'documents:read',
  downloadDocument: 'documents:read',
  listAudit: 'audit:read',
} as const satisfies Record<string, Permission | null>;

export type OperationId = keyof typeof OPERATION_PERMISSIONS;

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const PERMISSION_SET: ReadonlySet<string> = new Set(PERMISSIONS);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && PERMISSION_SET.has(value);
}

/** The permissions a token grants: its `permissions` claim narrowed to the role's set, or the role's set. */
export function effectivePermissions(role: Role, claimed?: readonly string[]): ReadonlySet<Permission> {
  const granted = ROLE_PERMISSIONS[role];
  if (claimed === undefined) {
    return new Set(granted);
  }
  return new Set(granted.filter((permission) => claimed.includes(permission)));
}

/** The permission `operation` needs that `permissions` lacks, or undefined when it may run. */
export function missingPermission(
  operation: OperationId,
  permissions: ReadonlySet<Permission>,
): Permission | undefined {
  const needed: Permission | null = OPERATION_PERMISSIONS[operation];
  return needed === null || permissions.has(needed) ? undefined : needed;
}
