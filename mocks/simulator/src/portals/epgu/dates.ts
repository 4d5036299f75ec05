/**
 * EPGU date formats. Order details carry `2022-07-25T13:01:52.121+0300` (Moscow time with its
 * offset, as in the spec's example). The status pages speak `YYYY-MM-DDTHH:mm:ss.SSS` without a zone
 * in UTC: `updatedAfter` by the spec's footnote 6 («Указывается для часового пояса UTC»), `updated`
 * in the same format and zone so one page's `updated` can be the next query's `updatedAfter`
 * [the zone of `updated` is unconfirmed].
 */
const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;

export function mskDateTime(ms: number): string {
  const local = new Date(ms + MSK_OFFSET_MS).toISOString(); // 2023-11-02T04:27:22.586Z shifted to MSK
  return `${local.slice(0, 23)}+0300`;
}

/** The status pages' `updated`: UTC, `YYYY-MM-DDTHH:mm:ss.SSS`. */
export function utcPageTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

const UPDATED_AFTER = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/** Epoch ms of an `updatedAfter` value (UTC), or undefined when it is not in the spec's format. */
export function parseUpdatedAfter(text: string): number | undefined {
  const match = UPDATED_AFTER.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second, milli] = match.slice(1).map(Number) as number[];
  const ms = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, milli);
  const check = new Date(ms);
  // Reject 2026-02-31 and friends instead of letting Date roll them over.
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== (month as number) - 1 ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return ms;
}
