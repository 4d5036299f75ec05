/**
 * The text fields of a multipart/form-data body (VK accepts it like a form). Files are skipped: no
 * method here takes one. Bounded: at most MAX_FIELDS fields; a malformed body yields what parsed.
 */
const MAX_FIELDS = 500;
const decoder = new TextDecoder();

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    return undefined;
  }
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Field name → value, in body order (a repeated name keeps every value). */
export function readMultipartFields(body: Uint8Array, boundary: string): [string, string][] {
  const text = decoder.decode(body);
  const delimiter = `--${boundary}`;
  const fields: [string, string][] = [];
  let cursor = text.indexOf(delimiter);
  while (cursor !== -1 && fields.length < MAX_FIELDS) {
    const start = cursor + delimiter.length;
    if (text.startsWith('--', start)) {
      break;
    }
    const next = text.indexOf(delimiter, start);
    if (next === -1) {
      break;
    }
    const part = text
      .slice(start, next)
      .replace(/^\r?\n/, '')
      .replace(/\r?\n$/, '');
    const split = part.search(/\r?\n\r?\n/);
    if (split !== -1) {
      const headers = part.slice(0, split);
      const value = part.slice(split).replace(/^\r?\n\r?\n/, '');
      const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      if (name !== undefined && !/\bfilename=/i.test(disposition)) {
        fields.push([name, value]);
      }
    }
    cursor = next;
  }
  return fields;
}
