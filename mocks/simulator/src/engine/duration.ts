import { SimulatorError } from './errors.js';

// PnW or PnDTnHnMnS (fractions allowed on the last unit); years/months are ambiguous on a clock, so refused.
const ISO_DURATION =
  /^(-)?P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;

/** Milliseconds of an ISO-8601 duration ('PT1H', 'P1DT2H30M', 'PT0.5S') or a finite number of ms. */
export function parseDuration(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new SimulatorError('INVALID_DURATION', `duration must be a finite number of ms, got ${input}`);
    }
    return input;
  }
  const match = ISO_DURATION.exec(input.trim());
  if (!match || input.trim() === 'P' || /T$/.test(input.trim())) {
    throw new SimulatorError(
      'INVALID_DURATION',
      `invalid ISO-8601 duration ${JSON.stringify(input.slice(0, 40))}; use e.g. 'PT1H', 'P1DT30M', 'PT0.5S' or milliseconds`,
    );
  }
  let total = 0;
  let seen = false;
  for (let i = 0; i < UNIT_MS.length; i += 1) {
    const part = match[i + 2];
    if (part !== undefined) {
      seen = true;
      total += Number(part.replace(',', '.')) * (UNIT_MS[i] ?? 0);
    }
  }
  if (!seen) {
    throw new SimulatorError(
      'INVALID_DURATION',
      `ISO-8601 duration ${JSON.stringify(input)} names no amount`,
    );
  }
  return Math.round(match[1] ? -total : total);
}
