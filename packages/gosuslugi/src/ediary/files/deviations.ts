/**
 * The deviations report of one checked file: every problem counted by code, the first
 * `maxDeviations` kept with line, path, record id and rule (ru + en) — never a value — as JSON and
 * as a human-readable table. `error` refuses the record, `skipped` means it is fine but has no
 * addressee on Gosuslugi (a child not linked), `fatal` stopped the reading.
 */
import type { LocalizedText } from '@goskit/validation';
import type { FileKind } from '../models.js';

export type DeviationSeverity = 'error' | 'skipped' | 'fatal';

export interface Deviation {
  /** 1-based line the record (or the problem) starts on; 0 when unknown. */
  line: number;
  /** '/marks/mark[12]/@value' (XML) or '/records/11/value' (JSON). */
  path: string;
  /** The record's own id, when it has one (ids are the school's, not personal data). */
  recordId?: string;
  code: string;
  rule: LocalizedText;
  severity: DeviationSeverity;
  /** The type, facet or particle involved (English), never the value. */
  detail?: string;
}

export interface DeviationReport {
  file: string;
  format: 'xml' | 'json';
  kind: FileKind | undefined;
  schoolId: string;
  /** ISO time of the check (the client's clock). */
  checkedAt: string;
  /** Records read. */
  records: number;
  /** Records that passed every check (and, in a transfer, were sent). */
  accepted: number;
  /** Records with an error. */
  refused: number;
  /** Records for children not linked to Gosuslugi. */
  skipped: number;
  /** Every deviation found, also past `maxDeviations`. */
  deviationCount: number;
  byCode: Record<string, number>;
  /** True when `deviations` was cut at `maxDeviations`. */
  truncated: boolean;
  deviations: Deviation[];
  /** Why reading stopped early; absent when the whole file was read. */
  fatal?: Deviation;
}

export class DeviationCollector {
  readonly #max: number;
  readonly #byCode = new Map<string, number>();
  readonly deviations: Deviation[] = [];
  count = 0;
  truncated = false;

  constructor(max: number) {
    this.#max = max;
  }

  add(deviation: Deviation): void {
    this.count++;
    this.#byCode.set(deviation.code, (this.#byCode.get(deviation.code) ?? 0) + 1);
    if (this.deviations.length < this.#max) {
      this.deviations.push(deviation);
    } else {
      this.truncated = true;
    }
  }

  byCode(): Record<string, number> {
    return Object.fromEntries([...this.#byCode].sort((a, b) => b[1] - a[1]));
  }
}

const HEADINGS = {
  ru: { line: 'Строка', path: 'Путь', record: 'Запись', code: 'Код', rule: 'Правило' },
  en: { line: 'Line', path: 'Path', record: 'Record', code: 'Code', rule: 'Rule' },
} as const;

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The report as a fixed-width table for a console, a log or an e-mail; `limit` rows (default 50). */
export function formatDeviationTable(
  report: DeviationReport,
  options: { language?: 'ru' | 'en'; limit?: number } = {},
): string {
  const language = options.language ?? 'ru';
  const heading = HEADINGS[language];
  const summary =
    language === 'ru'
      ? `Файл ${report.file} (${report.format}, ${report.kind ?? '?'}): записей ${report.records}, принято ${report.accepted}, отклонено ${report.refused}, не передано (нет связи) ${report.skipped}, отклонений ${report.deviationCount}`
      : `File ${report.file} (${report.format}, ${report.kind ?? '?'}): ${report.records} records, ${report.accepted} accepted, ${report.refused} refused, ${report.skipped} not sent (not linked), ${report.deviationCount} deviations`;
  const rows = [...(report.fatal ? [report.fatal] : []), ...report.deviations]
    .slice(0, options.limit ?? 50)
    .map((deviation) => [
      deviation.line > 0 ? String(deviation.line) : '',
      cut(deviation.path, 40),
      cut(deviation.recordId ?? '', 20),
      deviation.code,
      deviation.rule[language],
    ]);
  const header = [heading.line, heading.path, heading.record, heading.code, heading.rule];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padStart(widths[0] as number) : cell.padEnd(widths[column] as number),
      )
      .join(' | ')
      .trimEnd();
  const more =
    report.deviationCount > rows.length
      ? [
          language === 'ru'
            ? `… и ещё ${report.deviationCount - rows.length}`
            : `… and ${report.deviationCount - rows.length} more`,
        ]
      : [];
  return [
    summary,
    '',
    line(header),
    widths.map((width) => '-'.repeat(width)).join('-+-'),
    ...rows.map(line),
    ...more,
  ].join('\n');
}
