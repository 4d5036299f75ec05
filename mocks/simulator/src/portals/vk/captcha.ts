/**
 * Captcha (error 14), armed from outside (control route POST /__goskit/vk/captcha, or
 * `requireVkCaptcha(sim, …)` in process) because the portal must remember the challenge. Two forms:
 * legacy `captcha_sid` + `captcha_img` (retry with captcha_sid + captcha_key = the text on the
 * picture) and the new `redirect_uri` + `remixstlid` (retry with the success_token the
 * not_robot_captcha page hands out). A wrong answer gets a fresh challenge; challenges last 10 minutes.
 */
import type { SeededRandom, SimRequest } from '../../engine/types.js';
import { VkApiFailure } from './errors.js';
import type { Params } from './params.js';
import { type ArmedCaptcha, type CaptchaChallenge, MAX_CAPTCHAS_KEPT, type VkState } from './state.js';

export const CAPTCHA_TTL_MS = 10 * 60_000;
const ANSWER_ALPHABET = 'abcdehkmnpqsuvxyz2345678';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface ArmCaptchaInput {
  /** Only this method (also inside execute); any method when absent. */
  method?: string | undefined;
  /** How many calls get a captcha; default 1. */
  count?: number | undefined;
  /** Default 'legacy'. */
  form?: 'legacy' | 'redirect' | undefined;
}

export function armCaptcha(state: VkState, input: ArmCaptchaInput): ArmedCaptcha {
  const armed: ArmedCaptcha = {
    id: `c${state.nextCaptchaRule}`,
    remaining: input.count ?? 1,
    form: input.form ?? 'legacy',
    ...(input.method === undefined ? {} : { method: input.method }),
  };
  state.nextCaptchaRule += 1;
  state.armedCaptchas.push(armed);
  return armed;
}

function forgetExpired(state: VkState, nowMs: number): void {
  for (const [sid, challenge] of state.captchas) {
    if (nowMs - challenge.createdMs < CAPTCHA_TTL_MS && state.captchas.size <= MAX_CAPTCHAS_KEPT) {
      return;
    }
    state.captchas.delete(sid);
    state.captchaTokens.delete(challenge.successToken);
  }
}

/** The challenge the call answers, correctly or not; undefined when it answers none. */
function answered(
  state: VkState,
  params: Params,
): { challenge: CaptchaChallenge; correct: boolean } | undefined {
  const successToken = params.string('success_token');
  if (successToken !== undefined) {
    const sid = state.captchaTokens.get(successToken);
    const challenge = sid === undefined ? undefined : state.captchas.get(sid);
    if (challenge !== undefined) {
      return { challenge, correct: true };
    }
  }
  const sid = params.string('captcha_sid');
  const challenge = sid === undefined ? undefined : state.captchas.get(sid);
  if (challenge === undefined || challenge.form !== 'legacy') {
    return undefined;
  }
  const key = params.string('captcha_key') ?? '';
  return { challenge, correct: key.toLowerCase() === challenge.answer };
}

/**
 * Checks the call's captcha answer. Returns true when it solved a challenge (the call, and every
 * call inside it for execute, goes through); throws a fresh 14 when it answered one wrongly.
 */
export function captchaSolved(
  state: VkState,
  params: Params,
  context: { random: SeededRandom; request: SimRequest; nowMs: number; method: string },
): boolean {
  forgetExpired(state, context.nowMs);
  const answer = answered(state, params);
  if (answer === undefined) {
    return false;
  }
  state.captchas.delete(answer.challenge.sid);
  state.captchaTokens.delete(answer.challenge.successToken);
  if (!answer.correct) {
    throw challenge(state, answer.challenge.form, context);
  }
  return true;
}

/** The 14 an armed captcha demands of this method, or undefined. */
export function captchaDemand(
  state: VkState,
  context: { random: SeededRandom; request: SimRequest; nowMs: number; method: string },
): VkApiFailure | undefined {
  const index = state.armedCaptchas.findIndex(
    (armed) => armed.remaining > 0 && (armed.method === undefined || armed.method === context.method),
  );
  const armed = state.armedCaptchas[index];
  if (armed === undefined) {
    return undefined;
  }
  armed.remaining -= 1;
  if (armed.remaining <= 0) {
    state.armedCaptchas.splice(index, 1);
  }
  return challenge(state, armed.form, context);
}

function randomText(random: SeededRandom, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out += alphabet[random.int(0, alphabet.length - 1)];
  }
  return out;
}

function challenge(
  state: VkState,
  form: 'legacy' | 'redirect',
  context: { random: SeededRandom; request: SimRequest; nowMs: number; method: string },
): VkApiFailure {
  const { random, request } = context;
  const sid =
    form === 'legacy'
      ? `${random.int(100_000_000, 999_999_999)}${random.int(100, 999)}`
      : randomText(random, TOKEN_ALPHABET, 40);
  const record: CaptchaChallenge = {
    sid,
    form,
    answer: randomText(random, ANSWER_ALPHABET, 5),
    successToken: `st.${randomText(random, TOKEN_ALPHABET, 48)}`,
    method: context.method,
    createdMs: context.nowMs,
  };
  state.captchas.set(sid, record);
  state.captchaTokens.set(record.successToken, sid);
  forgetExpired(state, context.nowMs);
  const base = request.baseUrl;
  if (form === 'legacy') {
    return new VkApiFailure(14, undefined, {
      captcha_sid: sid,
      captcha_img: `${base}/captcha.php?sid=${sid}&s=1`,
    });
  }
  return new VkApiFailure(14, undefined, {
    redirect_uri: `${base}/not_robot_captcha?domain=vk.com&session_token=${sid}&variant=popup&blank=1`,
    remixstlid: String(random.int(100_000_000, 999_999_999)),
  });
}

/** What a person solving the challenge would learn: the picture's text or the success_token. */
export function captchaSolution(
  state: VkState,
  sid: string,
): { form: string; answer?: string; successToken?: string } | undefined {
  const record = state.captchas.get(sid);
  if (record === undefined) {
    return undefined;
  }
  return record.form === 'legacy'
    ? { form: record.form, answer: record.answer }
    : { form: record.form, successToken: record.successToken };
}
