/**
 * The XML scanner moved here from @goskit/paragraf: hostile documents are refused with typed errors
 * and lines, well-formedness is checked across chunk boundaries, and the byte decoder picks the
 * encoding from the declaration.
 */
import {
  FormatError,
  resolveXmlLimits,
  XmlByteDecoder,
  type XmlEvents,
  XmlScanner,
} from '@goskit/validation/stream';
import { describe, expect, it } from 'vitest';

function scan(xml: string, limits = {}): string[] {
  const events: string[] = [];
  const sink: XmlEvents = {
    open: (name, attributes, count) =>
      events.push(
        `<${name}${Array.from({ length: count }, (_, i) => ` ${attributes[i * 2]}=${attributes[i * 2 + 1]}`).join('')}>`,
      ),
    text: (value) => events.push(value),
    close: (name) => events.push(`</${name}>`),
  };
  const scanner = new XmlScanner(sink, resolveXmlLimits(limits));
  for (const char of xml) {
    scanner.write(char);
  }
  scanner.end();
  return events;
}

const refused = (xml: string, limits = {}): FormatError => {
  try {
    scan(xml, limits);
  } catch (error) {
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
};

/** The document in one write: names are then found whole in the buffer (the expected-name path). */
function wholeScan(xml: string): void {
  const scanner = new XmlScanner({ open() {}, text() {}, close() {} }, resolveXmlLimits({}));
  scanner.write(xml);
  scanner.end();
}

describe('XmlScanner', () => {
  it('reports elements, attributes (entities resolved) and text, one character at a time', () => {
    expect(scan('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/>т&#x435;кст<![CDATA[<raw>]]></a>')).toEqual([
      '<a x=1 & 2>',
      '<b>',
      '</b>',
      'текст',
      '<raw>',
      '</a>',
    ]);
  });

  it('reads a run of the same element right when names and attribute order change (the expected-name path)', () => {
    const xml =
      '<r><m a="1" bc="2"/><m ab="3" b="4"/><mm a="5"/><m\ta = "6" bc="7"></m><marks/><mark value="8"/></r>';
    const expected = [
      '<r>',
      '<m a=1 bc=2>',
      '</m>',
      '<m ab=3 b=4>',
      '</m>',
      '<mm a=5>',
      '</mm>',
      '<m a=6 bc=7>',
      '</m>',
      '<marks>',
      '</marks>',
      '<mark value=8>',
      '</mark>',
      '</r>',
    ];
    expect(scan(xml)).toEqual(expected);
    // Whole, so the expected name is found in the buffer rather than built up a character at a time.
    const events: string[] = [];
    const scanner = new XmlScanner(
      {
        open: (name, attributes, count) =>
          events.push(
            `<${name}${Array.from({ length: count }, (_, i) => ` ${attributes[i * 2]}=${attributes[i * 2 + 1]}`).join('')}>`,
          ),
        text: (value) => events.push(value),
        close: (name) => events.push(`</${name}>`),
      },
      resolveXmlLimits({}),
    );
    scanner.write(xml);
    scanner.end();
    expect(events).toEqual(expected);
    expect(refused('<r><m a="1" b="2"/><m a="1" a="2"/></r>')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(refused('<r><m a="1"/>\n<m a"1"/></r>')).toMatchObject({ code: 'XML_MALFORMED', line: 2 });
    // A duplicate is caught whichever tag taught the expected names: a shorter tag that renamed the
    // first attribute, or the same tag read again after its end had not arrived yet.
    for (const xml of [
      '<r><m a="1" b="2"/><m b="1"/><m b="1" b="2"/></r>',
      '<r><m a="1" b="2"/><m a="1" c="3"/><m a="1" c="2" c="3"/></r>',
    ]) {
      expect(refused(xml)).toMatchObject({ code: 'XML_MALFORMED' });
      expect(() => wholeScan(xml)).toThrow(/Duplicate attribute/);
    }
  });

  it('refuses DOCTYPE, entity declarations and unknown entities', () => {
    expect(refused('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toMatchObject({
      code: 'XML_DOCTYPE_REFUSED',
      line: 1,
    });
    expect(refused('\n<a>&lol;</a>')).toMatchObject({ code: 'XML_ENTITY_REFUSED', line: 2 });
  });

  it('refuses malformed and truncated documents with the line', () => {
    expect(refused('<a>\n<b></a>')).toMatchObject({ code: 'XML_MALFORMED', line: 2 });
    expect(refused('<a><b>')).toMatchObject({ code: 'XML_UNEXPECTED_END' });
    expect(refused('<a/><b/>')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(refused('<a x="1" x="2"/>')).toMatchObject({ code: 'XML_MALFORMED' });
  });

  it('bounds depth, names, attributes and text', () => {
    expect(refused(`${'<a>'.repeat(70)}${'</a>'.repeat(70)}`)).toMatchObject({
      code: 'XML_DEPTH_LIMIT',
      limit: 64,
    });
    expect(refused(`<a>${'x'.repeat(200)}</a>`, { maxTextLength: 100 })).toMatchObject({
      code: 'XML_TEXT_LIMIT',
    });
    expect(refused(`<a ${Array.from({ length: 40 }, (_, i) => `a${i}="1"`).join(' ')}/>`)).toMatchObject({
      code: 'XML_ATTRIBUTE_LIMIT',
    });
    expect(refused(`<${'n'.repeat(300)}/>`)).toMatchObject({ code: 'XML_NAME_LIMIT' });
  });
});

describe('XmlByteDecoder', () => {
  it('decodes windows-1251 when the declaration says so, and refuses UTF-16 and unknown encodings', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="windows-1251"?><a>', 'latin1');
    const body = Buffer.from([0xd8, 0xea, 0xee, 0xeb, 0xe0]); // «Школа» in windows-1251
    const decoder = new XmlByteDecoder();
    const text =
      decoder.decode(new Uint8Array(Buffer.concat([head, body, Buffer.from('</a>')]))) + decoder.end();
    expect(text).toContain('Школа');
    expect(decoder.encoding).toBe('windows-1251');
    expect(() => new XmlByteDecoder().decode(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toThrow(FormatError);
    expect(() =>
      new XmlByteDecoder().decode(new Uint8Array(Buffer.from('<?xml version="1.0" encoding="koi8-r"?><a/>'))),
    ).toThrow(/koi8-r/);
  });

  it('hands out text up to the last ">" (a tag boundary, nothing left over) and keeps the rest for later', () => {
    const decoder = new XmlByteDecoder();
    const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
    expect(decoder.decode(bytes('<a>\n  <b x="1">Шко'))).toBe('<a>\n  <b x="1">');
    expect(decoder.decode(bytes('ла</b>\n  <c'))).toBe('Школа</b>');
    expect(decoder.decode(bytes('/>\n'))).toBe('\n  <c/>');
    expect(decoder.end()).toBe('\n');
  });

  it('never splits a character: a UTF-8 document fed one byte at a time decodes intact', () => {
    const xml = '<школа имя="№ 1">Ученик «Ёж»</школа>\n';
    const decoder = new XmlByteDecoder();
    let text = '';
    for (const byte of Buffer.from(xml, 'utf8')) {
      text += decoder.decode(new Uint8Array([byte]));
    }
    expect(text + decoder.end()).toBe(xml);
  });
});
