/**
 * A marks file of the school's system as the administrator uploads it (goskit's XML format,
 * `urn:goskit:ediary:1`), with the mistakes the checks exist for: a mark 6, a negative mark, an
 * unknown pupil, a repeated id and a date in the future, beside two good marks. Record ids carry the
 * time, so the file can be sent again and again (the feed applies an id only once).
 */
import { dayAt } from '@goskit/gosuslugi';

const MOSCOW = 180;
const DAY = 86_400_000;

export function sampleMarksFile(schoolId: string, pupilId: string, nowMs: number): string {
  const yesterday = dayAt(nowMs - DAY, MOSCOW);
  const nextMonth = dayAt(nowMs + 30 * DAY, MOSCOW);
  const run = nowMs.toString(36);
  const mark = (n: number | string, pupil: string, date: string, subject: string, value: string) =>
    `  <mark id="f${run}-${n}" pupilId="${pupil}" date="${date}" subject="${subject}" value="${value}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<marks xmlns="urn:goskit:ediary:1" schoolId="${schoolId}" generatedAt="${new Date(nowMs).toISOString()}">`,
    mark(1, pupilId, yesterday, 'Русский язык', '5'),
    mark(2, pupilId, yesterday, 'Химия', '6'),
    mark(3, pupilId, yesterday, 'Биология', '-1'),
    mark(4, 'pupil-unknown', yesterday, 'Математика', '4'),
    mark(1, pupilId, yesterday, 'История', '3'),
    mark(5, pupilId, nextMonth, 'Математика', '4'),
    mark(6, pupilId, yesterday, 'Физкультура', 'зч'),
    '</marks>',
    '',
  ].join('\n');
}
