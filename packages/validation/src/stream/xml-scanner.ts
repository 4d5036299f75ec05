/**
 * A streaming, non-validating XML tokenizer over decoded text: start tags with their attributes,
 * text (entities resolved, CDATA as is) and end tags, checked for well-formedness (matching tags,
 * one root, unique attributes) and for every bound in `XmlLimits`. A DOCTYPE or entity declaration
 * is refused outright, never read. Chosen over saxes and fast-xml-parser by measurement
 * (https://github.com/goskit/goskit/blob/main/docs/decisions/050-paragraf-export-scanner.md): it
 * finds markup with `indexOf` and slices names and values instead of walking character by
 * character, and it keeps only the unfinished token between chunks. Moved here from
 * @goskit/paragraf so every package can stream XML (docs/decisions/081-ediary-file-checks.md).
 */
import { FormatError, type FormatErrorCode } from './format-error.js';
import { decodeEntities } from './xml-entities.js';
import type { XmlLimits } from './xml-limits.js';

/** What the scanner reports. `attributes` is a reused flat array [name, value, …], valid during the call. */
export interface XmlEvents {
  open(name: string, attributes: readonly string[], attributeCount: number): void;
  /** Text inside an element (never whitespace-only), entities resolved. May come in several parts. */
  text(value: string): void;
  close(name: string): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;
const AMP = '&';

/** Characters ≤ 0x20 count as XML whitespace here (space, tab, CR, LF; control characters are not XML). */
const isSpace = (c: number): boolean => c <= 32;

/** How an ASCII character ends an attribute name: 0 part of it, 1 ends it ('=' or space), 2 malformed. */
const ATTRIBUTE_NAME_STOP = new Uint8Array(128);
for (let c = 0; c <= 32; c++) {
  ATTRIBUTE_NAME_STOP[c] = 1;
}
ATTRIBUTE_NAME_STOP[EQUALS] = 1;
for (const c of [GT, SLASH, LT, QUOTE, APOS]) {
  ATTRIBUTE_NAME_STOP[c] = 2;
}

/** Slots of the name table (a power of two): names seen are reused from here by length and first/last character. */
const NAME_SLOTS = 1024;
const nameSlot = (length: number, first: number, last: number): number =>
  ((length * 37 + first) * 17 + last) & (NAME_SLOTS - 1);

export class XmlScanner {
  readonly #events: XmlEvents;
  readonly #limits: XmlLimits;
  readonly #stack: string[] = [];
  readonly #attributes: string[] = [];
  /** Names by `nameSlot`; the first name to take a slot keeps it (bounded by construction). */
  readonly #names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  /** The element name whose attribute names `#expected` holds, by position (the previous such tag's). */
  #expectedFor = '';
  readonly #expected: string[] = [];
  #buffer = '';
  #position = 0;
  /** Line number at `#lineAt` in the buffer (1-based). */
  #lineBase = 1;
  #lineAt = 0;
  /** Where the token being handled starts; `line()` reports its line. */
  #tokenStart = 0;
  /** Position of the next '&' at or after the scan position (Infinity when none): found once, reused. */
  #nextAmp = -1;
  /** Where the next '<' after the current start tag's name is: no attribute value may reach past it. */
  #tagLimit = Number.POSITIVE_INFINITY;
  #rootSeen = false;
  #rootClosed = false;
  #ended = false;

  /** `knownNames`: element and attribute names to reuse as they are (the caller's own constants). */
  constructor(events: XmlEvents, limits: XmlLimits, knownNames: readonly string[] = []) {
    this.#events = events;
    this.#limits = limits;
    for (const name of knownNames) {
      const slot =
        name.length === 0 ? -1 : nameSlot(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1));
      if (slot !== -1 && this.#names[slot] === undefined) {
        this.#names[slot] = name;
      }
    }
  }

  /** Depth of the element being handled (1 for the root). */
  get depth(): number {
    return this.#stack.length;
  }

  /** 1-based line of the token being handled (call from inside an event). */
  line(): number {
    return this.#lineOf(this.#tokenStart);
  }

