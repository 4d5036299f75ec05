/**
 * Writes a district export of any size from a seed, streamed: text is produced one pupil at a time
 * and encoded straight into fixed-size chunks, so a 1 GB file costs the same memory as a 1 MB one.
 * The same options give the same bytes. Faults can be injected at a chosen rate; `stats` then says
 * exactly how many records of each kind the file holds and how many a reader must reject.
 */
import { snilsCheckNumber } from '@goskit/validation';
import type { ExportEntryType } from '../export-records.js';
import {
  CLASS_LETTERS_USED,
  NAMES_FEMALE,
  NAMES_MALE,
  PATRONYMIC_ROOTS,
  POSITIONS,
  SUBJECTS,
  SURNAMES_MALE,
} from './demo-names.js';
import { seededRandom } from './seeded-random.js';

/** What a fault breaks; each is reported by the reader with its own code. */
export type ExportFault =
  | 'snils-checksum'
  | 'duplicate-snils'
  | 'bad-name'
  | 'bad-dob'
  | 'bad-mark'
  | 'bad-date'
  | 'bad-absence'
  | 'bad-class'
  | 'bad-employee';

export const EXPORT_FAULTS: readonly ExportFault[] = [
  'snils-checksum',
  'duplicate-snils',
  'bad-name',
  'bad-dob',
  'bad-mark',
  'bad-date',
  'bad-absence',
  'bad-class',
  'bad-employee',
];

export interface ExportGeneratorOptions {
  /** Default 1. */
  seed?: number;
  /** Keep adding schools until about this many bytes are written (then close every element). */
  targetBytes?: number;
  /** Schools when `targetBytes` is not set. Default 1. */
  schools?: number;
  /** Default 8. */
  classesPerSchool?: number;
  /** Default 25. */
  pupilsPerClass?: number;
  /** Default 12. */
  employeesPerSchool?: number;
  /** Default 30. */
  marksPerPupil?: number;
  /** Default 4. */
  absencesPerPupil?: number;
  /** Share of records (0–1) that get one fault from `faults`. Default 0. */
  faultRate?: number;
  /** Which faults to inject. Default all of EXPORT_FAULTS. */
  faults?: readonly ExportFault[];
  /** Size of each emitted chunk in bytes. Default 65 536. */
  chunkSize?: number;
  /** Value of the root's `district` attribute. */
  district?: string;
  /** Pretty-print with newlines and indentation (default true; line numbers then mean something). */
  pretty?: boolean;
}

/** Filled while the file is generated; final once iteration ends. */
export interface ExportGeneratorStats {
  bytes: number;
  /** Entries written, by type. */
  written: Record<ExportEntryType, number>;
  /** Entries a conforming reader must reject (faulty ones and what goes with them), by type. */
  rejected: Record<ExportEntryType, number>;
  /** Faults injected, by kind. */
  faults: Record<ExportFault, number>;
}

export interface ExportGenerator extends Iterable<Uint8Array>, AsyncIterable<Uint8Array> {
  readonly stats: ExportGeneratorStats;
  /** A web ReadableStream of the same bytes (pull-based: nothing is produced ahead of the reader). */
  stream(): ReadableStream<Uint8Array>;
}

const zero = (): Record<ExportEntryType, number> => ({
  school: 0,
  class: 0,
  employee: 0,
  pupil: 0,
  mark: 0,
  absence: 0,
});

export function generateExport(options: ExportGeneratorOptions = {}): ExportGenerator {
  const stats: ExportGeneratorStats = {
    bytes: 0,
    written: zero(),
    rejected: zero(),
    faults: Object.fromEntries(EXPORT_FAULTS.map((fault) => [fault, 0])) as Record<ExportFault, number>,
  };
  const chunkSize = options.chunkSize ?? 65_536;
  if (!Number.isInteger(chunkSize) || chunkSize < 1024) {
    throw new RangeError(`chunkSize must be an integer ≥ 1024, got ${chunkSize}`);
  }
  const faultRate = options.faultRate ?? 0;
  if (!(faultRate >= 0 && faultRate <= 1)) {
    throw new RangeError(`faultRate must be between 0 and 1, got ${faultRate}`);
  }
  let used = false;
  const chunks = function* (): Generator<Uint8Array> {
    if (used) {
      throw new Error('An export generator can be read only once; create another with the same options');
    }
    used = true;
    const encoder = new TextEncoder();
    let chunk = new Uint8Array(chunkSize);
    let filled = 0;
    for (const piece of pieces(options, stats, () => stats.bytes + filled)) {
      let rest = piece;
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, chunk.subarray(filled));
        filled += written;
        if (read === rest.length) {
          break;
        }
        rest = rest.slice(read);
        stats.bytes += filled;
        yield chunk.subarray(0, filled);
        chunk = new Uint8Array(chunkSize);
        filled = 0;
      }
      if (filled >= chunkSize - 8) {
        stats.bytes += filled;
        yield chunk.subarray(0, filled);
        chunk = new Uint8Array(chunkSize);
        filled = 0;
      }
    }
    if (filled > 0) {
      stats.bytes += filled;
      yield chunk.subarray(0, filled);
    }
  };
  return {
    stats,
    [Symbol.iterator]: chunks,
    async *[Symbol.asyncIterator]() {
      yield* chunks();
    },
    stream() {
      const iterator = chunks();
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = iterator.next();
          if (next.done) {
            controller.close();
          } else {
            controller.enqueue(next.value);
          }
        },
        cancel() {
          iterator.return?.(undefined);
        },
      });
    },
  };
}

