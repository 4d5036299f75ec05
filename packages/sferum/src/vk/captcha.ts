/**
 * VK error 14 in its two forms: the legacy picture (`captcha_sid` + `captcha_img`, answered with
 * `captcha_sid` + `captcha_key`) and the current check page (`redirect_uri`, answered with the
 * page's `success_token`). VK sends both sets of fields at once during the migration; the page wins.
 */

/** What a caller-supplied solver is asked. */
export interface VkCaptchaChallenge {
  /** `redirect`: open `redirectUri` in a browser, pass the check, return its `success_token`. `image`: type the picture's text. */
  kind: 'redirect' | 'image';
  /** The VK method that asked. */
  method: string;
  /** 1 for the first captcha of this call, 2 for the next … */
  attempt: number;
  /** The check page (`https://id.vk.com/not_robot_captcha?…`), for `kind: 'redirect'`. */
  redirectUri?: string;
  /** Legacy picture fields, present for `kind: 'image'` (and often alongside `redirectUri`). */
  sid?: string;
  imageUrl?: string;
  /** Echoed on the retry when VK sent them ([unconfirmed] whether VK requires them). */
  captchaTs?: string;
  captchaAttempt?: string;
}

/** The solver's answer: the page's success token, or the picture's text. */
export type VkCaptchaAnswer = { successToken: string } | { key: string };

/** Return undefined to give up: the call then fails with `VkCaptchaError`. */
export type VkCaptchaSolver = (
  challenge: VkCaptchaChallenge,
  context: { signal: AbortSignal | undefined },
) => Promise<VkCaptchaAnswer | undefined>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0
    ? value.slice(0, 2000)
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** The challenge of an error-14 body, or undefined when it carries neither form. */
export function captchaChallenge(
  error: Record<string, unknown>,
  method: string,
  attempt: number,
): VkCaptchaChallenge | undefined {
  const redirectUri = text(error.redirect_uri);
  const sid = text(error.captcha_sid);
  const imageUrl = text(error.captcha_img);
  if (redirectUri === undefined && sid === undefined) {
    return undefined;
  }
  const challenge: VkCaptchaChallenge = {
    kind: redirectUri === undefined ? 'image' : 'redirect',
    method,
    attempt,
  };
  if (redirectUri !== undefined) {
    challenge.redirectUri = redirectUri;
  }
  if (sid !== undefined) {
    challenge.sid = sid;
  }
  if (imageUrl !== undefined) {
    challenge.imageUrl = imageUrl;
  }
  const ts = text(error.captcha_ts);
  if (ts !== undefined) {
    challenge.captchaTs = ts;
  }
  const captchaAttempt = text(error.captcha_attempt);
  if (captchaAttempt !== undefined) {
    challenge.captchaAttempt = captchaAttempt;
  }
  return challenge;
}

/**
 * The parameters the retry carries. Returns undefined when the answer does not fit the challenge
 * (a picture text without a `captcha_sid` to pair it with).
 */
export function captchaRetryParams(
  challenge: VkCaptchaChallenge,
  answer: VkCaptchaAnswer,
): Record<string, string> | undefined {
  if ('successToken' in answer && typeof answer.successToken === 'string' && answer.successToken !== '') {
    const params: Record<string, string> = { success_token: answer.successToken };
    if (challenge.captchaTs !== undefined) {
      params.captcha_ts = challenge.captchaTs;
    }
    if (challenge.captchaAttempt !== undefined) {
      params.captcha_attempt = challenge.captchaAttempt;
    }
    return params;
  }
  if ('key' in answer && typeof answer.key === 'string' && answer.key !== '' && challenge.sid !== undefined) {
    return { captcha_sid: challenge.sid, captcha_key: answer.key };
  }
  return undefined;
}
