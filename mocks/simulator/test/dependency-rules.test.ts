import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repo, 'scripts/check-dependencies.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'goskit-deps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the check on a copy of the simulator's sources with one extra file planted. */
function checkWith(relativePath: string, source: string) {
  const tree = mkdtempSync(join(scratch, 'tree-'));
  cpSync(join(repo, 'mocks/simulator/src'), join(tree, 'mocks/simulator/src'), { recursive: true });
  writeFileSync(join(tree, 'mocks/simulator/src', relativePath), source);
  return spawnSync(process.execPath, [script, tree], { encoding: 'utf8' });
}

describe('dependency rules (pnpm lint)', () => {
  it('hold in the repository', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fail when the engine imports a portal', () => {
    const result = checkWith('engine/bad.ts', "import { esiaPortal } from '../portals/esia/index.js';\n");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/engine\/bad\.ts: engine\/ must not import portals\//);
  });

  it("fail when a portal imports another portal's internals", () => {
    const result = checkWith(
      'portals/epgu/bad.ts',
      "export { signingKey } from '../esia/signing-keys.js';\n",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/portal epgu imports portal esia's internals/);
  });

  it('fail when the engine loads the roster lazily', () => {
    const result = checkWith('engine/lazy.ts', "export const load = () => import('../roster/index.js');\n");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/engine\/ must not import roster\//);
  });
});
