import { BadRequestError } from '../engine/errors.js';
import { compileSafePattern } from '../engine/faults/safe-pattern.js';
import type { JournalPattern } from '../engine/types.js';
import type { JournalPatternBody } from './schemas.js';

/** A bad journal query parameter: the control API answers 400 INVALID_QUERY naming the field. */
export class JournalQueryError extends BadRequestError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'JournalQueryError';

  constructor(field: string, message: string) {
    super(field, 'range', message);
  }
}

const DEFAULT_LIMIT = 100;

/** Reads ?portal&operation&method&path&pathRegex&status&since&limit into a journal pattern. */
export function patternFromQuery(query: URLSearchParams): { pattern: JournalPattern; limit: number } {
  const body: JournalPatternBody = {};
  for (const key of ['portal', 'operation', 'method', 'path', 'pathRegex', 'since'] as const) {
    const value = query.get(key);
    if (value !== null && value.length > 0) {
      body[key] = value;
    }
  }
  const status = query.get('status');
  if (status !== null && status.length > 0) {
    const code = Number(status);
    if (!Number.isInteger(code) || code < 100 || code > 599) {
      throw new JournalQueryError('query.status', 'query.status: expected an HTTP status code 100–599');
    }
    body.status = code;
  }
  const limitText = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null && limitText.length > 0) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
      throw new JournalQueryError('query.limit', 'query.limit: expected an integer 1–100000');
    }
  }
  return { pattern: toPattern(body, 'query'), limit };
}

/** Converts the JSON form (path regex as a string) into the engine's pattern. */
export function toPattern(body: JournalPatternBody, where: 'query' | 'body.pattern'): JournalPattern {
  const pattern: JournalPattern = {};
  if (body.portal !== undefined) {
    pattern.portal = body.portal;
  }
  if (body.operation !== undefined) {
    pattern.operation = body.operation;
  }
  if (body.method !== undefined) {
    pattern.method = body.method.toUpperCase();
  }
  if (body.status !== undefined) {
    pattern.status = body.status;
  }
  if (body.since !== undefined) {
    pattern.since = body.since;
  }
  if (body.pathRegex !== undefined) {
    try {
      // Linear-time matcher: a pattern from the network never runs in the backtracking engine.
      pattern.path = compileSafePattern(body.pathRegex);
    } catch (error) {
      throw new JournalQueryError(
        `${where}.pathRegex`,
        `${where}.pathRegex: ${error instanceof Error ? error.message : 'not a valid regular expression'}`,
      );
    }
  } else if (body.path !== undefined) {
    pattern.path = body.path;
  }
  return pattern;
}
