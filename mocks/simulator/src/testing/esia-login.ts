/**
 * Completes the simulator's ESIA login for a test, as a person would in a browser: follows the
 * authorization URL, fills the login form (login, password, SMS code and, after a lock, the extra
 * check the page asks), allows or denies on the consent page, and returns the URL ESIA sends the
 * browser back to — the app's callback with `code` and `state`, or with `error` (a refused consent,
 * an error ESIA redirects). The same in process (MSW answers the real hosts through the global fetch)
 * and against `goskit-sim` (a 127.0.0.1 URL). When the page says no (wrong password, lock, wrong
 * code) it rejects with `EsiaLoginError` naming the reason and the page's message.
 *
 * The pages' form contract (docs/esia-portal.md, "Login and consent pages — the form contract"):
 * `POST <base>/login` with `rid`, `login`, `password`, `code` and, after a lock, `check`;
 * `POST <base>/consent` with `rid` and `decision` = allow | deny.
 */

import { pageStep } from '../engine/page-step.js';
import { EsiaLoginError, failureOf } from './esia-login-error.js';
import { alertText, checkAnswer, type HtmlForm, parseForms } from './html-forms.js';

export interface EsiaLoginOptions {
  /** A persona's login (e.g. 'ivan.ivanov', or its e-mail, phone or СНИЛС), or the persona itself. */
  persona: string | { login: string; password?: string };
  /** Default: the persona's password, else the demo password 'goskit-demo'. */
  password?: string;
  /** The SMS code; default '123456' (the simulator's default confirmationCode). */
  code?: string;
  /** The consent page's answer; default 'allow'. 'deny' returns the callback with `error=access_denied`. */
  consent?: 'allow' | 'deny';
  /**
   * The app's redirect URI: the walk stops at the first redirect there. Default: the `redirect_uri`
   * of the authorization URL.
   */
  redirectUri?: string;
  /** Default: the global fetch, looked up per call (patched by MSW's setupServer in process). */
  fetch?: typeof fetch;
}

const DEMO_PASSWORD = 'goskit-demo';
const DEMO_CODE = '123456';
const MAX_STEPS = 12;

/** A page URL without its query: `rid` and the signed authorization parameters stay out of errors. */
function bare(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Resolves with the callback URL; rejects with EsiaLoginError (code LOGIN_FAILED) naming what the page said. */
export async function completeEsiaLogin(
  authorizationUrl: string,
  options: EsiaLoginOptions,
): Promise<string> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const persona = typeof options.persona === 'string' ? { login: options.persona } : options.persona;
  const credentials = {
    login: persona.login,
    password: options.password ?? persona.password ?? DEMO_PASSWORD,
    code: options.code ?? DEMO_CODE,
  };
  const decision = options.consent ?? 'allow';
  const stopAt =
    options.redirectUri ?? new URL(authorizationUrl).searchParams.get('redirect_uri') ?? undefined;
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  /** Whether the login form was submitted, and whether with an answer to the extra check. */
  let submitted: 'no' | 'plain' | 'with-check' = 'no';
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (stopAt !== undefined && url.startsWith(stopAt)) {
      return url;
    }
    const answer = await pageStep(fetchImpl, url, form);
    if ('redirectTo' in answer) {
      url = answer.redirectTo;
      form = undefined;
      continue;
    }
    const { html, status } = answer;
    const forms = parseForms(html, url);
    const message = alertText(html);
    const failed = (reason = failureOf(message)) =>
      new EsiaLoginError(reason, { pageMessage: message, status, url: bare(url) });
    const login = forms.find((candidate) => candidate.fields.has('password'));
    if (login !== undefined) {
      const check = checkAnswer(html);
      if (login.disabled) {
        throw failed('locked');
      }
      // The form came back after a submit: ESIA said no. The one exception is the extra check after a
      // lock, which the first page did not show (it did not know the login yet): answer it once.
      const retryWithCheck =
        submitted === 'plain' && check !== undefined && failureOf(message) === 'check-failed';
      if (submitted !== 'no' && !retryWithCheck) {
        throw failed();
      }
      form = fill(login, check === undefined ? credentials : { ...credentials, check });
      submitted = check === undefined ? 'plain' : 'with-check';
      url = login.action;
      continue;
    }
    const consent = forms.find((candidate) => candidate.fields.get('decision') === decision);
    if (consent !== undefined) {
      form = fill(consent, {});
      url = consent.action;
      continue;
    }
    throw failed(message === undefined ? 'error-page' : failureOf(message));
  }
  throw new EsiaLoginError('no-redirect', {
    pageMessage: `no redirect to ${stopAt === undefined ? 'the app' : bare(stopAt)} after ${MAX_STEPS} steps`,
    status: 0,
    url: bare(url),
  });
}

function fill(form: HtmlForm, values: Record<string, string>): URLSearchParams {
  const body = new URLSearchParams([...form.fields]);
  for (const [name, value] of Object.entries(values)) {
    body.set(name, value);
  }
  return body;
}
