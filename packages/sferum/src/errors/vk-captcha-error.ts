/** Error 14 that no solver answered: the challenge is kept so the caller can show it to a person. */
import type { VkCaptchaChallenge } from '../vk/captcha.js';
import { VkApiError, type VkApiErrorDetails } from './vk-api-error.js';

export class VkCaptchaError extends VkApiError<'VK_CAPTCHA'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'VkCaptchaError';

  /** What VK asked; undefined when the body carried neither captcha form. */
  readonly challenge: VkCaptchaChallenge | undefined;
  /** Captchas answered for this call before giving up. */
  readonly solved: number;

  constructor(details: VkApiErrorDetails, challenge: VkCaptchaChallenge | undefined, solved: number) {
    super(details, 'VK_CAPTCHA');
    this.challenge = challenge;
    this.solved = solved;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), captchaKind: this.challenge?.kind, solved: this.solved };
  }
}

export function isVkCaptchaError(value: unknown): value is VkCaptchaError {
  return value instanceof VkCaptchaError;
}
