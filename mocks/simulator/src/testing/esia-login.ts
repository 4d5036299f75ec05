/**
 * Completes the simulator's ESIA login for a test, as a person would in a browser: follows the
 * authorization URL, fills the login form (login, password, SMS code and, after a lock, the extra
 * check), allows or denies on the consent page, and returns the URL ESIA sends the browser back to
 * (the app's callback with `code` and `state`, or an error). The same in process (MSW answers the
 * real hosts through the global fetch) and against `goskit-sim` (a 127.0.0.1 URL).
 *
 * The pages' form contract (docs/esia-portal.md, "Login pages"): `POST <base>/login` with `rid`,
 * `login`, `password`, `code` and `check` after a lock; `POST <base>/consent` with `rid` and
 * `decision` = allow | deny.
 */
import { SimulatorError } from '../engine/errors.js';
import { alertText, type HtmlForm, parseForms } from './html-forms.js';

export interface EsiaLoginOptions {
  /** A persona's login (e.g. 'ivan.ivanov'), or the persona itself. */
  persona: string | { login: string; password?: string };
  /** Default: the persona's password, else the demo password 'goskit-demo'. */
  password?: string;
  /** The SMS code; default '123456' (the simulator's default confirmationCode). */
  code?: string;
  /** The consent page's answer; default 'allow'. */
  consent?: 'allow' | 'deny';
  /**
   * The app's redirect URI: the walk stops at the first redirect there. Default: the `redirect_uri`
   * of the authorization URL.
   */
  redirectUri?: string;
  /** Default: the global fetch (patched by MSW's setupServer in process). */
  fetch?: typeof fetch;
}

const DEMO_PASSWORD = 'goskit-demo';
const MAX_STEPS = 12;

/** The answer to the lock's check question («сколько будет 3 + 4?»), read from the page. */
function answerCheck(html: string): string | undefined {
  const question = /Дополнительная проверка:\s*сколько будет (\d+) \+ (\d+)\?/.exec(html);
  return question === null ? undefined : String(Number(question[1]) + Number(question[2]));
}

function loginFailed(url: string, html: string): SimulatorError {
  return new SimulatorError(
    'LOGIN_FAILED',
    `ESIA refused the login at ${url}: ${alertText(html) ?? 'no message on the page'}`,
  );
}

/** Resolves with the callback URL; rejects with SimulatorError LOGIN_FAILED naming what the page said. */
export async function completeEsiaLogin(
  authorizationUrl: string,
  options: EsiaLoginOptions,
): Promise<string> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const persona = typeof options.persona === 'string' ? { login: options.persona } : options.persona;
  const password = options.password ?? persona.password ?? DEMO_PASSWORD;
  const stopAt =
    options.redirectUri ?? new URL(authorizationUrl).searchParams.get('redirect_uri') ?? undefined;
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  let loginTries = 0;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (stopAt !== undefined && url.startsWith(stopAt)) {
      return url;
    }
    const response = await fetchImpl(url, {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      ...(form === undefined
        ? {}
        : { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      url = new URL(location, url).toString();
      form = undefined;
      continue;
    }
    const html = await response.text();
    const forms = parseForms(html, url);
    const login = forms.find((candidate) => candidate.fields.has('password'));
    if (login !== undefined) {
      // The same form back after a submit means ESIA said no (wrong password, lock): say what it said.
      if (login.disabled || loginTries >= 2) {
        throw loginFailed(url, html);
      }
      loginTries += 1;
      form = fill(login, { login: persona.login, password, code: options.code ?? '123456' });
      const check = answerCheck(html);
      if (login.fields.has('check') && check !== undefined) {
        form.set('check', check);
      }
      url = login.action;
      continue;
    }
    const decision = options.consent ?? 'allow';
    const consent = forms.find((candidate) => candidate.fields.get('decision') === decision);
    if (consent !== undefined) {
      form = fill(consent, {});
      url = consent.action;
      continue;
    }
    throw new SimulatorError(
      'LOGIN_FAILED',
      `ESIA answered ${response.status} at ${url} with no form to submit: ${alertText(html) ?? html.slice(0, 200)}`,
    );
  }
  throw new SimulatorError(
    'LOGIN_FAILED',
    `no redirect to the app after ${MAX_STEPS} steps from ${authorizationUrl}`,
  );
}

function fill(form: HtmlForm, values: Record<string, string>): URLSearchParams {
  const body = new URLSearchParams([...form.fields]);
  for (const [name, value] of Object.entries(values)) {
    body.set(name, value);
  }
  return body;
}
