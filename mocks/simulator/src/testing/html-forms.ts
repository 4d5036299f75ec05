/**
 * Reads the HTML forms of the simulator's own pages the way a user agent submits them: action,
 * hidden and filled inputs, whether the submit button is disabled. Only for pages goskit renders
 * (attributes double-quoted, entities from escapeHtml); not a general HTML parser.
 */
const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(?:quot|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity] as string);
}

export interface HtmlForm {
  /** Absolute URL the form posts to. */
  action: string;
  /** name → value of every input, hidden ones included. */
  fields: Map<string, string>;
  disabled: boolean;
}

export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((match) => {
    const fields = new Map<string, string>();
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const name = /\bname="([^"]*)"/i.exec(input[1] ?? '')?.[1];
      if (name !== undefined) {
        fields.set(
          decodeEntities(name),
          decodeEntities(/\bvalue="([^"]*)"/i.exec(input[1] ?? '')?.[1] ?? ''),
        );
      }
    }
    const action = decodeEntities(/\baction="([^"]*)"/i.exec(match[1] ?? '')?.[1] ?? pageUrl);
    return {
      action: new URL(action, pageUrl).toString(),
      fields,
      disabled: /<button\b[^>]*\bdisabled\b/i.test(match[2] ?? ''),
    };
  });
}

/**
 * The page's message: its `role="alert"` (login errors, locks), else its first `class="error"`
 * paragraph (the «Ошибка авторизации» and «Сеанс входа устарел» pages), if any.
 */
export function alertText(html: string): string | undefined {
  const text = (/role="alert">([^<]*)</.exec(html) ?? /class="error"[^>]*>([^<]*)</.exec(html))?.[1]?.trim();
  return text === undefined || text === '' ? undefined : decodeEntities(text);
}

/** The login page's extra check after a lock («сколько будет 3 + 4?») answered, if the page asks it. */
export function checkAnswer(html: string): string | undefined {
  const question = /Дополнительная проверка:\s*сколько будет (\d{1,6}) \+ (\d{1,6})\?/.exec(html);
  return question === null ? undefined : String(Number(question[1]) + Number(question[2]));
}
