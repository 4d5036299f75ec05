/**
 * A small, strict XML 1.0 reader and writer for the SOAP form: elements, attributes, namespaces
 * (resolved per scope), text with the predefined and numeric character references, CDATA, comments
 * and processing instructions skipped. No DTD — `<!DOCTYPE` is refused, so no entity can expand — and
 * bounded: document size, depth and element count, every step linear in the input (no regex over it).
 * Hostile input gives an XmlError naming the position, never a crash.
 */

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI, '' when none. */
  ns: string;
  /** Attributes by local name (namespace declarations left out). */
  attributes: Map<string, string>;
  /** Attributes with a namespace, by `{uri}local`. */
  qualifiedAttributes: Map<string, string>;
  children: XmlElement[];
  /** The text directly inside (child elements' text not included), entities decoded. */
  text: string;
}

export class XmlError extends Error {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'XmlError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position})`);
    this.name = 'XmlError';
  }
}

export interface XmlLimits {
  maxLength: number;
  maxDepth: number;
  maxElements: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxLength: 48 * 1024 * 1024, maxDepth: 64, maxElements: 200_000 };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function isNameStart(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 58 ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)
  );
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 0xb7;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Frame {
  element: XmlElement;
  qname: string;
  scope: Map<string, string>;
}

/** Parses a whole document into its root element. */
export function parseXml(text: string, limits: Partial<XmlLimits> = {}): XmlElement {
  const { maxLength, maxDepth, maxElements } = { ...DEFAULT_LIMITS, ...limits };
  if (text.length > maxLength) {
    throw new XmlError(`the document is over ${maxLength} characters`, maxLength);
  }
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  let root: XmlElement | undefined;
  let elements = 0;

  const fail = (message: string): never => {
    throw new XmlError(message, at);
  };

  const readName = (): string => {
    const start = at;
    if (at >= text.length || !isNameStart(text.charCodeAt(at))) {
      fail('a name was expected');
    }
    at += 1;
    while (at < text.length && isNameChar(text.charCodeAt(at))) {
      at += 1;
    }
    return text.slice(start, at);
  };

  const skipSpace = (): void => {
    while (at < text.length && isSpace(text.charCodeAt(at))) {
      at += 1;
    }
  };

  const decode = (raw: string, offset: number): string => {
    if (!raw.includes('&')) {
      return raw;
    }
    let out = '';
    let index = 0;
    while (index < raw.length) {
      const amp = raw.indexOf('&', index);
      if (amp < 0) {
        out += raw.slice(index);
        break;
      }
      out += raw.slice(index, amp);
      const semi = raw.indexOf(';', amp);
      if (semi < 0 || semi - amp > 12) {
        throw new XmlError('an unterminated character reference', offset + amp);
      }
      const name = raw.slice(amp + 1, semi);
      let value: string | undefined;
      if (name.startsWith('#x')) {
        const code = /^[0-9A-Fa-f]{1,6}$/.test(name.slice(2))
          ? Number.parseInt(name.slice(2), 16)
          : Number.NaN;
        value =
          Number.isFinite(code) && code <= 0x10ffff && code > 0 ? String.fromCodePoint(code) : undefined;
      } else if (name.startsWith('#')) {
        const code = /^\d{1,7}$/.test(name.slice(1)) ? Number(name.slice(1)) : Number.NaN;
        value =
          Number.isFinite(code) && code <= 0x10ffff && code > 0 ? String.fromCodePoint(code) : undefined;
      } else {
        value = Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
      }
      if (value === undefined) {
        throw new XmlError(`unknown entity &${name.slice(0, 12)};`, offset + amp);
      }
      out += value;
      index = semi + 1;
    }
    return out;
  };

  const resolve = (qname: string, scope: Map<string, string>, isAttribute: boolean): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) {
      return [qname, isAttribute ? '' : (scope.get('') ?? '')];
    }
    const prefix = qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (prefix === 'xml') {
      return [local, XML_NS];
    }
    const ns = scope.get(prefix);
    if (ns === undefined) {
      fail(`the namespace prefix "${prefix.slice(0, 32)}" is not declared`);
    }
    return [local, ns as string];
  };

  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const top = stack[stack.length - 1];
    if (lt < 0 || lt > at) {
      const end = lt < 0 ? text.length : lt;
      const chunk = text.slice(at, end);
      if (top === undefined) {
        if (chunk.trim() !== '') {
          fail('text outside the root element');
        }
      } else {
        top.element.text += decode(chunk, at);
      }
      at = end;
      continue;
    }
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) {
        fail('an unterminated comment');
      }
      at = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end < 0 || top === undefined) {
        fail(top === undefined ? 'CDATA outside the root element' : 'an unterminated CDATA section');
      }
      (top as Frame).element.text += text.slice(at + 9, end);
      at = end + 3;
      continue;
    }
    if (text.startsWith('<!', at)) {
      fail('DOCTYPE and other declarations are not allowed');
    }
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) {
        fail('an unterminated processing instruction');
      }
      at = end + 2;
      continue;
    }
    if (text.startsWith('</', at)) {
      at += 2;
      const qname = readName();
      skipSpace();
      if (text.charCodeAt(at) !== 62) {
        fail('">" was expected');
      }
      at += 1;
      const frame = stack.pop();
      if (frame === undefined || frame.qname !== qname) {
        fail(`the end tag </${qname.slice(0, 40)}> does not match`);
      }
      continue;
    }
    // A start tag.
    at += 1;
    const qname = readName();
    const rawAttributes: [string, string, number][] = [];
    for (;;) {
      const before = at;
      skipSpace();
      const code = text.charCodeAt(at);
      if (code === 62 || code === 47) {
        break;
      }
      if (at === before) {
        fail('a space was expected between attributes');
      }
      const name = readName();
      skipSpace();
      if (text.charCodeAt(at) !== 61) {
        fail('"=" was expected');
      }
      at += 1;
      skipSpace();
      const quote = text.charCodeAt(at);
      if (quote !== 34 && quote !== 39) {
        fail('a quoted attribute value was expected');
      }
      const close = text.indexOf(String.fromCharCode(quote), at + 1);
      if (close < 0) {
        fail('an unterminated attribute value');
      }
      const raw = text.slice(at + 1, close);
      if (raw.includes('<')) {
        fail('"<" in an attribute value');
      }
      rawAttributes.push([name, decode(raw, at + 1), at]);
      at = close + 1;
      if (rawAttributes.length > 256) {
        fail('too many attributes');
      }
    }
    const selfClosing = text.charCodeAt(at) === 47;
    at += selfClosing ? 1 : 0;
    if (text.charCodeAt(at) !== 62) {
      fail('">" was expected');
    }
    at += 1;
    elements += 1;
    if (elements > maxElements) {
      fail(`more than ${maxElements} elements`);
    }
    if (root !== undefined && stack.length === 0) {
      fail('a second root element');
    }
    const scope = new Map(top?.scope ?? []);
    for (const [name, value] of rawAttributes) {
      if (name === 'xmlns') {
        scope.set('', value);
      } else if (name.startsWith('xmlns:')) {
        scope.set(name.slice(6), value);
      }
    }
    const [local, ns] = resolve(qname, scope, false);
    const element: XmlElement = {
      name: local,
      ns,
      attributes: new Map(),
      qualifiedAttributes: new Map(),
      children: [],
      text: '',
    };
    for (const [name, value] of rawAttributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        continue;
      }
      const [attributeLocal, attributeNs] = resolve(name, scope, true);
      if (attributeNs === '') {
        element.attributes.set(attributeLocal, value);
      } else {
        element.qualifiedAttributes.set(`{${attributeNs}}${attributeLocal}`, value);
      }
    }
    if (top === undefined) {
      root = element;
    } else {
      top.element.children.push(element);
    }
    if (!selfClosing) {
      if (stack.length >= maxDepth) {
        fail(`nesting deeper than ${maxDepth}`);
      }
      stack.push({ element, qname, scope });
    }
  }
  if (stack.length > 0) {
    fail(`<${stack[stack.length - 1]?.qname.slice(0, 40)}> is not closed`);
  }
  if (root === undefined) {
    fail('no root element');
  }
  return root as XmlElement;
}

/** Escapes text for element content and attribute values. */
export function escapeXml(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    if (char === '&') {
      out += '&amp;';
    } else if (char === '<') {
      out += '&lt;';
    } else if (char === '>') {
      out += '&gt;';
    } else if (char === '"') {
      out += '&quot;';
    } else if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      // Not representable in XML 1.0 at all; the contract's strings never carry them.
      out += '\uFFFD';
    } else if (code === 0x0d) {
      out += '&#13;';
    } else {
      out += char;
    }
  }
  return out;
}

/** Children of `element` in namespace `ns` named `name`. */
export function childrenNamed(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.name === name);
}
