import { AbortError, InvalidOptionsError, type Paginated, paginate } from '@goskit/core';
import { describe, expect, it } from 'vitest';

const data = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }));

/** A page-number API: 10 per page, reports total pages. */
function pageNumberApi(calls: number[]) {
  return paginate<{ id: number }, never>(async ({ page }) => {
    calls.push(page);
    const items = data.slice((page - 1) * 10, page * 10);
    return { items, hasMore: page < Math.ceil(data.length / 10) };
  });
}

/** A cursor API: the cursor is the last id seen. */
function cursorApi(cursors: (string | undefined)[]) {
  return paginate<{ id: number }>(async ({ cursor }) => {
    cursors.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = data.slice(start, start + 8);
    const last = items.at(-1);
    return { items, nextCursor: last && last.id < data.length ? String(last.id) : null };
  });
}

describe('paginate', () => {
  it('iterates every item of a page-number API', async () => {
    const calls: number[] = [];
    const seen: number[] = [];
    for await (const item of pageNumberApi(calls)) {
      seen.push(item.id);
    }
    expect(seen).toEqual(data.map((d) => d.id));
    expect(calls).toEqual([1, 2, 3]);
  });

  it('follows cursors until the API returns none', async () => {
    const cursors: (string | undefined)[] = [];
    const all = await cursorApi(cursors).toArray({ limit: 1000 });
    expect(all).toHaveLength(23);
    expect(cursors).toEqual([undefined, '8', '16']);
  });

  it('toArray stops fetching as soon as the limit is reached', async () => {
    const calls: number[] = [];
    const some = await pageNumberApi(calls).toArray({ limit: 12 });
    expect(some.map((d) => d.id)).toEqual(data.slice(0, 12).map((d) => d.id));
    expect(calls).toEqual([1, 2]);
  });

  it('toArray without a limit throws a typed error', async () => {
    const pages = pageNumberApi([]) as Paginated<{ id: number }> & {
      toArray(options?: unknown): Promise<unknown>;
    };
    await expect(pages.toArray()).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(pages.toArray({ limit: -1 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(pages.toArray({ limit: 0 })).resolves.toEqual([]);
  });

  it('iterates pages, stops at maxPages and honours abort', async () => {
    const endless = paginate<number, number>(async ({ page }) => ({ items: [page], nextCursor: page }), {
      maxPages: 4,
    });
    const pages: (readonly number[])[] = [];
    for await (const page of endless.pages()) {
      pages.push(page);
    }
    expect(pages).toEqual([[1], [2], [3], [4]]);

    const controller = new AbortController();
    const aborting = paginate<number, number>(
      async ({ page }) => {
        if (page === 2) {
          controller.abort();
        }
        return { items: [page], nextCursor: page };
      },
      { signal: controller.signal },
    );
    await expect(aborting.toArray({ limit: 100 })).rejects.toBeInstanceOf(AbortError);
  });

  it('an empty page without an explicit hasMore ends a cursor API', async () => {
    let calls = 0;
    const api = paginate<number>(async () => {
      calls += 1;
      return { items: [], nextCursor: 'same' };
    });
    await expect(api.toArray({ limit: 10 })).resolves.toEqual([]);
    expect(calls).toBe(1);
  });
});
