/**
 * The streaming XSD checker: the subset it compiles, the rules it reports (with line, path and ru/en
 * text, never the value), constructs it refuses — and agreement with libxml2 (`xmllint --schema`, a
 * real XSD validator) on which documents are valid, when xmllint is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileXsd,
  FormatError,
  resolveXmlLimits,
  type XmlEvents,
  XmlScanner,
  type XsdIssue,
  XsdValidator,
} from '@goskit/validation/stream';
import { afterAll, describe, expect, it } from 'vitest';

const SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:test:journal"
  targetNamespace="urn:test:journal" elementFormDefault="qualified">
  <xs:annotation><xs:documentation>Тестовая схема</xs:documentation></xs:annotation>
  <xs:simpleType name="numericMark">
    <xs:restriction base="xs:integer"><xs:minInclusive value="1"/><xs:maxInclusive value="5"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="textMark">
    <xs:restriction base="xs:token"><xs:enumeration value="зч"/><xs:enumeration value="н"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="mark"><xs:union memberTypes="numericMark textMark"/></xs:simpleType>
  <xs:simpleType name="id">
    <xs:restriction base="xs:string"><xs:pattern value="[A-Za-z0-9_-]{1,64}"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="noteType">
    <xs:simpleContent>
      <xs:extension base="xs:string"><xs:attribute name="lang" type="xs:language" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:element name="journal">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title">
          <xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="20"/></xs:restriction></xs:simpleType>
        </xs:element>
        <xs:element name="meta" minOccurs="0">
          <xs:complexType>
            <xs:all>
              <xs:element name="year" type="xs:gYear"/>
              <xs:element name="weight" minOccurs="0">
                <xs:simpleType><xs:restriction base="xs:decimal"><xs:totalDigits value="3"/><xs:fractionDigits value="1"/></xs:restriction></xs:simpleType>
              </xs:element>
            </xs:all>
          </xs:complexType>
        </xs:element>
        <xs:element name="entry" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="2">
              <xs:element name="note" type="noteType"/>
              <xs:element name="flag" maxOccurs="3"><xs:complexType/></xs:element>
            </xs:choice>
            <xs:attribute name="id" type="id" use="required"/>
            <xs:attribute name="date" type="xs:date" use="required"/>
            <xs:attribute name="value" type="mark" use="required"/>
            <xs:attribute name="lesson" type="xs:positiveInteger"/>
            <xs:attribute name="version" type="xs:string" fixed="1"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="created" type="xs:dateTime" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

const compiled = compileXsd(SCHEMA);

/** Runs a document through the scanner and the checker in chunks of `chunk` characters. */
function check(xml: string, chunk = 7): { issues: XsdIssue[]; opened: number } {
  const issues: XsdIssue[] = [];
  let opened = 0;
  const downstream: XmlEvents = { open: () => void opened++, text: () => {}, close: () => {} };
  let scanner: XmlScanner | undefined;
  const validator = new XsdValidator(
    compiled,
    downstream,
    (issue) => issues.push(issue),
    () => scanner?.line() ?? 0,
  );
  scanner = new XmlScanner(validator, resolveXmlLimits(undefined));
  for (let at = 0; at < xml.length; at += chunk) {
    scanner.write(xml.slice(at, at + chunk));
  }
  scanner.end();
  return { issues, opened };
}

