/**
 * Checks on input before anything is sent: ids that go into URL paths, idempotency keys, external
 * ids, page limits. Failures are GospochtaValidationError naming the field and the rule (ru/en).
 */
import { GospochtaValidationError, type InputIssue } from '../errors/validation-failed-error.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,255}$/;
const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,128}$/;
const CURSOR = /^[A-Za-z0-9_.~-]{1,512}$/;

export function issue(field: string, code: string, ru: string, en: string): InputIssue {
  return { field, code, message: { ru, en } };
}

export function fail(issues: InputIssue[]): never {
  throw new GospochtaValidationError(issues);
}

/** An id for a URL path segment: 1–64 of `A–Z a–z 0–9 _ -` (so `../` or `?` can never reach the path). */
export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    fail([
      issue(
        field,
        'ID_FORMAT',
        'Идентификатор: 1–64 символа A–Z, a–z, 0–9, «_», «-».',
        'An id is 1–64 of A–Z, a–z, 0–9, "_", "-".',
      ),
    ]);
  }
  return value;
}

export function checkIdempotencyKey(value: unknown, field = 'idempotencyKey'): string {
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    fail([
      issue(
        field,
        'IDEMPOTENCY_KEY_FORMAT',
        'Ключ идемпотентности: 8–255 символов A–Z, a–z, 0–9, «.», «_», «:», «-».',
        'An idempotency key is 8–255 of A–Z, a–z, 0–9, ".", "_", ":", "-".',
      ),
    ]);
  }
  return value;
}

export function checkExternalId(value: unknown, field = 'externalId'): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !EXTERNAL_ID.test(value)) {
    fail([
      issue(
        field,
        'EXTERNAL_ID_FORMAT',
        'Внешний идентификатор: 1–128 символов A–Z, a–z, 0–9, «.», «_», «:», «/», «-» (без персональных данных).',
        'An external id is 1–128 of A–Z, a–z, 0–9, ".", "_", ":", "/", "-" (no personal data).',
      ),
    ]);
  }
  return value;
}

/**
 * A page's limit and cursor. `filter` is the caller's filter object: a `cursor` there is refused —
 * the cursor is `listPage`'s second argument, and one put in the filter would be ignored, so a loop
 * following `nextCursor` would fetch the first page forever.
 */
export function checkPage(options: {
  cursor?: string | undefined;
  limit?: number | undefined;
  filter?: object | undefined;
}): void {
  if (options.filter !== undefined && options.filter !== null && Object.hasOwn(options.filter, 'cursor')) {
    fail([
      issue(
        'cursor',
        'CURSOR_PLACE',
        'Курсор страницы передаётся вторым аргументом listPage, а не в фильтре.',
        "The page cursor is listPage's second argument, not a filter field.",
      ),
    ]);
  }
  if (
    options.limit !== undefined &&
    (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 100)
  ) {
    fail([issue('limit', 'LIMIT_RANGE', 'limit — целое от 1 до 100.', 'limit is an integer from 1 to 100.')]);
  }
  if (options.cursor !== undefined && !CURSOR.test(options.cursor)) {
    fail([issue('cursor', 'CURSOR_FORMAT', 'Курсор страницы повреждён.', 'The page cursor is malformed.')]);
  }
}
