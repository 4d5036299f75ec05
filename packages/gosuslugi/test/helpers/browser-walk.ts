/**
 * A browser without a browser: follows ESIA's login and consent pages by plain HTTP, parsing the
 * HTML forms the way a user agent submits them. Good enough for the simulator's pages.
 */
const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export interface HtmlForm {
  action: string;
  fields: Record<string, string>;
}

export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = match[1] ?? '';
    const action = /action="([^"]*)"/i.exec(attributes)?.[1] ?? pageUrl;
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const attrs = input[1] ?? '';
      const name = /name="([^"]*)"/i.exec(attrs)?.[1];
      if (name) {
        fields[decode(name)] = decode(/value="([^"]*)"/i.exec(attrs)?.[1] ?? '');
      }
    }
    forms.push({ action: new URL(decode(action), pageUrl).toString(), fields });
  }
  return forms;
}

export interface WalkOptions {
  login: string;
  password: string;
  code?: string;
  decision?: 'allow' | 'deny';
}

/** Follows redirects manually until one leaves for `stopAt` (the app's callback); returns that URL. */
export async function loginThroughPages(
  startUrl: string,
  stopAt: string,
  options: WalkOptions,
): Promise<string> {
  let url = startUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step += 1) {
    if (url.startsWith(stopAt)) {
      return url;
    }
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
    });
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') as string, url).toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) {
      throw new Error(`ESIA page ${url} answered ${response.status}: ${html.slice(0, 200)}`);
    }
    const forms = parseForms(html, url);
    const loginForm = forms.find((form) => 'password' in form.fields);
    if (loginForm) {
      if (/class="error"/.test(html) && step > 2) {
        throw new Error(`login refused: ${/class="error"[^>]*>([^<]*)/.exec(html)?.[1]}`);
      }
      body = new URLSearchParams({
        ...loginForm.fields,
        login: options.login,
        password: options.password,
        code: options.code ?? '123456',
      });
      url = loginForm.action;
      method = 'POST';
      continue;
    }
    const consent = forms.find((form) => form.fields.decision === (options.decision ?? 'allow'));
    if (consent) {
      body = new URLSearchParams(consent.fields);
      url = consent.action;
      method = 'POST';
      continue;
    }
    throw new Error(`no form to submit on ${url}`);
  }
  throw new Error('too many steps');
}
