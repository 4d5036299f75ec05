/**
 * A small deterministic PDF 1.4 writer for what the portal issues — delivery acts, receipts, agencies'
 * documents, letter originals: A4 pages of text lines in Courier (every glyph 600 units wide, declared
 * in /Widths so extraction keeps every letter), Russian included. Cyrillic uses the
 * Windows-1251 code positions with Adobe glyph names (an /Encoding /Differences array) and a
 * /ToUnicode map, so viewers draw it and text extraction gives the original letters back. The same
 * input gives the same bytes (the date comes from the caller's clock); offsets in the xref are exact.
 */

export interface PdfDocument {
  title: string;
  /** Lines of text; longer ones are wrapped, pages added as needed. */
  lines: readonly string[];
  /** The document date (virtual clock), written into /Info. */
  createdAt: number;
  /** 'goskit simulator (gospochta)' by default. */
  producer?: string;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
const FONT_SIZE = 10;
const LEADING = 14;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
/** Courier at 10 pt is 6 pt a character: 80 fit between the margins. */
const WRAP_AT = 80;

/** Unicode → one byte of the font encoding (ASCII as is, Cyrillic at its Windows-1251 position). */
const ENCODE = new Map<number, number>();
/** Byte → [glyph name, Unicode] for the bytes above 127. */
const HIGH = new Map<number, [string, number]>();

function defineHigh(byte: number, glyph: string, unicode: number): void {
  ENCODE.set(unicode, byte);
  HIGH.set(byte, [glyph, unicode]);
}

for (let index = 0; index < 32; index += 1) {
  // А–Я (U+0410…) at 0xC0…, а–я (U+0430…) at 0xE0…; Ё/ё are afii10023/afii10071, out of the run.
  const upperGlyph = 10017 + index + (index >= 6 ? 1 : 0);
  defineHigh(0xc0 + index, `afii${upperGlyph}`, 0x0410 + index);
  defineHigh(0xe0 + index, `afii${upperGlyph + 48}`, 0x0430 + index);
}
defineHigh(0xa8, 'afii10023', 0x0401);
defineHigh(0xb8, 'afii10071', 0x0451);
defineHigh(0xb9, 'afii61352', 0x2116);
defineHigh(0xab, 'guillemotleft', 0x00ab);
defineHigh(0xbb, 'guillemotright', 0x00bb);
defineHigh(0x96, 'endash', 0x2013);
defineHigh(0x97, 'emdash', 0x2014);

function encodeText(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0x20 && code < 0x7f) {
      bytes.push(code);
    } else {
      bytes.push(ENCODE.get(code) ?? 0x3f);
    }
  }
  return bytes;
}

/** A PDF literal string of encoded bytes, escaping what must be. */
function literal(bytes: readonly number[]): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) {
      out += `\\${String.fromCharCode(byte)}`;
    } else if (byte < 0x20 || byte > 0x7e) {
      out += `\\${byte.toString(8).padStart(3, '0')}`;
    } else {
      out += String.fromCharCode(byte);
    }
  }
  return `${out})`;
}

/** A UTF-16BE hex string for /Info values (Cyrillic titles). */
function textString(text: string): string {
  let hex = '<FEFF';
  for (let index = 0; index < text.length; index += 1) {
    hex += text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  }
  return `${hex}>`;
}

function wrap(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const words = raw.replace(/\s+/g, ' ').trimEnd().split(' ');
    let current = '';
    for (const word of words) {
      let rest = word;
      while (rest.length > WRAP_AT) {
        if (current !== '') {
          out.push(current);
          current = '';
        }
        out.push(rest.slice(0, WRAP_AT));
        rest = rest.slice(WRAP_AT);
      }
      if (current === '') {
        current = rest;
      } else if (current.length + 1 + rest.length <= WRAP_AT) {
        current = `${current} ${rest}`;
      } else {
        out.push(current);
        current = rest;
      }
    }
    out.push(current);
  }
  return out;
}

function pdfDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function toUnicodeCmap(): string {
  const entries = [...HIGH.entries()].sort(([a], [b]) => a - b);
  const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0');
  const ascii = `<20> <7E> <0020>`;
  const chars = entries.map(([byte, [, unicode]]) => `<${hex(byte, 2)}> <${hex(unicode, 4)}>`);
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /goskit-cp1251 def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    '1 beginbfrange',
    ascii,
    'endbfrange',
    `${chars.length} beginbfchar`,
    ...chars,
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function differences(): string {
  const entries = [...HIGH.entries()].sort(([a], [b]) => a - b);
  return entries.map(([byte, [glyph]]) => `${byte} /${glyph}`).join(' ');
}

/** Latin-1 bytes of a string whose characters are all below 256 (the PDF file syntax). */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    out[index] = text.charCodeAt(index) & 0xff;
  }
  return out;
}

/** The PDF bytes of `document`. */
export function writePdf(document: PdfDocument): Uint8Array {
  const lines = wrap([document.title, '', ...document.lines]);
  const pages: string[][] = [];
  for (let start = 0; start < lines.length; start += LINES_PER_PAGE) {
    pages.push(lines.slice(start, start + LINES_PER_PAGE));
  }
  // Objects: 1 catalog, 2 pages, 3 font, 4 encoding, 5 ToUnicode, 6 info, then page + content pairs.
  const pageIds = pages.map((_, index) => 7 + index * 2);
  const cmap = toUnicodeCmap();
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Courier /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(600).join(' ')}] /Encoding 4 0 R /ToUnicode 5 0 R >>`,
    `<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences()}] >>`,
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    `<< /Title ${textString(document.title)} /Producer ${textString(document.producer ?? 'goskit simulator (gospochta)')} /CreationDate (${pdfDate(document.createdAt)}) >>`,
  ];
  pages.forEach((pageLines, index) => {
    const body = pageLines
      .map((line, row) => {
        const y = PAGE_HEIGHT - MARGIN - row * LEADING;
        const size = index === 0 && row === 0 ? FONT_SIZE + 1 : FONT_SIZE;
        return `BT /F1 ${size} Tf ${MARGIN} ${y} Td ${literal(encodeText(line))} Tj ET`;
      })
      .join('\n');
    const footer = `BT /F1 8 Tf ${MARGIN} ${MARGIN / 2} Td ${literal(encodeText(`${index + 1} / ${pages.length}`))} Tj ET`;
    const stream = `${body}\n${footer}`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Contents ${8 + index * 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  });
  // Every content byte is below 128 (high bytes are octal escapes), so string length = byte length.
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) {
    out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

/** True when `bytes` start like a PDF (what an attachment's media type is checked against). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
}
