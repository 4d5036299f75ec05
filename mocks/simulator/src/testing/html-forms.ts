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

/** The text of the page's `role="alert"` message (login errors, locks), if any. */
export function alertText(html: string): string | undefined {
  const text = /role="alert">([^<]*)</.exec(html)?.[1]?.trim();
  return text === undefined ? undefined : decodeEntities(text);
}
