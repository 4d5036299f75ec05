/**
 * The two status vocabularies of an EPGU order.
 * - gu-smev processing states (spec, Приложение 1) — how the push is processed; those the spec
 *   marks «Финальный» (but DONE, which hands the order on to the department) close the order;
 * - personal-account (ЛК) statuses `statusId/statusName` — what the person sees. 0, 2, 17 and 21 with
 *   their titles come from a real order (go-api-epgu `order-info.go`); 15 and 24 from the reference;
 *   3 «Услуга оказана» and 10 «Заявление отменено» are goskit's choices [unconfirmed ids].
 */
export type ProcessingState =
  | 'NEW'
  | 'VALIDATION'
  | 'FILES_VERIFICATION'
  | 'FILES_VERIFICATION_SUCCESS'
  | 'FILES_VERIFICATION_FAILED'
  | 'DONE'
  | 'LIMITATION_EXCEPTION'
  | 'INVALID_FILES_STRUCTURE'
  | 'VALIDATION_ERROR'
  | 'REQ_NOT_FOUND'
  | 'MPC_NOT_FOUND'
  | 'REQ_VERIFY_FAILED'
  | 'RETRY'
  | 'INTERNAL_ERROR';

export const LK_STATUS = {
  DRAFT: 0,
  RECEIVED: 2,
  SERVICE_PROVIDED: 3,
  CANCELLED: 10,
  NEEDS_CORRECTION: 15,
  REGISTERED: 17,
  SENT: 21,
  SEND_ERROR: 24,
} as const;

export const LK_STATUS_NAMES: Record<number, string> = {
  0: 'Черновик заявления',
  2: 'Заявление получено ведомством',
  3: 'Услуга оказана',
  10: 'Заявление отменено',
  4: 'Истекло время подписания документов',
  15: 'Заявление требует исправления',
  17: 'Зарегистрировано на портале',
  21: 'Заявление отправлено в ведомство',
  24: 'Ошибка отправки заявления в ведомство',
};

/** Processing states the spec marks final besides DONE: the order stops there and closes. */
export const FINAL_FAILURES: ReadonlySet<ProcessingState> = new Set<ProcessingState>([
  'LIMITATION_EXCEPTION',
  'INVALID_FILES_STRUCTURE',
  'VALIDATION_ERROR',
  'REQ_NOT_FOUND',
  'MPC_NOT_FOUND',
  'REQ_VERIFY_FAILED',
  'FILES_VERIFICATION_FAILED',
  'INTERNAL_ERROR',
]);

/** ЛК statuses after which nothing changes and cancel is refused, whatever the processing state. */
export const FINAL_STATUSES: ReadonlySet<number> = new Set([
  LK_STATUS.SERVICE_PROVIDED,
  LK_STATUS.CANCELLED,
  LK_STATUS.SEND_ERROR,
]);

export const statusName = (statusId: number) => LK_STATUS_NAMES[statusId] ?? `Статус ${statusId}`;
