/**
 * Edit distance, the one implementation behind every "did you mean" (404 nearest route, control API
 * nearest route, journal near misses). Bounded: inputs are cut to MAX_COMPARED_CHARS, and the
 * search for the nearest candidate skips candidates whose length difference alone already loses and
 * stops a row early once it cannot win — a 15 000-character path costs as much as a 256-character one.
 */

/** Characters of each input compared at most (route paths are far shorter). */
export const MAX_COMPARED_CHARS = 256;

/**
 * Levenshtein distance of `a` and `b` (both cut to MAX_COMPARED_CHARS). With `limit`, returns
 * `limit + 1` as soon as the distance is known to exceed it.
 */
export function levenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const left = a.length > MAX_COMPARED_CHARS ? a.slice(0, MAX_COMPARED_CHARS) : a;
  const right = b.length > MAX_COMPARED_CHARS ? b.slice(0, MAX_COMPARED_CHARS) : b;
  if (left === right) {
    return 0;
  }
  if (Math.abs(left.length - right.length) > limit) {
    return limit + 1;
  }
  let previous = new Uint16Array(right.length + 1);
  let current = new Uint16Array(right.length + 1);
  for (let j = 0; j <= right.length; j += 1) {
    previous[j] = j;
  }
  for (let i = 1; i <= left.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const code = left.charCodeAt(i - 1);
    for (let j = 1; j <= right.length; j += 1) {
      const cost = code === right.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current[j] = value;
      if (value < rowMin) {
        rowMin = value;
      }
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length] as number;
}

/** 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.min(MAX_COMPARED_CHARS, Math.max(a.length, b.length));
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/** The candidate closest to `input` (first of equals), or undefined when there are none. */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(input, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) {
        break;
      }
    }
  }
  return best;
}
