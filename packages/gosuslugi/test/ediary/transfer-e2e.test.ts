/**
 * Checked data transfer end to end against the simulator: a school file (XML against the shipped
 * XSD, JSON against the shipped JSON Schema) is read as a stream, business-checked (marks 1–5 and
 * text marks, known and linked pupils, no duplicates, no future dates), its accepted records sent in
 * idempotent batches, the deviations reported to the feed — whose outbox notifies the administrator —
 * and the linked parent gets a notice per new mark, absence and schedule change.
 */
import type { Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDeviationTable } from '../../src/index.js';
import { ediaryFor, ediarySimulator, outboxOf, SCHOOL, signInParent } from '../helpers/ediary-simulator.js';

const server = setupServer();
let sim: Simulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = ediarySimulator('ediary-transfer');
  sim.clock.set('2026-09-10T08:00:00Z');
  server.resetHandlers(...sim.handlers);
});

/** Links the demo parent; their first child, a pupil nobody linked, and the child's class. */
async function linkedWorld() {
  const ediary = ediaryFor(sim);
  const { session, oid } = await signInParent(sim);
  const { link } = await ediary.linkEdiary(session);
  const child = link.pupils[0];
  const linked = new Set(link.pupils.map((pupil) => pupil.pupilId));
  const stranger = sim.demo.personas.find((persona) => persona.role === 'student' && !linked.has(persona.id));
  if (child === undefined || stranger === undefined) {
    throw new Error('the demo roster lacks a linked child or another pupil');
  }
  return { ediary, oid, child, stranger: stranger.id };
}

