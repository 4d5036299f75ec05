/**
 * A user agent without a browser: follows redirects by hand and submits the HTML forms of ESIA's
 * login and consent pages the way a browser would (hidden fields kept, typed fields filled).
 * Stops when a redirect leaves for the app (`stopAt`) and returns that URL.
 */
const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface HtmlForm {
  action: string;
  fields: Record<string, string>;
  disabled: boolean;
}

export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((match) => {
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[1] ?? '')?.[1];
      if (name !== undefined) {
        fields[decode(name)] = decode(/value="([^"]*)"/i.exec(input[1] ?? '')?.[1] ?? '');
      }
    }
    const action = decode(/action="([^"]*)"/i.exec(match[1] ?? '')?.[1] ?? pageUrl);
    return {
      action: new URL(action, pageUrl).toString(),
      fields,
      disabled: /<button\b[^>]*\bdisabled\b/i.test(match[2] ?? ''),
    };
  });
}

export interface PageVisit {
  url: string;
  status: number;
  html: string;
}

/** The text of the page's role="alert" message, if any. */
export const alertText = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1]?.trim();

export class FormWalker {
  constructor(private readonly stopAt: string) {}

  /** GET (or POST a form) and follow redirects; returns the page shown, or the app URL reached. */
  async go(url: string, form?: Record<string, string>): Promise<PageVisit> {
    let target = url;
    let body: URLSearchParams | undefined = form ? new URLSearchParams(form) : undefined;
    for (let hop = 0; hop < 10; hop += 1) {
      if (target.startsWith(this.stopAt)) {
        return { url: target, status: 302, html: '' };
      }
      const response = await fetch(target, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target).toString();
        body = undefined;
        continue;
      }
      return { url: target, status: response.status, html: await response.text() };
    }
    throw new Error(`more than 10 redirects from ${url}`);
  }

  /** Submits the page's form that has `field` (e.g. 'password'), overriding `values`. */
  submit(visit: PageVisit, field: string, values: Record<string, string>): Promise<PageVisit> {
    const form = parseForms(visit.html, visit.url).find((candidate) => field in candidate.fields);
    if (!form) {
      throw new Error(
        `no form with "${field}" on ${visit.url}: ${alertText(visit.html) ?? visit.html.slice(0, 200)}`,
      );
    }
    return this.go(form.action, { ...form.fields, ...values });
  }

  /** Submits the consent form whose hidden `decision` is allow or deny. */
  decide(visit: PageVisit, decision: 'allow' | 'deny'): Promise<PageVisit> {
    const form = parseForms(visit.html, visit.url).find(
      (candidate) => candidate.fields.decision === decision,
    );
    if (!form) {
      throw new Error(`no consent form on ${visit.url}`);
    }
    return this.go(form.action, form.fields);
  }
}