/** The document as a sequence of text pieces (about one pupil each). */
function* pieces(
  options: ExportGeneratorOptions,
  stats: ExportGeneratorStats,
  bytesSoFar: () => number,
): Generator<string> {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const pretty = options.pretty ?? true;
  const nl = pretty ? '\n' : '';
  const ind = (n: number): string => (pretty ? '  '.repeat(n) : '');
  const target = options.targetBytes;
  const schools = target === undefined ? (options.schools ?? 1) : Number.POSITIVE_INFINITY;
  const classesPerSchool = options.classesPerSchool ?? 8;
  const pupilsPerClass = options.pupilsPerClass ?? 25;
  const employeesPerSchool = options.employeesPerSchool ?? 12;
  const marksPerPupil = options.marksPerPupil ?? 30;
  const absencesPerPupil = options.absencesPerPupil ?? 4;
  const faultRate = options.faultRate ?? 0;
  const faultKinds = options.faults ?? EXPORT_FAULTS;
  const fault = (allowed: readonly ExportFault[]): ExportFault | undefined => {
    if (faultRate === 0 || random() >= faultRate) {
      return undefined;
    }
    const candidates = faultKinds.filter((kind) => allowed.includes(kind));
    return candidates.length === 0 ? undefined : pick(candidates);
  };
  const lessonDays = schoolDays(2025);
  const snilsOffset = (seed * 104_729) % SNILS_SPAN;
  let personCounter = 0;
  let lastSnils: string | undefined;
  const done = (): boolean => target !== undefined && bytesSoFar() >= target;

  yield `<?xml version="1.0" encoding="UTF-8"?>${nl}<export xmlns="urn:goskit:paragraf:export:1" version="1" district="${escapeXml(options.district ?? 'Демо район')}" date="01.09.2025">${nl}`;
  for (let s = 1; s <= schools && !done(); s++) {
    stats.written.school++;
    const inn = innFor(s + seed * 1000);
    yield `${ind(1)}<school id="sch${s}" name="ГБОУ СОШ № ${s}" inn="${inn}" kpp="780101001">${nl}${ind(2)}<staff>${nl}`;
    for (let e = 1; e <= employeesPerSchool; e++) {
      stats.written.employee++;
      const broken = fault(['bad-employee']);
      if (broken) {
        stats.faults[broken]++;
        stats.rejected.employee++;
      }
      personCounter++;
      const vk = random() < 0.7 ? `<vkId>${100_000 + personCounter}</vkId>` : '';
      yield `${ind(3)}<employee suid="e${s}-${e}"><snils>${snilsFor(personCounter, snilsOffset)}</snils><surname>${broken ? 'Пе7ров' : pick(SURNAMES_MALE)}</surname><name>${pick(NAMES_MALE)}</name><patronymic>${pick(PATRONYMIC_ROOTS)}ич</patronymic><position>${pick(POSITIONS)}</position>${vk}</employee>${nl}`;
    }
    yield `${ind(2)}</staff>${nl}`;
    for (let c = 1; c <= classesPerSchool && !done(); c++) {
      stats.written.class++;
      const grade = ((c - 1) % 11) + 1;
      const letter = CLASS_LETTERS_USED[Math.floor((c - 1) / 11) % CLASS_LETTERS_USED.length];
      const badClass = fault(['bad-class']);
      const className = badClass ? `${grade + 11} ${letter}` : `${grade} ${letter}`;
      if (badClass) {
        stats.faults[badClass]++;
        stats.rejected.class++;
      }
      yield `${ind(2)}<class name="${className}" year="2025/2026">${nl}`;
      for (let p = 1; p <= pupilsPerClass && !done(); p++) {
        personCounter++;
        const pupilFault = badClass
          ? undefined
          : fault(['snils-checksum', 'duplicate-snils', 'bad-name', 'bad-dob']);
        const female = random() < 0.5;
        const surname = pick(SURNAMES_MALE);
        let snils = snilsFor(personCounter, snilsOffset);
        let dob = `${pad(1 + Math.floor(random() * 28))}.${pad(1 + Math.floor(random() * 12))}.${2025 - 6 - grade}`;
        let surnameText = female ? feminine(surname) : surname;
        let pupilRejected = badClass !== undefined;
        if (pupilFault === 'snils-checksum') {
          snils = `${snils.slice(0, 12)}${pad((Number(snils.slice(12)) + 1) % 100)}`;
        } else if (pupilFault === 'duplicate-snils' && lastSnils !== undefined) {
          snils = lastSnils;
        } else if (pupilFault === 'bad-name') {
          surnameText = `${surnameText}№1`;
        } else if (pupilFault === 'bad-dob') {
          dob = `31.02.${2025 - 6 - grade}`;
        }
        const pupilCounts =
          pupilFault !== undefined && !(pupilFault === 'duplicate-snils' && lastSnils === undefined);
        if (pupilCounts && pupilFault) {
          stats.faults[pupilFault]++;
          pupilRejected = true;
        }
        if (!pupilRejected) {
          lastSnils = snils;
        }
        stats.written.pupil++;
        if (pupilRejected) {
          stats.rejected.pupil++;
        }
        const patronymic = `${pick(PATRONYMIC_ROOTS)}${female ? 'на' : 'ич'}`;
        let text = `${ind(3)}<pupil suid="${s}${pad(c)}${String(p).padStart(3, '0')}">${nl}${ind(4)}<snils>${snils}</snils>${nl}${ind(4)}<surname>${surnameText}</surname>${nl}${ind(4)}<name>${female ? pick(NAMES_FEMALE) : pick(NAMES_MALE)}</name>${nl}${ind(4)}<patronymic>${patronymic}</patronymic>${nl}${ind(4)}<dob>${dob}</dob>${nl}${ind(4)}<marks>${nl}`;
        for (let m = 0; m < marksPerPupil; m++) {
          stats.written.mark++;
          const markFault = pupilRejected ? undefined : fault(['bad-mark', 'bad-date']);
          if (markFault) {
            stats.faults[markFault]++;
          }
          if (markFault || pupilRejected) {
            stats.rejected.mark++;
          }
          const day = markFault === 'bad-date' ? '30.02.2026' : pick(lessonDays);
          const value = markFault === 'bad-mark' ? '6' : markValue(random());
          text += `${ind(5)}<mark date="${day}" lesson="${1 + Math.floor(random() * 7)}" subject="${pick(SUBJECTS)}" value="${value}"/>${nl}`;
        }
        text += `${ind(4)}</marks>${nl}${ind(4)}<attendance>${nl}`;
        for (let a = 0; a < absencesPerPupil; a++) {
          stats.written.absence++;
          const absenceFault = pupilRejected ? undefined : fault(['bad-absence']);
          if (absenceFault) {
            stats.faults[absenceFault]++;
          }
          if (absenceFault || pupilRejected) {
            stats.rejected.absence++;
          }
          const reason = absenceFault ? 'x' : pick(ABSENCE);
          text += `${ind(5)}<absence date="${pick(lessonDays)}" lesson="${1 + Math.floor(random() * 7)}" reason="${reason}"/>${nl}`;
        }
        yield `${text}${ind(4)}</attendance>${nl}${ind(3)}</pupil>${nl}`;
      }
      yield `${ind(2)}</class>${nl}`;
    }
    yield `${ind(1)}</school>${nl}`;
  }
  yield `</export>${nl}`;
}