function marksXml(rows: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<marks xmlns="urn:goskit:ediary:1" schoolId="${SCHOOL.id}" generatedAt="2026-09-10T10:00:00+03:00">
${rows.join('\n')}
</marks>`;
}

describe('transferFile against the simulator', () => {
  it('sends the good marks of an XML file, reports every deviation and notifies parent and administrator', async () => {
    const { ediary, oid, child, stranger } = await linkedWorld();
    const file = marksXml([
      `<mark id="m1" pupilId="${child.pupilId}" date="2026-09-09" subject="Математика" value="5"/>`,
      `<mark id="m2" pupilId="${child.pupilId}" date="2026-09-09" subject="Физкультура" value="зч"/>`,
      `<mark id="m3" pupilId="${child.pupilId}" date="2026-09-09" subject="Химия" value="6" teacher="Секретова"/>`,
      `<mark id="m4" pupilId="${child.pupilId}" date="2026-09-09" subject="Биология" value="-1"/>`,
      `<mark id="m5" pupilId="${stranger}" date="2026-09-09" subject="Математика" value="4"/>`,
      `<mark id="m6" pupilId="pupil-unknown" date="2026-09-09" subject="Математика" value="4"/>`,
      `<mark id="m1" pupilId="${child.pupilId}" date="2026-09-08" subject="История" value="3"/>`,
      `<mark id="m7" pupilId="${child.pupilId}" date="2026-12-01" subject="Математика" value="4"/>`,
    ]);
    const { report, transfer, administratorNotified } = await ediary.transferFile(file, {
      fileName: 'marks-09.xml',
    });

    expect(report).toMatchObject({
      file: 'marks-09.xml',
      format: 'xml',
      kind: 'marks',
      records: 8,
      accepted: 2,
      skipped: 1,
    });
    expect(report.refused).toBe(5);
    const codes = report.deviations.map((deviation) => [deviation.recordId, deviation.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['m5', 'EDIARY_PUPIL_NOT_LINKED'],
        ['m6', 'EDIARY_PUPIL_UNKNOWN'],
        ['m1', 'EDIARY_DUPLICATE_ID'],
        ['m7', 'EDIARY_DATE_IN_FUTURE'],
      ]),
    );
    for (const deviation of report.deviations) {
      expect(deviation.line).toBeGreaterThan(0);
      expect(deviation.rule.ru.length).toBeGreaterThan(0);
      expect(deviation.rule.en.length).toBeGreaterThan(0);
    }
    expect(
      report.deviations.filter((deviation) => deviation.recordId === 'm3' || deviation.recordId === 'm4'),
    ).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('Секретова');

    expect(transfer).toMatchObject({ sent: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect(transfer.batches).toHaveLength(1);
    expect(administratorNotified).toBe(true);

    const marks = outboxOf(sim).find({ recipient: oid, category: 'ediary.mark' });
    expect(marks.map((notice) => [notice.channel, notice.text])).toEqual([
      ['lk', 'Новая оценка: 5 — Математика, 09.09.2026'],
      ['push', 'Новая оценка: 5 — Математика, 09.09.2026'],
      ['lk', 'Новая оценка: зч — Физкультура, 09.09.2026'],
      ['push', 'Новая оценка: зч — Физкультура, 09.09.2026'],
    ]);
    const admins = sim.demo.personas.filter((persona) => persona.role === 'admin');
    expect(admins.length).toBeGreaterThan(0);
    const adminNotices = outboxOf(sim).find({ category: 'ediary.deviations', channel: 'email' });
    expect(adminNotices).toHaveLength(admins.length);
    expect(adminNotices[0]?.subject).toBe('Отчёт об отклонениях: marks-09.xml');
    expect(adminNotices[0]?.text).toContain('отклонений 6');

    const table = formatDeviationTable(report);
    expect(table).toContain('Файл marks-09.xml (xml, marks): записей 8, принято 2');
    expect(table).toContain('EDIARY_PUPIL_NOT_LINKED');
    expect(formatDeviationTable(report, { language: 'en' })).toContain('Line');
  });

  it('a transfer run again sends the same batches, which the feed replays without applying twice', async () => {
    const { ediary, oid, child } = await linkedWorld();
    const file = marksXml([
      `<mark id="r1" pupilId="${child.pupilId}" date="2026-09-09" subject="Математика" value="4"/>`,
      `<mark id="r2" pupilId="${child.pupilId}" date="2026-09-09" subject="Русский язык" value="5"/>`,
    ]);
    const first = await ediary.transferFile(file, { fileName: 'marks.xml' });
    const again = await ediary.transferFile(file, { fileName: 'marks.xml' });
    expect(first.transfer.batches[0]?.replayed).toBe(false);
    expect(again.transfer.batches[0]).toMatchObject({ replayed: true, accepted: 2 });
    expect(again.transfer.batches[0]?.idempotencyKey).toBe(first.transfer.batches[0]?.idempotencyKey);
    expect(outboxOf(sim).count({ recipient: oid, category: 'ediary.mark', channel: 'lk' })).toBe(2);
    // The same records in another batch are duplicates at the feed, not new marks.
    const summary = await ediary.sendRecords('marks', [
      { id: 'r1', pupilId: child.pupilId, date: '2026-09-09', subject: 'Математика', value: '4' },
      { id: 'r3', pupilId: child.pupilId, date: '2026-09-09', subject: 'Литература', value: '3' },
    ]);
    expect(summary).toMatchObject({ sent: 2, accepted: 1, duplicates: 1 });
    expect(outboxOf(sim).count({ recipient: oid, category: 'ediary.mark', channel: 'lk' })).toBe(3);
  });

  it('checks a JSON attendance file against the JSON Schema and sends absences in batches of batchSize', async () => {
    const { oid, child } = await linkedWorld();
    const ediary = ediaryFor(sim, { batchSize: 2 });
    const records = [
      { id: 'a1', pupilId: child.pupilId, date: '2026-09-07', reason: 'ill' },
      {
        id: 'a2',
        pupilId: child.pupilId,
        date: '2026-09-08',
        reason: 'late',
        minutes: 10,
        subject: 'Физика',
      },
      { id: 'a3', pupilId: child.pupilId, date: '2026-09-09', reason: 'absent' },
      { id: 'a4', pupilId: child.pupilId, date: '2026-09-09', reason: 'sleepy' },
      { id: 'a5', pupilId: child.pupilId, date: '2026-09-09' },
    ];
    const file = JSON.stringify({
      format: 'goskit-ediary',
      version: 1,
      kind: 'attendance',
      schoolId: SCHOOL.id,
      generatedAt: '2026-09-10T10:00:00+03:00',
      records,
    });
    const { report, transfer } = await ediary.transferFile(file, { fileName: 'absences.json' });
    expect(report).toMatchObject({ format: 'json', kind: 'attendance', records: 5, accepted: 3, refused: 2 });
    expect(
      report.deviations.map((deviation) => [deviation.recordId, deviation.code, deviation.path]),
    ).toEqual([
      ['a4', 'JSON_ENUM', '/records/3/reason'],
      ['a5', 'JSON_REQUIRED', '/records/4/reason'],
    ]);
    expect(transfer.batches.map((batch) => batch.records)).toEqual([2, 1]);
    expect(
      outboxOf(sim)
        .find({ recipient: oid, category: 'ediary.absence', channel: 'lk' })
        .map((n) => n.text),
    ).toEqual([
      'Посещаемость: отсутствие по болезни, 07.09.2026',
      'Посещаемость: опоздание (10 мин), 08.09.2026, Физика',
      'Посещаемость: отсутствие, 09.09.2026',
    ]);
  });

  it('schedule changes of a linked child’s class reach the parent; a file of another school stops at its header', async () => {
    const { ediary, oid, child } = await linkedWorld();
    const file = `<schedule xmlns="urn:goskit:ediary:1" schoolId="${SCHOOL.id}" generatedAt="2026-09-10T10:00:00Z">
<lesson id="s1" classId="${child.classId}" className="1А" date="2026-09-11" number="2" subject="Музыка" change="cancelled"/>
</schedule>`;
    const { report } = await ediary.transferFile(file, { fileName: 'schedule.xml' });
    expect(report).toMatchObject({ kind: 'schedule', accepted: 1 });
    expect(
      outboxOf(sim)
        .find({ recipient: oid, category: 'ediary.schedule', channel: 'push' })
        .map((n) => n.text),
    ).toEqual(['Изменение расписания 1А: 11.09.2026, урок 2 «Музыка» отменён']);
    const foreign = await ediary.checkFile(file.replace(SCHOOL.id, 'school-other'), { fileName: 'x.xml' });
    expect(foreign.fatal?.code).toBe('EDIARY_SCHOOL_MISMATCH');
    expect(foreign.records).toBe(0);
  });
});
