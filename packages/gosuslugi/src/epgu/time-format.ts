const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** EPGU's `updatedAfter`: 'YYYY-MM-DDTHH:mm:ss.SSS' without a zone, at `offsetMinutes` from UTC (the client's default 0: UTC, footnote 6). */
export function formatEpguTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/**
 * Reads an EPGU `updated` value: with a zone (Z, +03:00, +0300) as given, without one as EPGU
 * local time. NaN when unreadable.
 */
export function parseEpguTime(text: string, offsetMinutes: number): number {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!match) {
    return Number.NaN;
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = match;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone === undefined) {
    return local - offsetMinutes * 60_000;
  }
  if (zone === 'Z') {
    return local;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^\d]/g, '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  return local - offset * 60_000;
}

/** A Date, epoch ms, or an EPGU time string → epoch ms. */
export function toEpochMs(value: Date | number | string, offsetMinutes: number): number {
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'number') {
    return value;
  }
  return parseEpguTime(value, offsetMinutes);
}