  /** Lines seen so far (the last line number reached); does not move the line cursor. */
  get lines(): number {
    const buffer = this.#buffer;
    let line = this.#lineBase;
    let newline = buffer.indexOf('\n', this.#lineAt);
    while (newline !== -1) {
      line++;
      newline = buffer.indexOf('\n', newline + 1);
    }
    return line;
  }

  write(chunk: string): void {
    if (this.#ended) {
      throw new FormatError('XML_MALFORMED', 'XmlScanner: write after end', { line: this.line() });
    }
    if (this.#position >= this.#buffer.length) {
      this.#lineOf(this.#buffer.length);
      this.#buffer = chunk;
    } else {
      this.#lineOf(this.#position);
      this.#buffer = this.#buffer.slice(this.#position) + chunk;
    }
    this.#lineAt = 0;
    this.#position = 0;
    this.#tokenStart = 0;
    this.#nextAmp = -1;
    this.#scan();
  }

  /** Checks that the document is complete: a root element, every element closed, nothing left over. */
  end(): void {
    this.#ended = true;
    const rest = this.#buffer.slice(this.#position);
    this.#tokenStart = this.#position;
    if (rest.includes('<')) {
      throw this.#format('XML_UNEXPECTED_END', 'The document ends inside a tag, comment or CDATA section');
    }
    if (this.#stack.length > 0) {
      throw this.#format(
        'XML_UNEXPECTED_END',
        `The document ends before </${this.#stack.at(-1)}> (${this.#stack.length} element(s) open)`,
      );
    }
    if (rest.trim().length > 0) {
      throw this.#format('XML_MALFORMED', 'Text after the root element');
    }
    if (!this.#rootSeen) {
      throw this.#format('XML_UNEXPECTED_END', 'The document has no root element');
    }
  }

  #lineOf(position: number): number {
    if (position <= this.#lineAt) {
      return this.#lineBase;
    }
    const buffer = this.#buffer;
    let line = this.#lineBase;
    let newline = buffer.indexOf('\n', this.#lineAt);
    while (newline !== -1 && newline < position) {
      line++;
      newline = buffer.indexOf('\n', newline + 1);
    }
    this.#lineBase = line;
    this.#lineAt = position;
    return line;
  }

