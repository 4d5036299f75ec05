import { CryptoError } from '../errors.js';

/** Moscow time (UTC+3, no DST since 2014) — ESIA's own zone; chosen so output does not depend on the server's TZ. */
export const MOSCOW_OFFSET_MINUTES = 180;

export interface EsiaTimestampOptions {
  /**
   * Offset east of UTC, in minutes, or 'local' for the machine's own offset at that instant.
   * Default 180 (+0300). ESIA compares instants, so any correct offset is accepted; +0000 works too.
   */
  offsetMinutes?: number | 'local';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Formats an instant as ESIA's `timestamp` parameter: `yyyy.MM.dd HH:mm:ss +hhmm`. */
export function esiaTimestamp(date: Date = new Date(), options: EsiaTimestampOptions = {}): string {
  if (Number.isNaN(date.getTime())) {
    throw new CryptoError('INVALID_INPUT', 'esiaTimestamp needs a valid Date');
  }
  const offset =
    options.offsetMinutes === 'local'
      ? 0 - date.getTimezoneOffset()
      : (options.offsetMinutes ?? MOSCOW_OFFSET_MINUTES);
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    throw new CryptoError('INVALID_INPUT', 'Timestamp offset must be whole minutes within ±14 h');
  }
  const shifted = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}.${pad(shifted.getUTCMonth() + 1)}.${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const PATTERN = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** Parsed ESIA timestamp: the instant and the offset it was written with. */
export interface ParsedEsiaTimestamp {
  date: Date;
  offsetMinutes: number;
}

/**
 * Parses `yyyy.MM.dd HH:mm:ss ±hhmm` strictly (what the simulator checks for ESIA-007015).
 * Rejects impossible dates (2025.02.30) instead of rolling them over.
 */
export function parseEsiaTimestamp(text: string): ParsedEsiaTimestamp {
  const match = PATTERN.exec(text);
  if (!match) {
    throw new CryptoError('INVALID_INPUT', 'Timestamp is not in the yyyy.MM.dd HH:mm:ss +hhmm format');
  }
  const [year, month, day, hour, minute, second, , offH, offM] = match.slice(1).map(Number) as number[];
  const offsetMinutes = (match[7] === '-' ? -1 : 1) * ((offH as number) * 60 + (offM as number));
  const local = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second);
  // Date.UTC rolls impossible values over instead of failing. A day its month does not have
  // (02.30, 09.00) always lands in another month, so comparing the month catches it; the time of
  // day and the offset are range-checked directly.
  if (
    new Date(local).getUTCMonth() !== (month as number) - 1 ||
    (hour as number) > 23 ||
    (minute as number) > 59 ||
    (second as number) > 59 ||
    (offM as number) > 59 ||
    Math.abs(offsetMinutes) > 14 * 60
  ) {
    throw new CryptoError('INVALID_INPUT', 'Timestamp has an impossible date, time or offset');
  }
  return { date: new Date(local - offsetMinutes * 60_000), offsetMinutes: offsetMinutes + 0 };
}