const doc = (body: string, root = 'journal xmlns="urn:test:journal" created="2026-09-01T09:00:00+03:00"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${body}\n</journal>\n`;

const VALID = doc(`<title>5А · математика</title>
<meta><weight>2.5</weight><year>2026</year></meta>
<entry id="e-1" date="2026-09-01" value="5" lesson="2"/>
<entry id="e-2" date="2026-09-02" value=" зч "><note lang="ru">Зачёт</note><flag/><flag/></entry>
<entry id="e-3" date="2026-09-03" value="1" version="1"><flag/><note lang="en">ok</note></entry>`);

/** Documents that break exactly one rule, with the code the checker must report. */
const BROKEN: [string, string, string][] = [
  ['mark out of range', doc('<title>t</title><entry id="a" date="2026-09-01" value="6"/>'), 'XSD_DATATYPE'],
  ['negative mark', doc('<title>t</title><entry id="a" date="2026-09-01" value="-2"/>'), 'XSD_DATATYPE'],
  ['bad date', doc('<title>t</title><entry id="a" date="2026-02-30" value="5"/>'), 'XSD_DATATYPE'],
  ['pattern', doc('<title>t</title><entry id="a b" date="2026-09-01" value="5"/>'), 'XSD_PATTERN'],
  ['required attribute', doc('<title>t</title><entry id="a" value="5"/>'), 'XSD_ATTRIBUTE_REQUIRED'],
  [
    'unknown attribute',
    doc('<title>t</title><entry id="a" date="2026-09-01" value="5" teacher="x"/>'),
    'XSD_ATTRIBUTE_UNKNOWN',
  ],
  ['missing element', doc('<entry id="a" date="2026-09-01" value="5"/>'), 'XSD_MISSING_ELEMENT'],
  [
    'order',
    doc('<title>t</title><entry id="a" date="2026-09-01" value="5"/><meta><year>2026</year></meta>'),
    'XSD_UNEXPECTED_ELEMENT',
  ],
  ['length', doc('<title></title>'), 'XSD_LENGTH'],
  ['too long', doc('<title>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</title>'), 'XSD_LENGTH'],
  ['digits', doc('<title>t</title><meta><year>2026</year><weight>2.55</weight></meta>'), 'XSD_RANGE'],
  ['all: missing', doc('<title>t</title><meta><weight>1</weight></meta>'), 'XSD_MISSING_ELEMENT'],
  ['all: twice', doc('<title>t</title><meta><year>2026</year><year>2027</year></meta>'), 'XSD_TOO_MANY'],
  [
    'choice: too many',
    doc(
      '<title>t</title><entry id="a" date="2026-09-01" value="5"><flag/><note lang="ru">x</note><flag/></entry>',
    ),
    'XSD_TOO_MANY',
  ],
  [
    'choice: run too long',
    doc(
      '<title>t</title><entry id="a" date="2026-09-01" value="5"><flag/><flag/><flag/><flag/><flag/><flag/><flag/></entry>',
    ),
    'XSD_TOO_MANY',
  ],
  [
    'text in element-only',
    doc('<title>t</title>oops<entry id="a" date="2026-09-01" value="5"/>'),
    'XSD_TEXT_NOT_ALLOWED',
  ],
  [
    'child in empty',
    doc('<title>t</title><entry id="a" date="2026-09-01" value="5"><flag><x/></flag></entry>'),
    'XSD_CHILD_NOT_ALLOWED',
  ],
  [
    'simpleContent attribute',
    doc('<title>t</title><entry id="a" date="2026-09-01" value="5"><note>x</note></entry>'),
    'XSD_ATTRIBUTE_REQUIRED',
  ],
  ['fixed', doc('<title>t</title><entry id="a" date="2026-09-01" value="5" version="2"/>'), 'XSD_FIXED'],
  [
    'namespace',
    '<journal xmlns="urn:other" created="2026-09-01T09:00:00Z"><title>t</title></journal>',
    'XSD_NAMESPACE',
  ],
  ['root', '<register xmlns="urn:test:journal"/>', 'XSD_ROOT'],
  [
    'dateTime',
    doc('<title>t</title>', 'journal xmlns="urn:test:journal" created="2026-09-01T25:00:00"'),
    'XSD_DATATYPE',
  ],
];

describe('streaming XSD checks', () => {
  it('accepts a valid document, read in chunks of any size', () => {
    for (const chunk of [1, 3, 7, 64, 10_000]) {
      expect(check(VALID, chunk).issues).toEqual([]);
    }
    expect(check(VALID).opened).toBe(13);
  });

  it.each(BROKEN)('%s → %s', (_name, xml, code) => {
    const { issues } = check(xml);
    expect(issues.map((issue) => issue.code)).toContain(code);
    for (const issue of issues) {
      expect(issue.rule.ru.length).toBeGreaterThan(0);
      expect(issue.rule.en.length).toBeGreaterThan(0);
      expect(issue.line).toBeGreaterThan(0);
    }
  });

  it('names the line, the path and the type, never the value', () => {
    const xml = doc(`<title>t</title>
<entry id="e-1" date="2026-09-01" value="5"/>
<entry id="e-2" date="2026-09-01" value="5"/>
<entry id="СЕКРЕТ-123 456" date="2026-09-01" value="5"/>`);
    const [issue] = check(xml).issues;
    expect(issue).toMatchObject({
      line: 6,
      path: '/journal/entry[3]/@id',
      code: 'XSD_PATTERN',
      element: 'entry',
      attribute: 'id',
      detail: 'type id',
    });
    expect(JSON.stringify(issue)).not.toContain('СЕКРЕТ');
  });

  it('keeps reading after a problem: every broken record is reported', () => {
    const entries = Array.from(
      { length: 50 },
      (_, i) => `<entry id="e${i}" date="2026-09-01" value="${i % 7}"/>`,
    );
    const { issues } = check(doc(`<title>t</title>${entries.join('\n')}`));
    // Values 0 and 6 break the union: i % 7 ∈ {0, 6} for 15 of the 50 entries.
    expect(issues).toHaveLength(15);
  });

  it('refuses constructs it does not enforce, naming them and their line', () => {
    const wrap = (inner: string) =>
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="r">${inner}</xs:element></xs:schema>`;
    const cases: [string, RegExp][] = [
      ['<xs:complexType><xs:sequence><xs:any/></xs:sequence></xs:complexType>', /<any> inside <sequence>/],
      [
        '<xs:complexType><xs:sequence><xs:sequence/></xs:sequence></xs:complexType>',
        /<sequence> inside <sequence>/,
      ],
      ['<xs:complexType><xs:anyAttribute/></xs:complexType>', /<anyAttribute> in <complexType>/],
      ['<xs:complexType mixed="true"/>', /attribute "mixed"/],
      ['<xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType>', /<list> in <simpleType>/],
      ['<xs:simpleType><xs:restriction base="xs:QName"/></xs:simpleType>', /built-in type "QName"/],
      [
        '<xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z-[aeiou]]"/></xs:restriction></xs:simpleType>',
        /subtraction/,
      ],
      [
        '<xs:complexType><xs:sequence><xs:element name="a"/></xs:sequence></xs:complexType><xs:unique name="u"/>',
        /<unique>|two inline/,
      ],
    ];
    for (const [inner, message] of cases) {
      const error = (() => {
        try {
          compileXsd(wrap(inner));
          return undefined;
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, inner).toBeInstanceOf(FormatError);
      expect((error as FormatError).message).toMatch(message);
      expect((error as FormatError).line).toBe(2);
      expect(['XSD_UNSUPPORTED', 'XSD_INVALID']).toContain((error as FormatError).code);
    }
  });

  it('refuses a schema that is not an XSD, and references to undeclared types', () => {
    expect(() => compileXsd('<schema/>')).toThrow(/root must be <schema>/);
    expect(() =>
      compileXsd(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r" type="nothing"/></xs:schema>',
      ),
    ).toThrow(/no simpleType named "nothing"/);
    expect(() =>
      compileXsd('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><!DOCTYPE x></xs:schema>'),
    ).toThrow(FormatError);
  });

  it('a recursive type compiles and checks', () => {
    const tree = compileXsd(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:complexType name="node"><xs:sequence><xs:element name="node" type="node" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="n" type="xs:int" use="required"/></xs:complexType>
      <xs:element name="node" type="node"/></xs:schema>`);
    const issues: XsdIssue[] = [];
    let scanner: XmlScanner | undefined;
    const validator = new XsdValidator(
      tree,
      { open() {}, text() {}, close() {} },
      (i) => issues.push(i),
      () => scanner?.line() ?? 0,
    );
    scanner = new XmlScanner(validator, resolveXmlLimits(undefined));
    scanner.write('<node n="1"><node n="2"><node n="x"/></node></node>');
    scanner.end();
    expect(issues).toMatchObject([{ code: 'XSD_DATATYPE', path: '/node/node[1]/node[1]/@n' }]);
  });
});

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const ci = process.env.CI === 'true';
if (!xmllint && ci) {
  throw new Error('xmllint (libxml2-utils) is missing: the XSD differential test must run in CI');
}