  #scan(): void {
    const s = this.#buffer;
    const length = s.length;
    const limits = this.#limits;
    let i = this.#position;
    while (i < length) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        if (length - i > limits.maxTextLength) {
          this.#tokenStart = i;
          throw this.#security('XML_TEXT_LIMIT', 'A text node is longer than allowed', limits.maxTextLength);
        }
        break;
      }
      if (lt > i) {
        this.#tokenStart = i;
        this.#text(s, i, lt);
      }
      this.#tokenStart = lt;
      const next = this.#token(s, lt, length);
      if (next === -1) {
        i = lt;
        break;
      }
      i = next;
    }
    this.#position = i;
  }

  #text(s: string, from: number, to: number): void {
    let k = from;
    while (k < to && isSpace(s.charCodeAt(k))) {
      k++;
    }
    if (k === to) {
      return;
    }
    if (this.#stack.length === 0) {
      throw this.#format('XML_MALFORMED', 'Text outside the root element');
    }
    if (to - from > this.#limits.maxTextLength) {
      throw this.#security(
        'XML_TEXT_LIMIT',
        'A text node is longer than allowed',
        this.#limits.maxTextLength,
      );
    }
    const raw = s.slice(from, to);
    this.#events.text(this.#ampBefore(s, from, to) ? this.#decode(raw) : raw);
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  #token(s: string, lt: number, length: number): number {
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) {
      return -1;
    }
    if (c === SLASH) {
      return this.#endTag(s, lt, length);
    }
    if (c === BANG) {
      return this.#declaration(s, lt, length);
    }
    if (c === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end === -1
        ? this.#incomplete(lt, length, this.#limits.maxTextLength, 'XML_TEXT_LIMIT')
        : end + 2;
    }
    return this.#startTag(s, lt, length);
  }

  #incomplete(
    start: number,
    length: number,
    limit: number,
    code: 'XML_TEXT_LIMIT' | 'XML_TAG_LIMIT',
  ): number {
    if (length - start > limit) {
      throw this.#security(
        code,
        code === 'XML_TAG_LIMIT'
          ? 'A tag is longer than allowed'
          : 'A comment, CDATA section or processing instruction is longer than allowed',
        limit,
      );
    }
    return -1;
  }

  #endTag(s: string, lt: number, length: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt === -1) {
      return this.#incomplete(lt, length, this.#limits.maxNameLength + 16, 'XML_TAG_LIMIT');
    }
    const open = this.#stack.pop();
    // Compared in place: the common case allocates nothing.
    let matches = open !== undefined && s.startsWith(open, lt + 2);
    if (matches) {
      for (let k = lt + 2 + (open as string).length; k < gt; k++) {
        if (!isSpace(s.charCodeAt(k))) {
          matches = false;
          break;
        }
      }
    }
    if (!matches) {
      const name = s.slice(lt + 2, gt).trimEnd();
      throw this.#format(
        'XML_MALFORMED',
        open === undefined
          ? `End tag </${bounded(name)}> without a start tag`
          : `End tag </${bounded(name)}> does not match <${open}>`,
      );
    }
    this.#events.close(open as string);
    if (this.#stack.length === 0) {
      this.#rootClosed = true;
    }
    return gt + 1;
  }

  #declaration(s: string, lt: number, length: number): number {
    if (s.startsWith('!--', lt + 1)) {
      const end = s.indexOf('-->', lt + 4);
      return end === -1
        ? this.#incomplete(lt, length, this.#limits.maxTextLength, 'XML_TEXT_LIMIT')
        : end + 3;
    }
    if (s.startsWith('![CDATA[', lt + 1)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) {
        return this.#incomplete(lt, length, this.#limits.maxTextLength, 'XML_TEXT_LIMIT');
      }
      if (this.#stack.length === 0) {
        throw this.#format('XML_MALFORMED', 'CDATA outside the root element');
      }
      if (end - lt - 9 > this.#limits.maxTextLength) {
        throw this.#security(
          'XML_TEXT_LIMIT',
          'A CDATA section is longer than allowed',
          this.#limits.maxTextLength,
        );
      }
      if (end > lt + 9) {
        this.#events.text(s.slice(lt + 9, end));
      }
      return end + 3;
    }
    if (length - lt < 9) {
      return -1;
    }
    const keyword = s.slice(lt + 2, lt + 9).toUpperCase();
    if (keyword === 'DOCTYPE') {
      throw this.#security(
        'XML_DOCTYPE_REFUSED',
        'DOCTYPE declarations are refused (no DTDs, no entity expansion)',
      );
    }
    if (keyword.startsWith('ENTITY')) {
      throw this.#security('XML_ENTITY_REFUSED', 'Entity declarations are refused');
    }
    throw this.#format('XML_MALFORMED', 'Unknown markup declaration after "<!"');
  }

  #startTag(s: string, lt: number, length: number): number {
    const limits = this.#limits;
    if (this.#rootClosed) {
      throw this.#format('XML_MALFORMED', 'A second root element');
    }
    // Elements come in runs (a pupil's marks): the previous start tag's name is tried first.
    const previous = this.#expectedFor;
    const after = s.charCodeAt(lt + 1 + previous.length);
    const same =
      previous.length > 0 &&
      (isSpace(after) || after === GT || after === SLASH) &&
      occursAt(s, lt + 1, previous);
    let j = same ? lt + 1 + previous.length : lt + 1;
    for (; !same; ) {
      if (j >= length) {
        if (j - lt > limits.maxNameLength) {
          throw this.#security(
            'XML_NAME_LIMIT',
            'An element name is longer than allowed',
            limits.maxNameLength,
          );
        }
        return -1;
      }
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === GT || c === SLASH) {
        break;
      }
      if (c === LT || c === QUOTE || c === APOS || c === EQUALS) {
        throw this.#format('XML_MALFORMED', 'Malformed element name');
      }
      j++;
    }
    const name = same ? previous : this.#name(s, lt + 1, j);
    if (name.length === 0) {
      throw this.#format('XML_MALFORMED', 'A "<" not followed by a name');
    }
    if (name.length > limits.maxNameLength) {
      throw this.#security('XML_NAME_LIMIT', 'An element name is longer than allowed', limits.maxNameLength);
    }
    if (name !== this.#expectedFor) {
      this.#expectedFor = name;
      this.#expected.length = 0;
    }
    const nextLt = s.indexOf('<', j);
    this.#tagLimit = nextLt === -1 ? Number.POSITIVE_INFINITY : nextLt;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (j < length && isSpace(s.charCodeAt(j))) {
        j++;
      }
      if (j >= length) {
        return this.#incomplete(lt, length, limits.maxTagLength, 'XML_TAG_LIMIT');
      }
      const c = s.charCodeAt(j);
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= length) {
          return -1;
        }
        if (s.charCodeAt(j + 1) !== GT) {
          throw this.#format('XML_MALFORMED', `Malformed start tag <${bounded(name)}>`);
        }
        selfClosing = true;
        j += 2;
        break;
      }
      const next = this.#attribute(s, j, length, count, name);
      if (next === -1) {
        return this.#incomplete(lt, length, limits.maxTagLength, 'XML_TAG_LIMIT');
      }
      count++;
      j = next;
    }
    if (j - lt > limits.maxTagLength) {
      throw this.#security('XML_TAG_LIMIT', 'A tag is longer than allowed', limits.maxTagLength);
    }
    if (this.#stack.length >= limits.maxDepth) {
      throw this.#security('XML_DEPTH_LIMIT', 'Elements are nested deeper than allowed', limits.maxDepth);
    }
    this.#rootSeen = true;
    this.#stack.push(name);
    this.#events.open(name, this.#attributes, count);
    if (selfClosing) {
      this.#stack.pop();
      this.#events.close(name);
      if (this.#stack.length === 0) {
        this.#rootClosed = true;
      }
    }
    return j;
  }

  /** Parses `name="value"` at `j` into slot `index`; returns the index after it, or -1 if incomplete. */
  #attribute(s: string, j: number, length: number, index: number, element: string): number {
    const limits = this.#limits;
    if (index >= limits.maxAttributes) {
      throw this.#security(
        'XML_ATTRIBUTE_LIMIT',
        `<${bounded(element)}> has more attributes than allowed`,
        limits.maxAttributes,
      );
    }
    let name = this.#expectedName(s, j, index);
    let k = name === undefined ? j : j + name.length;
    for (; name === undefined; ) {
      if (k >= length) {
        return -1;
      }
      const c = s.charCodeAt(k);
      const stop = c < 128 ? ATTRIBUTE_NAME_STOP[c] : 0;
      if (stop === 1) {
        break;
      }
      if (stop === 2) {
        throw this.#format('XML_MALFORMED', `Malformed attribute in <${bounded(element)}>`);
      }
      k++;
      if (k - j > limits.maxNameLength) {
        throw this.#security(
          'XML_NAME_LIMIT',
          'An attribute name is longer than allowed',
          limits.maxNameLength,
        );
      }
    }
    if (name === undefined) {
      name = this.#name(s, j, k);
      this.#expected[index] = name;
    }
    while (k < length && isSpace(s.charCodeAt(k))) {
      k++;
    }
    if (k >= length) {
      return -1;
    }
    if (s.charCodeAt(k) !== EQUALS) {
      throw this.#format('XML_MALFORMED', `Attribute without a value in <${bounded(element)}>`);
    }
    k++;
    while (k < length && isSpace(s.charCodeAt(k))) {
      k++;
    }
    if (k >= length) {
      return -1;
    }
    const quote = s.charCodeAt(k);
    if (quote !== QUOTE && quote !== APOS) {
      throw this.#format('XML_MALFORMED', `Unquoted attribute value in <${bounded(element)}>`);
    }
    const end = s.indexOf(quote === QUOTE ? '"' : "'", k + 1);
    if (end === -1) {
      if (length - k > limits.maxAttributeLength) {
        throw this.#security(
          'XML_ATTRIBUTE_LIMIT',
          'An attribute value is longer than allowed',
          limits.maxAttributeLength,
        );
      }
      return -1;
    }
    if (end - k - 1 > limits.maxAttributeLength) {
      throw this.#security(
        'XML_ATTRIBUTE_LIMIT',
        'An attribute value is longer than allowed',
        limits.maxAttributeLength,
      );
    }
    if (end > this.#tagLimit) {
      throw this.#format('XML_MALFORMED', `"<" inside an attribute value of <${bounded(element)}>`);
    }
    let value = s.slice(k + 1, end);
    if (this.#ampBefore(s, k + 1, end)) {
      value = this.#decode(value);
    }
    const attributes = this.#attributes;
    for (let a = 0; a < index; a++) {
      if (attributes[a * 2] === name) {
        throw this.#format(
          'XML_MALFORMED',
          `Duplicate attribute "${bounded(name)}" in <${bounded(element)}>`,
        );
      }
    }
    attributes[index * 2] = name;
    attributes[index * 2 + 1] = value;
    const after = s.charCodeAt(end + 1);
    if (!Number.isNaN(after) && !isSpace(after) && after !== GT && after !== SLASH) {
      throw this.#format(
        'XML_MALFORMED',
        `Attributes of <${bounded(element)}> must be separated by whitespace`,
      );
    }
    return end + 1;
  }

  /**
   * The attribute name at `j` when it is the one the previous tag of this element had at position
   * `index` (an element's attributes come in the same order throughout an export), followed by '=' or
   * whitespace; undefined otherwise. One pass that both finds and interns the name. The expected name
   * was once read by the full path, so it already passed the character and length checks.
   */
  #expectedName(s: string, j: number, index: number): string | undefined {
    const expected = this.#expected[index];
    if (expected === undefined || !occursAt(s, j, expected)) {
      return undefined;
    }
    const after = s.charCodeAt(j + expected.length);
    return after === EQUALS || isSpace(after) ? expected : undefined;
  }

  /**
   * The name at [from, to), reusing the string that took its slot (length, first and last character):
   * names repeat throughout a document, so this saves an allocation per tag and attribute and makes
   * later comparisons against the same (interned) string immediate.
   */
  #name(s: string, from: number, to: number): string {
    const length = to - from;
    const slot = nameSlot(length, s.charCodeAt(from), s.charCodeAt(to - 1));
    const known = this.#names[slot];
    if (known !== undefined && known.length === length) {
      // Compared in place (names are short): no call into a builtin, no allocation.
      let k = 0;
      while (k < length && known.charCodeAt(k) === s.charCodeAt(from + k)) {
        k++;
      }
      if (k === length) {
        return known;
      }
    }
    const name = s.slice(from, to);
    if (known === undefined) {
      // A long slice would keep the whole buffer alive: the table keeps a copy.
      this.#names[slot] = length < 13 ? name : Array.from(name).join('');
    }
    return name;
  }

  /** True when an '&' lies in [from, to): one forward search shared by every value of the buffer. */
  #ampBefore(s: string, from: number, to: number): boolean {
    if (this.#nextAmp < from) {
      const found = s.indexOf(AMP, from);
      this.#nextAmp = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return this.#nextAmp < to;
  }

  #decode(raw: string): string {
    const decoded = decodeEntities(raw);
    if (decoded === 'undefined') {
      throw this.#security(
        'XML_ENTITY_REFUSED',
        'Reference to an undeclared entity (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)',
      );
    }
    if (decoded === 'malformed' || decoded === 'invalid-char') {
      throw this.#format('XML_MALFORMED', 'Malformed character or entity reference');
    }
    return decoded;
  }

  #security(code: FormatErrorCode, message: string, limit?: number): FormatError {
    const line = this.line();
    return new FormatError(code, message, limit === undefined ? { line } : { line, limit });
  }

  #format(code: FormatErrorCode, message: string): FormatError {
    return new FormatError(code, message, { line: this.line() });
  }
}

/** True when `expected` occurs in `s` at `at` (compared in place: names are short). */
function occursAt(s: string, at: number, expected: string): boolean {
  const length = expected.length;
  for (let m = 0; m < length; m++) {
    if (expected.charCodeAt(m) !== s.charCodeAt(at + m)) {
      return false;
    }
  }
  return true;
}

/** Names echoed in messages are cut short: a hostile document chooses them. */
function bounded(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}
