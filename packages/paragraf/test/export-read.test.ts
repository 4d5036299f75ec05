import { Readable } from 'node:stream';
import {
  type ExportIssue,
  type ExportRecord,
  readExport,
  validateExport,
  XmlFormatError,
  XmlSecurityError,
} from '@goskit/paragraf';
import { generateExport } from '@goskit/paragraf/export-generator';
import { describe, expect, it } from 'vitest';

const collect = async (
  source: Parameters<typeof readExport>[0],
  options: Parameters<typeof readExport>[1] = {},
) => {
  const read = readExport(source, options);
  const records: ExportRecord[] = [];
  for await (const record of read) {
    records.push(record);
  }
  return { records, report: read.report() };
};

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<export>\n${body}\n</export>\n`;
const school = (inner: string) =>
  `<school id="s1" name="ГБОУ СОШ № 1" inn="7800030014">\n${inner}\n</school>`;

describe('readExport over generated files', () => {
  it('accounts for every entry: accepted + rejected equals what the generator wrote, faults match', async () => {
    const generator = generateExport({
      seed: 7,
      schools: 3,
      classesPerSchool: 6,
      pupilsPerClass: 12,
      faultRate: 0.03,
      chunkSize: 4096,
    });
    const issues: ExportIssue[] = [];
    const { records, report } = await collect(Readable.from(generator), { onIssue: (i) => issues.push(i) });
    const stats = generator.stats;
    expect(report.complete).toBe(true);
    expect(report.bytes).toBe(stats.bytes);
    for (const type of ['school', 'class', 'employee', 'pupil', 'mark', 'absence'] as const) {
      expect(report.accepted[type] + report.rejected[type]).toBe(stats.written[type]);
      expect(report.rejected[type]).toBe(stats.rejected[type]);
    }
    expect(report.duplicates).toBe(stats.faults['duplicate-snils']);
    expect(issues.length).toBe(report.issueCount);
    expect(records.filter((r) => r.type === 'pupil')).toHaveLength(report.accepted.pupil);
    for (const issue of issues) {
      expect(issue.path).toMatch(/^\/export\/school\[\d+\]/);
      expect(issue.line).toBeGreaterThan(1);
      expect(issue.message.ru.length).toBeGreaterThan(0);
      expect(JSON.stringify(issue)).not.toMatch(/\d{3}-\d{3}-\d{3} \d{2}/); // no СНИЛС in issues
    }
  });

  it('the same seed gives the same bytes; chunk boundaries do not change the result', async () => {
    const bytes = (chunkSize: number) =>
      Buffer.concat([...generateExport({ seed: 11, schools: 1, classesPerSchool: 2, chunkSize })]);
    const a = bytes(1024);
    expect(a.equals(bytes(65_536))).toBe(true);
    const whole = await validateExport([a]);
    const tiny = await validateExport(
      (function* () {
        for (let i = 0; i < a.length; i += 7) {
          yield a.subarray(i, i + 7); // splits Cyrillic characters
        }
      })(),
    );
    expect(tiny.accepted).toEqual(whole.accepted);
    expect(tiny.lines).toBe(whole.lines);
  });

  it('streams: records arrive before the source ends', async () => {
    const generator = generateExport({ seed: 2, schools: 2, classesPerSchool: 4, chunkSize: 4096 });
    const read = readExport(generator);
    let first: number | undefined;
    for await (const _ of read) {
      first ??= generator.stats.bytes;
    }
    expect(first).toBeLessThan(generator.stats.bytes / 4);
  });
});

describe('record validation', () => {
  it('reports path, line and field; keeps a pupil whose one mark is bad; dedups by СНИЛС', async () => {
    const pupil = (suid: string, snils: string, mark = '5') =>
      `<pupil suid="${suid}"><snils>${snils}</snils><surname>Иванов</surname><name>Иван</name><dob>01.02.2014</dob><marks><mark date="02.09.2025" subject="Математика" value="${mark}"/><mark date="03.09.2025" subject="Физика" value="зч"/></marks></pupil>`;
    const xml = doc(
      school(
        `<class name="5 А">\n${pupil('1', '112-233-445 95')}\n${pupil('2', '11223344595', '6')}\n${pupil('3', '112-233-445 96')}\n</class>\n<class name="СОТР"/>`,
      ),
    );
    const { records, report } = await collect([xml]);
    expect(records.map((r) => r.type)).toEqual(['school', 'class', 'pupil', 'class']);
    const first = records[2];
    expect(first).toMatchObject({
      type: 'pupil',
      className: '5 А',
      snils: '112-233-445 95',
      dob: '2014-02-01',
      marks: [{ value: 5 }, { value: 'зч' }],
    });
    expect(records[3]).toMatchObject({ type: 'class', normalized: 'СОТР', special: true });
    expect(report.issues.map((i) => [i.path, i.line, i.field, i.code])).toEqual([
      ['/export/school[1]/class[1]/pupil[2]/marks/mark[1]', 6, 'value', 'MARK_RANGE'],
      ['/export/school[1]/class[1]/pupil[2]', 6, 'snils', 'DUPLICATE_SNILS'],
      ['/export/school[1]/class[1]/pupil[3]', 7, 'snils', 'SNILS_CHECKSUM'],
    ]);
    expect(report.issues[1]?.firstLine).toBe(5);
    expect(report.issues[1]?.skipped).toEqual({ mark: 1 });
    expect(report.rejected).toMatchObject({ pupil: 2, mark: 4 });
  });

  it('a rejected class takes its pupils with it, counted in skipped', async () => {
    const xml = doc(
      school('<class name="13 Я"><pupil suid="1"/><pupil suid="2"><marks><mark/></marks></pupil></class>'),
    );
    const { report } = await collect([xml]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      type: 'class',
      code: 'CLASS_NAME',
      skipped: { pupil: 2, mark: 1 },
    });
    expect(report.rejected).toMatchObject({ class: 1, pupil: 2, mark: 1 });
  });

  it('unknown elements are counted, not silently dropped; __proto__ names are harmless', async () => {
    const xml = doc(school('<__proto__ x="1"/><constructor/><class name="1 А"><toString/></class>'));
    const { report } = await collect([xml]);
    expect(Object.entries(report.unknownElements)).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
      ['toString', 1],
    ]);
    expect(Object.getPrototypeOf(report.unknownElements)).toBeNull();
  });

  it('entities and CDATA in text are decoded', async () => {
    const xml = doc(
      school(
        '<staff><employee suid="e1"><surname>Д&apos;Артаньян</surname><name><![CDATA[Шарль]]></name><position>учитель &amp; классный руководитель</position><vkId>&#49;23</vkId></employee></staff>',
      ),
    );
    const { records } = await collect([xml]);
    expect(records[1]).toMatchObject({
      surname: "Д'Артаньян",
      name: 'Шарль',
      position: 'учитель & классный руководитель',
      vkId: 123,
    });
  });

  it('reads windows-1251 files', async () => {
    const text = doc(school('<class name="5 Б"/>')).replace('UTF-8', 'windows-1251');
    const bytes = Uint8Array.from(
      Array.from(text, (ch) => {
        const code = ch.charCodeAt(0);
        if (code < 128) {
          return code;
        }
        if (ch === 'Ё') {
          return 0xa8;
        }
        if (ch === 'ё') {
          return 0xb8;
        }
        if (ch === '№') {
          return 0xb9;
        }
        return code - 0x410 + 0xc0; // А–я
      }),
    );
    const { records, report } = await collect([bytes]);
    expect(report.encoding).toBe('windows-1251');
    expect(records.map((r) => (r.type === 'school' ? r.name : r.type === 'class' ? r.name : ''))).toEqual([
      'ГБОУ СОШ № 1',
      '5 Б',
    ]);
  });
});

describe('hostile XML', () => {
  const refuse = async (xml: string | Iterable<string>, code: string, limits = {}) => {
    const error = await collect(typeof xml === 'string' ? [xml] : xml, { limits }).catch((e) => e);
    expect(error).toBeInstanceOf(
      code.startsWith('XML_MALFORMED') || code === 'XML_UNEXPECTED_END' || code === 'XML_UNEXPECTED_ROOT'
        ? XmlFormatError
        : XmlSecurityError,
    );
    expect(error.code).toBe(code);
    return error;
  };

  it('billion laughs and external entities: DOCTYPE refused, nothing expanded', async () => {
    await refuse(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;">]><export>&lol1;</export>',
      'XML_DOCTYPE_REFUSED',
    );
    await refuse(
      '<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><export>&xxe;</export>',
      'XML_DOCTYPE_REFUSED',
    );
    await refuse(doc(school('<class name="&xxe;"/>')), 'XML_ENTITY_REFUSED');
  });

  it('a depth bomb is refused at the limit, streamed without building anything', async () => {
    const bomb = function* () {
      yield '<export>';
      for (let i = 0; i < 100_000; i++) {
        yield '<a>';
      }
    };
    const error = await refuse(bomb(), 'XML_DEPTH_LIMIT');
    expect(error.limit).toBe(64);
  });

  it('oversized text nodes, tags, names and attribute counts are refused', async () => {
    await refuse(doc(`<x>${'я'.repeat(70_000)}</x>`), 'XML_TEXT_LIMIT');
    await refuse(
      (function* () {
        yield '<export><x>';
        for (let i = 0; i < 100; i++) {
          yield 'a'.repeat(10_000); // text that never ends
        }
      })(),
      'XML_TEXT_LIMIT',
    );
    const attrs = Array.from({ length: 40 }, (_, i) => `a${i}="1"`).join(' ');
    await refuse(doc(`<x ${attrs}/>`), 'XML_ATTRIBUTE_LIMIT');
    await refuse(doc(`<x a="${'1'.repeat(9000)}"/>`), 'XML_ATTRIBUTE_LIMIT');
    await refuse(doc(`<${'n'.repeat(300)}/>`), 'XML_NAME_LIMIT');
    await refuse(doc('<x a="1" b="2"/>'), 'XML_ATTRIBUTE_LIMIT', { maxAttributes: 1 });
  });

  it('malformed documents stop with a typed error and the line', async () => {
    const error = await refuse(doc(school('<class name="1 А">\n</school>')), 'XML_MALFORMED');
    expect(error.line).toBe(5);
    await refuse('<other/>', 'XML_UNEXPECTED_ROOT');
    await refuse('<export><school>', 'XML_UNEXPECTED_END');
    await refuse('<export a="1" a="2"/>', 'XML_MALFORMED');
    await refuse('<export/><export/>', 'XML_MALFORMED');
    await refuse('<export>&#0;</export>', 'XML_MALFORMED');
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x3c, 0x00]);
    await expect(collect([utf16])).rejects.toMatchObject({ code: 'XML_ENCODING_UNSUPPORTED' });
    await expect(
      collect(['<?xml version="1.0" encoding="koi8-r"?><export/>'].map((s) => new TextEncoder().encode(s))),
    ).rejects.toMatchObject({
      code: 'XML_ENCODING_UNSUPPORTED',
    });
  });
});
