/**
 * Goes through VK ID's pages as a person would, for tests and scripts without a browser: follows the
 * authorization URL, signs in with a login (phone or e-mail of a VK account), picks the profile,
 * checks «Информация о себе» and presses «Продолжить» (or «Отмена»), and returns the URL VK ID sends
 * the browser to (the app's redirect URI with code, state, device_id — or an error). Works in process
 * (MSW answers the real hosts through the global fetch) and against goskit-sim.
 *
 * The pages' form contract (docs/vkid-portal.md): POST <base>/auth {rid, login}; POST
 * <base>/auth/profile {rid, profile = education | personal}; POST <base>/auth/consent {rid,
 * personal_info = on, email / phone = on when granted, decision = allow | deny}.
 */
import { SimulatorError } from '../../engine/errors.js';
import { pageStep } from '../../engine/page-step.js';

export interface VkIdLoginOptions {
  /** Phone or e-mail of the VK account (GET /__goskit/vk/users lists them). */
  login: string;
  /** Default 'education' («Учебный профиль»). */
  profile?: 'education' | 'personal';
  /** Default 'allow' («Продолжить»). */
  consent?: 'allow' | 'deny';
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

const MAX_STEPS = 10;

function alertOf(html: string): string {
  return /role="alert">([^<]{0,300})</.exec(html)?.[1] ?? 'no message on the page';
}

/** Resolves with the redirect to the app; rejects with SimulatorError LOGIN_FAILED naming what the page said. */
export async function completeVkIdLogin(
  authorizationUrl: string,
  options: VkIdLoginOptions,
): Promise<string> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri') ?? '';
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (redirectUri !== '' && url.startsWith(redirectUri)) {
      return url;
    }
    const answer = await pageStep(fetchImpl, url, form);
    if ('redirectTo' in answer) {
      url = answer.redirectTo;
      form = undefined;
      continue;
    }
    const { html, status } = answer;
    const page = new URL(url);
    const rid = page.searchParams.get('rid');
    if (status !== 200 || rid === null || form !== undefined) {
      throw new SimulatorError(
        'LOGIN_FAILED',
        `VK ID refused the sign-in at ${page.pathname}: ${alertOf(html)}`,
      );
    }
    const base = `${page.origin}${page.pathname.replace(/\/auth(?:\/profile|\/consent)?$/, '')}`;
    if (page.pathname.endsWith('/auth/consent')) {
      url = `${base}/auth/consent`;
      // The page's extra boxes (Почта, Телефон) start checked; a person pressing «Продолжить» sends them.
      form = new URLSearchParams({
        rid,
        personal_info: 'on',
        email: 'on',
        phone: 'on',
        decision: options.consent ?? 'allow',
      });
    } else if (page.pathname.endsWith('/auth/profile')) {
      url = `${base}/auth/profile`;
      form = new URLSearchParams({ rid, profile: options.profile ?? 'education' });
    } else {
      url = `${base}/auth`;
      form = new URLSearchParams({ rid, login: options.login });
    }
  }
  throw new SimulatorError('LOGIN_FAILED', `VK ID sign-in did not finish in ${MAX_STEPS} steps`);
}