describe.skipIf(!xmllint)(
  xmllint
    ? 'agrees with libxml2 (xmllint --schema)'
    : 'agrees with libxml2 — skipped: xmllint is missing (CI=true makes this fail)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'goskit-xsd-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'schema.xsd'), SCHEMA);

    const libxml2Valid = (xml: string): boolean => {
      const file = join(dir, 'doc.xml');
      writeFileSync(file, xml);
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(dir, 'schema.xsd'), file]);
      if (run.status !== 0 && run.status !== 3) {
        throw new Error(`xmllint failed: ${run.stderr.toString()}`);
      }
      return run.status === 0;
    };

    it('the schema itself is a valid XSD to libxml2', () => {
      expect(existsSync(join(dir, 'schema.xsd'))).toBe(true);
      expect(() =>
        execFileSync('xmllint', ['--noout', '--schema', join(dir, 'schema.xsd'), '--version']),
      ).not.toThrow();
    });

    it('the valid document is valid to both', () => {
      expect(libxml2Valid(VALID)).toBe(true);
      expect(check(VALID).issues).toEqual([]);
    });

    it.each(BROKEN)('%s is invalid to both', (_name, xml) => {
      expect(libxml2Valid(xml)).toBe(false);
      expect(check(xml).issues.length).toBeGreaterThan(0);
    });
  },
);
