/**
 * The operation names in the docs come from the portals' route lists (scripts/operation-docs.ts, run
 * by `pnpm generate` and checked by `pnpm generate:check` in CI): docs/operations.md is current and
 * no doc names an operation a built-in portal does not have — the drift of `token.exchange` again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkMentions,
  mentionsIn,
  renderOperationsDoc,
  repositoryFiles,
  tableOperations,
} from '../scripts/operation-docs.js';
import { builtInPortals } from '../src/portals/index.js';

describe('operation names in the docs', () => {
  it('docs/operations.md is what the route lists give (`pnpm generate` rewrites it)', () => {
    const current = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
    expect(current).toBe(renderOperationsDoc(builtInPortals()));
    expect(current).toContain('| `token` | `POST /aas/oauth2/v3/te` |');
    expect(current).not.toContain('token.exchange');
  });

  it('finds portal/operation pairs in either order and the Operation column of a portal doc', () => {
    const text =
      "x\nsim.faults.addRule({ portal: 'esia', operation: 'token.exchange' });\nverify(1, { operation: \"getPerson\", method: 'GET', portal: \"esia\" })";
    expect(mentionsIn('f.md', text)).toEqual([
      { file: 'f.md', line: 2, portal: 'esia', operation: 'token.exchange' },
      { file: 'f.md', line: 3, portal: 'esia', operation: 'getPerson' },
    ]);
    const table =
      '| Route | Operation | What |\n| --- | --- | --- |\n| `GET /x` | `authorize` | a |\n| `GET, POST /login` | `login.page`, `login.submit` | b |\n\ntext';
    expect(tableOperations(table).map((entry) => entry.operation)).toEqual([
      'authorize',
      'login.page',
      'login.submit',
    ]);
  });

  it('reports an unknown operation of a built-in portal with its file, line and the valid names', () => {
    const problems = checkMentions(builtInPortals(), [
      {
        file: 'a.md',
        text: "{ portal: 'esia', operation: 'token.exchange' }\n{ portal: 'mine', operation: 'x' }",
      },
      {
        file: 'docs/epgu-portal.md',
        text: '| Route | Operation |\n| - | - |\n| `POST /x` | `createOrders` |',
      },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^a\.md:1: portal esia has no operation "token\.exchange" \(its operations: authorize, .*\btoken\b/,
      ),
      expect.stringMatching(/^docs\/epgu-portal\.md:3: portal epgu has no operation "createOrders"/),
    ]);
  });

  it('no doc, README or source comment of the repository names an operation that does not exist', () => {
    expect(checkMentions(builtInPortals(), repositoryFiles())).toEqual([]);
  });
});
