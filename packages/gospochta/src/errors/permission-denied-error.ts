import { GospochtaError } from './gospochta-error.js';

/**
 * The role lacks the permission an operation needs — found by the client from the verified token
 * (`source: 'local'`, nothing was sent) or answered by the portal with 403 (`source: 'portal'`).
 */
export class PermissionDeniedError extends GospochtaError<'PERMISSION_DENIED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'PermissionDeniedError';

  readonly missingPermission: string;
  readonly role: string | undefined;
  readonly operation: string;
  readonly source: 'local' | 'portal';
  readonly status: number | undefined;
  readonly requestId: string | undefined;

  constructor(details: {
    missingPermission: string;
    role: string | undefined;
    operation: string;
    source: 'local' | 'portal';
    status?: number;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    super(
      'PERMISSION_DENIED',
      `${details.operation} needs the permission "${details.missingPermission}", which the role "${details.role ?? 'unknown'}" does not have`,
      {
        cause: details.cause,
        hint: {
          ru: `Операция ${details.operation} требует разрешения ${details.missingPermission}: получите токен с ролью, у которой оно есть.`,
          en: `${details.operation} needs ${details.missingPermission}: get a token whose role has it.`,
        },
      },
    );
    this.missingPermission = details.missingPermission;
    this.role = details.role;
    this.operation = details.operation;
    this.source = details.source;
    this.status = details.status;
    this.requestId = details.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      missingPermission: this.missingPermission,
      role: this.role,
      operation: this.operation,
      source: this.source,
      status: this.status,
      requestId: this.requestId,
    };
  }
}

export function isPermissionDeniedError(value: unknown): value is PermissionDeniedError {
  return value instanceof PermissionDeniedError;
}
