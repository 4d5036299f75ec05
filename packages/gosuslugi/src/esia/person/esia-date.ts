const DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/**
 * ESIA writes dates as 'dd.MM.yyyy'. Models keep that text; this turns it into a Date at UTC
 * midnight (a calendar date, no time zone games), or undefined when it is not a real date.
 */
export function parseEsiaDate(text: string | undefined): Date | undefined {
  const match = text === undefined ? null : DATE.exec(text);
  if (!match) {
    return undefined;
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : undefined;
}

/** 'yyyy-MM-dd' of an ESIA date, for databases and <input type="date">. */
export function esiaDateToIso(text: string | undefined): string | undefined {
  return parseEsiaDate(text)?.toISOString().slice(0, 10);
}
