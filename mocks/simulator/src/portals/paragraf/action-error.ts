/**
 * A refused action on the portal (publish a lesson online, save a link): the HTTP status the control
 * API answers, the portal's own reason code, and the text in Russian and English.
 */
import { SimulatorError } from '../../engine/errors.js';

export type ParagrafActionReason =
  | 'LESSON_NOT_FOUND'
  | 'JOURNAL_NOT_GENERAL'
  | 'SCHOOL_NOT_LINKED'
  | 'SCHOOL_UNKNOWN'
  | 'LESSON_CLOSED'
  | 'TOKEN_NOT_COMMUNITY'
  | 'COMMUNITY_MISMATCH'
  | 'VK_ERROR';

export class ParagrafActionError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ParagrafActionError';

  readonly status: 404 | 409 | 422;
  readonly reason: ParagrafActionReason;
  readonly ru: string;
  /** VK's code when the vk portal refused. */
  readonly vkCode: number | undefined;

  constructor(
    status: 404 | 409 | 422,
    reason: ParagrafActionReason,
    text: { ru: string; en: string },
    vkCode?: number,
  ) {
    super('BAD_REQUEST', text.en);
    this.status = status;
    this.reason = reason;
    this.ru = text.ru;
    this.vkCode = vkCode;
  }
}
