/**
 * Bytes → text for the streaming reader. The encoding comes from a byte-order mark or the XML
 * declaration (`<?xml … encoding="…"?>`), read from the first bytes before anything is decoded;
 * UTF-8 (the default) and windows-1251 (common in Russian school systems) are accepted, anything
 * else is refused with a typed error rather than decoded wrongly.
 *
 * Each chunk is cut just after its last '>' byte (never inside a character, in either encoding) and
 * only the part up to it is decoded; the rest waits for the next chunk. The scanner then almost
 * always receives text that ends at the end of a tag, has nothing left over and scans one flat
 * string, instead of gluing its leftover to the next chunk: a concatenated (cons) string made every
 * `charCodeAt` several times slower (decisions 050 and 053). Cutting before the last '<' instead
 * left the indentation before that tag over, so nearly every window was glued.
 */
import { FormatError } from './format-error.js';

const SUPPORTED = new Map<string, string>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['windows-1251', 'windows-1251'],
  ['cp1251', 'windows-1251'],
  ['cp-1251', 'windows-1251'],
]);

/** How many leading bytes may hold the declaration; a longer one is not looked for. */
const DECLARATION_WINDOW = 256;
const ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/;

/** The byte of '>': in UTF-8 and windows-1251 alike it is never part of another character. */
const GT = 62;
/** Past this many bytes without a '>', the pending bytes are decoded anyway (the scanner bounds text). */
const MAX_PENDING = 1 << 20;

export class XmlByteDecoder {
  #decoder: TextDecoder | undefined;
  #head: Uint8Array | undefined;
  #pending: Uint8Array | undefined;
  /** The encoding in use once known ('utf-8' or 'windows-1251'). */
  encoding: string | undefined;

  /** Decodes one chunk; may return '' while the first bytes are still being sniffed. */
  decode(chunk: Uint8Array): string {
    if (this.#decoder !== undefined) {
      return this.#cut(this.#decoder, chunk);
    }
    const head = this.#head === undefined ? chunk : concat(this.#head, chunk);
    const declaration = latin1(head.subarray(0, DECLARATION_WINDOW));
    const probe = declaration.startsWith('\u00ef\u00bb\u00bf') ? declaration.slice(3) : declaration;
    const complete =
      head.length >= DECLARATION_WINDOW || probe.includes('>') || !'<?xml'.startsWith(probe.slice(0, 5));
    if (!complete) {
      this.#head = head;
      return '';
    }
    this.#head = undefined;
    this.#decoder = new TextDecoder(this.#choose(head, declaration), { fatal: false });
    return this.#cut(this.#decoder, head);
  }

  /** Decodes pending + chunk up to and including its last '>'; keeps the rest pending. */
  #cut(decoder: TextDecoder, chunk: Uint8Array): string {
    const bytes = this.#pending === undefined ? chunk : concat(this.#pending, chunk);
    const gt = bytes.lastIndexOf(GT);
    if (gt === -1) {
      if (bytes.length <= MAX_PENDING) {
        this.#pending = bytes;
        return '';
      }
      this.#pending = undefined;
      return decoder.decode(bytes, { stream: true });
    }
    this.#pending = gt + 1 < bytes.length ? bytes.subarray(gt + 1) : undefined;
    return decoder.decode(bytes.subarray(0, gt + 1), { stream: true });
  }

  /** Flushes a trailing partial character (decoded as U+FFFD). */
  end(): string {
    if (this.#decoder === undefined) {
      const head = this.#head ?? new Uint8Array(0);
      this.#head = undefined;
      this.#decoder = new TextDecoder(this.#choose(head, latin1(head.subarray(0, DECLARATION_WINDOW))));
      return this.#decoder.decode(head);
    }
    const rest = this.#pending;
    this.#pending = undefined;
    return rest === undefined ? this.#decoder.decode() : this.#decoder.decode(rest);
  }

  #choose(head: Uint8Array, declaration: string): string {
    if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) {
      throw new FormatError(
        'XML_ENCODING_UNSUPPORTED',
        'UTF-16 documents are not accepted; send UTF-8 or windows-1251',
        { line: 1 },
      );
    }
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const declared = ENCODING.exec(bom ? declaration.slice(3) : declaration)?.[1];
    if (declared === undefined) {
      this.encoding = 'utf-8';
      return 'utf-8';
    }
    const encoding = SUPPORTED.get(declared.toLowerCase());
    if (encoding === undefined || (bom && encoding !== 'utf-8')) {
      throw new FormatError(
        'XML_ENCODING_UNSUPPORTED',
        `Declared encoding "${declared}" is not accepted; send UTF-8 or windows-1251`,
        { line: 1 },
      );
    }
    this.encoding = encoding;
    return encoding;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte);
  }
  return out;
}
