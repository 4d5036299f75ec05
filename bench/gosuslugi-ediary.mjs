#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
// Checked transfer of a district's marks (issue 17 §6): MARKS marks generated lazily as an XML file and
// as a JSON file, streamed in 64 KiB chunks. Measured: records/s for `checkFile` (parse + schema check
// (XSD / JSON Schema) + business checks: known and linked pupils, marks 1–5, no duplicates, dates) versus
// parse alone in the same run (the same chunks through the bare XmlScanner / JsonRecordReader of
// @goskit/validation/stream), and the peak RSS growth of each (goal ≤ 150 MB: streamed, not loaded).
// Nothing is sent (checkFile with `linkedPupils` given needs no network).
// Run alone: node bench/gosuslugi-ediary.mjs   (MARKS=200000 for a quick run)
import { createEdiaryClient } from '../packages/gosuslugi/dist/index.js';
import { DEFAULT_XML_LIMITS, JsonRecordReader, XmlScanner } from '../packages/validation/dist/stream.js';

const MARKS = Number(process.env.MARKS ?? 1_000_000);
const PUPILS = 20_000;
const CHUNK = 64 * 1024;
const SUBJECTS = ['Математика', 'Русский язык', 'Литература', 'Физика', 'Химия', 'История', 'Биология'];
const VALUES = ['5', '4', '3', '2', '5', '4', 'зч'];

const pupilId = (i) => `p-${String(i % PUPILS).padStart(6, '0')}`;
const day = (i) => `2026-0${1 + ((i >> 4) % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** The file as chunks of about CHUNK characters, generated on the fly (never whole in memory). */
function* chunks(format) {
  let buffer =
    format === 'xml'
      ? '<?xml version="1.0" encoding="UTF-8"?>\n<marks xmlns="urn:goskit:ediary:1" schoolId="district-77" generatedAt="2026-06-01T10:00:00Z">\n'
      : '{"format":"goskit-ediary","version":1,"kind":"marks","schoolId":"district-77","generatedAt":"2026-06-01T10:00:00Z","records":[\n';
  for (let i = 0; i < MARKS; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length];
    // ~0.1% bad marks, so the deviations path is exercised too.
    const value = i % 997 === 0 ? '6' : VALUES[i % VALUES.length];
    buffer +=
      format === 'xml'
        ? `<mark id="m${i}" pupilId="${pupilId(i)}" date="${day(i)}" lesson="${1 + (i % 7)}" subject="${subject}" value="${value}"/>\n`
        : `${i === 0 ? '' : ','}{"id":"m${i}","pupilId":"${pupilId(i)}","date":"${day(i)}","lesson":${1 + (i % 7)},"subject":"${subject}","value":"${value}"}\n`;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}${format === 'xml' ? '</marks>\n' : ']}\n'}`;
}

function parseOnly(format) {
  let records = 0;
  if (format === 'xml') {
    const scanner = new XmlScanner(
      {
        open: (name) => {
          if (name === 'mark') {
            records++;
          }
        },
        text: () => {},
        close: () => {},
      },
      DEFAULT_XML_LIMITS,
      ['marks', 'mark', 'id', 'pupilId', 'date', 'lesson', 'subject', 'value'],
    );
    for (const chunk of chunks(format)) {
      scanner.write(chunk);
    }
    scanner.end();
  } else {
    const reader = new JsonRecordReader(
      {
        member: () => {},
        record: () => {
          records++;
        },
      },
      { recordsKey: 'records' },
    );
    for (const chunk of chunks(format)) {
      reader.write(chunk);
    }
    reader.end();
  }
  return records;
}

const pupils = Array.from({ length: PUPILS }, (_, i) => ({
  id: pupilId(i),
  lastName: `Фамилия${i}`,
  firstName: 'Имя',
  birthDate: '2014-01-01',
}));
const linked = new Set(pupils.filter((_, i) => i % 2 === 0).map((p) => p.id));
const client = createEdiaryClient({
  environment: { baseUrl: 'http://127.0.0.1:9/ediary' },
  esia: {
    person: () => {
      throw new Error('not used');
    },
    clientCredentials: async () => {
      throw new Error('not used');
    },
  },
  school: { id: 'district-77' },
  pupils,
  clock: { now: () => Date.parse('2026-06-02T00:00:00Z') },
});

async function measure(name, format, work) {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const records = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    name,
    format,
    records,
    seconds: +seconds.toFixed(2),
    recordsPerSecond: Math.round(records / seconds),
    peakRssGrowthMb: +((peak - rssBefore) / 2 ** 20).toFixed(1),
  };
}

export async function run() {
  const results = [];
  for (const format of ['xml', 'json']) {
    const parse = await measure(`parse alone (${format})`, format, async () => parseOnly(format));
    const checked = await measure(`checkFile (${format})`, format, async () => {
      const report = await client.checkFile(chunks(format), {
        fileName: `marks.${format}`,
        format,
        linkedPupils: linked,
      });
      return report.records;
    });
    results.push(parse, {
      ...checked,
      vsParse: +(checked.recordsPerSecond / parse.recordsPerSecond).toFixed(2),
    });
  }
  return { marks: MARKS, results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results } = await run();
  for (const row of results) {
    console.log(JSON.stringify(row));
  }
}
