import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/*
 * Runs the system `openssl` with the GOST engine for cross-checks. On Debian 12/13 (OpenSSL 3.0 +
 * libengine-gost-openssl 3.0.x) passing `-engine gost` to every command is enough: the engine is
 * found in the default engines directory and no openssl.cnf change is needed. The engine prints
 * 'Engine "gost" set.' on stderr, which we ignore.
 *
 * Without the engine the OpenSSL tests are skipped with the reason below — except in CI
 * (process.env.CI === 'true'), where a missing engine fails the run instead of hiding it.
 */

const execFileAsync = promisify(execFile);

export interface OpenSslGostStatus {
  readonly available: boolean;
  readonly reason: string;
}

function detect(): OpenSslGostStatus {
  const probe = spawnSync('openssl', ['dgst', '-engine', 'gost', '-md_gost12_256'], {
    input: '',
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.error) {
    return { available: false, reason: `openssl not runnable: ${probe.error.message}` };
  }
  if (
    probe.status !== 0 ||
    !probe.stdout.includes('3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb')
  ) {
    return {
      available: false,
      reason:
        'openssl has no working GOST engine (install libengine-gost-openssl): `openssl dgst -engine gost -md_gost12_256` failed',
    };
  }
  return { available: true, reason: 'openssl with the GOST engine is available' };
}

export const opensslGost: OpenSslGostStatus = detect();

if (!opensslGost.available && process.env.CI === 'true') {
  throw new Error(`OpenSSL GOST cross-checks are mandatory in CI: ${opensslGost.reason}`);
}

/** Use as `describe.skipIf(skipOpenSsl)(…)`; prints why once when skipping. */
export const skipOpenSsl = !opensslGost.available;
if (skipOpenSsl) {
  process.stderr.write(`[openssl tests skipped] ${opensslGost.reason}\n`);
}

/** Runs `openssl <args>` (add '-engine', 'gost' yourself where the command needs it). */
export async function openssl(args: readonly string[], options: { cwd?: string } = {}): Promise<Uint8Array> {
  try {
    const { stdout } = await execFileAsync('openssl', [...args], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 30_000,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    return new Uint8Array(stdout);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? '';
    throw new Error(`openssl ${args[0] ?? ''} failed: ${stderr.trim()}`, { cause: error });
  }
}

/** Text output of `openssl <args>`. */
export async function opensslText(args: readonly string[], options: { cwd?: string } = {}): Promise<string> {
  return new TextDecoder().decode(await openssl(args, options));
}

/** Creates a temp directory for the callback and always removes it afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'goskit-openssl-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The `-pkeyopt paramset:` names of `openssl genpkey -algorithm gost2012_256` and what they mean. */
export const OPENSSL_PARAMSETS = [
  { openssl: 'A', paramSet: 'cryptopro-A' },
  { openssl: 'B', paramSet: 'cryptopro-B' },
  { openssl: 'C', paramSet: 'cryptopro-C' },
  { openssl: 'XA', paramSet: 'cryptopro-XchA' },
  { openssl: 'XB', paramSet: 'cryptopro-XchB' },
  { openssl: 'TCA', paramSet: 'tc26-256-A' },
  { openssl: 'TCB', paramSet: 'tc26-256-B' },
  { openssl: 'TCC', paramSet: 'tc26-256-C' },
  { openssl: 'TCD', paramSet: 'tc26-256-D' },
] as const;