const ABSENCE = ['н', 'н', 'б', 'уп'] as const;
const SNILS_SPAN = 997_000_000;
const SNILS_STEP = 7_919_731;

/** A unique, valid СНИЛС per person number: a bijection of the counter onto 9-digit bodies above the exempt range. */
function snilsFor(n: number, offset: number): string {
  const body = String(1_002_000 + ((n * SNILS_STEP + offset) % SNILS_SPAN)).padStart(9, '0');
  return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6, 9)} ${snilsCheckNumber(body)}`;
}

/** A valid 10-digit ИНН for a school number (Saint Petersburg's region prefix 78). */
function innFor(n: number): string {
  const body = `78${String(10_000_000 + (n % 89_999_999)).slice(-7)}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += Number(body[i]) * (weights[i] as number);
  }
  return `${body}${(sum % 11) % 10}`;
}

const MARK_THRESHOLDS = [0.35, 0.7, 0.88, 0.93, 0.97];
const MARK_VALUES = ['5', '4', '3', '2', 'зч', 'н'];

function markValue(r: number): string {
  const index = MARK_THRESHOLDS.findIndex((threshold) => r < threshold);
  return MARK_VALUES[index === -1 ? MARK_VALUES.length - 1 : index] as string;
}

function feminine(surname: string): string {
  return surname.endsWith('ов') || surname.endsWith('ев') || surname.endsWith('ёв') || surname.endsWith('ин')
    ? `${surname}а`
    : surname;
}

function schoolDays(year: number): string[] {
  const days: string[] = [];
  const date = new Date(Date.UTC(year, 8, 1));
  while (days.length < 170) {
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      days.push(`${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`);
    }
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return days;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}
