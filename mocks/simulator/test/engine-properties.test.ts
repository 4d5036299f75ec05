import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingJournal } from '../src/engine/journal.js';
import { Router } from '../src/engine/router.js';
import type { JournalEntry } from '../src/index.js';
import { parseDuration } from '../src/index.js';

const entry = (id: number): JournalEntry => ({
  id,
  time: new Date(id * 1000).toISOString(),
  portal: 'p',
  operation: 'op',
  method: 'GET',
  url: 'https://x.test/',
  path: '/',
  status: 200,
  effects: [],
  durationMs: 0,
});

describe('properties', () => {
  it('the journal keeps exactly the newest min(n, capacity) entries, oldest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 100 }), (capacity, n) => {
        const journal = new RingJournal(capacity);
        for (let i = 1; i <= n; i += 1) {
          journal.append(entry(journal.nextId()));
        }
        const kept = Math.min(n, capacity);
        expect(journal.size).toBe(kept);
        expect(journal.entries().map((e) => e.id)).toEqual(
          Array.from({ length: kept }, (_, i) => n - kept + i + 1),
        );
      }),
    );
  });

  it('PnDTnHnMnS durations add up', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(23), fc.nat(59), fc.nat(59), (d, h, m, s) => {
        const expected = ((d * 24 + h) * 60 + m) * 60_000 + s * 1000;
        expect(parseDuration(`P${d}DT${h}H${m}M${s}S`)).toBe(expected);
      }),
    );
  });

  it('the router finds every declared route and fills its params', () => {
    const segment = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 12,
          selector: (s) => s.join('/'),
        }),
        (paths) => {
          const routes = paths.map((parts, index) => ({
            method: 'GET',
            path: `/${parts.join('/')}/:id`,
            operation: `op${index}`,
            handler: () => ({ status: 200, headers: {} }),
          }));
          const router = new Router(routes);
          routes.forEach((route, index) => {
            const match = router.match('GET', route.path.replace(':id', `v${index}`));
            expect(match.kind).toBe('found');
            if (match.kind === 'found') {
              expect(match.params.id).toBe(`v${index}`);
              expect(match.route.path.split('/').length).toBe(route.path.split('/').length);
            }
          });
        },
      ),
    );
  });
});
