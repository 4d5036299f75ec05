import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { toAbortError } from '../util/abort-reason.js';

/** What `fetchPage` receives: the 1-based page number and the cursor the previous page returned. */
export interface PageRequest<C> {
  page: number;
  cursor: C | undefined;
  signal: AbortSignal | undefined;
}

/**
 * One page. Cursor style: return `nextCursor` (absent/null ends). Page-number style: return
 * `hasMore` (e.g. `page < totalPages`). An explicit `hasMore: false` always ends.
 */
export interface Page<T, C> {
  items: readonly T[];
  nextCursor?: C | null | undefined;
  hasMore?: boolean;
}

export interface PaginateOptions {
  signal?: AbortSignal;
  /** Safety stop against portals that never say "last page". Default 10 000. */
  maxPages?: number;
}

export interface ToArrayOptions {
  /** Required: the most items to collect. Unbounded collection is how a batch job eats a server. */
  limit: number;
}

export interface Paginated<T> extends AsyncIterable<T> {
  /** Iterates whole pages instead of items. */
  pages(): AsyncIterable<readonly T[]>;
  /** Collects up to `limit` items; stops fetching as soon as it has them. */
  toArray(options: ToArrayOptions): Promise<T[]>;
}

/** Lazy async iteration over a paged API (stripe autoPagingToArray, octokit iterator). */
export function paginate<T, C = string>(
  fetchPage: (request: PageRequest<C>) => Promise<Page<T, C>>,
  options: PaginateOptions = {},
): Paginated<T> {
  const maxPages = options.maxPages ?? 10_000;
  const { signal } = options;

  async function* pages(): AsyncGenerator<readonly T[]> {
    let cursor: C | undefined;
    for (let page = 1; page <= maxPages; page += 1) {
      if (signal?.aborted) {
        throw toAbortError(signal, 'Pagination');
      }
      const result = await fetchPage({ page, cursor, signal });
      yield result.items;
      const hasNextCursor = result.nextCursor !== undefined && result.nextCursor !== null;
      const more = result.hasMore ?? (hasNextCursor && result.items.length > 0);
      if (!more) {
        return;
      }
      cursor = hasNextCursor ? (result.nextCursor as C) : undefined;
    }
  }

  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) {
      yield* page;
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray(toArrayOptions?: ToArrayOptions) {
      const limit = toArrayOptions?.limit;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
        throw new InvalidOptionsError(
          'toArray() needs { limit }: a non-negative integer bound on the items to collect',
        );
      }
      const out: T[] = [];
      if (limit === 0) {
        return out;
      }
      for await (const item of items()) {
        out.push(item);
        if (out.length >= limit) {
          break;
        }
      }
      return out;
    },
  };
}
