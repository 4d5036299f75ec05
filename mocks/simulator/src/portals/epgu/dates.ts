/**
 * EPGU date formats. Orders carry `2023-11-02T07:27:22.586+0300` (Moscow time, as in a real order);
 * getUpdatedAfter takes `YYYY-MM-DDTHH:mm:ss.SSS` without a zone, read as Moscow time [unconfirmed].
 */
const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;

export function mskDateTime(ms: number): string {
  const local = new Date(ms + MSK_OFFSET_MS).toISOString(); // 2023-11-02T04:27:22.586Z shifted to MSK
  return `${local.slice(0, 23)}+0300`;
}

const UPDATED_AFTER = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/** Epoch ms of an `updatedAfter` value, or undefined when it is not in the documented format. */
export function parseUpdatedAfter(text: string): number | undefined {
  const match = UPDATED_AFTER.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second, milli] = match.slice(1).map(Number) as number[];
  const ms = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, milli);
  const check = new Date(ms);
  // Reject 2026-02-31 and friends instead of letting Date roll them over.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== (month as number) - 1 || (hour as number) > 23) {
    return undefined;
  }
  return ms - MSK_OFFSET_MS;
}
