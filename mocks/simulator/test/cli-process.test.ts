import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { certificateAuthority } from '../src/services/certificate-authority.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

beforeAll(() => {
  // The root test run follows `pnpm build`; locally dist may be missing, so build it once.
  if (!existsSync(cli)) {
    execSync('pnpm tsup', { cwd: packageDir, stdio: 'ignore' });
  }
}, 120_000);

let child: ChildProcess | undefined;
afterEach(() => {
  if (child !== undefined && child.exitCode === null) {
    child.kill('SIGKILL');
  }
  child = undefined;
});

/** Spawns the built CLI and resolves with its stdout up to the ready line. */
function startCli(args: string[]): Promise<{ process: ChildProcess; lines: string[]; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /goskit-sim ready on (http:\/\/\S+) \(seed .*\) in \d+ ms/.exec(out);
      if (ready?.[1] !== undefined) {
        resolve({ process: proc, lines: out.trim().split('\n'), url: ready[1] });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`goskit-sim exited ${code} before ready: ${err}`)));
  });
}

/** One GET over mutual TLS: 'answered <status>' when an HTTP answer came, else how it ended. */
function tlsExchange(port: number, ca: string, client: { certificatePem: string; privateKeyPem: string }) {
  return new Promise<string>((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      ca,
      cert: client.certificatePem,
      key: client.privateKeyPem,
      servername: 'localhost',
    });
    let answer = '';
    socket.on('secureConnect', () =>
      socket.write('GET /gospochta/oauth2/jwks HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
    );
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      resolve(status === undefined ? 'closed without an answer' : `answered ${status}`);
    });
  });
}

function exitOf(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('goskit-sim (built CLI)', () => {
  it('starts, prints base URLs and the ready line, serves health, exits 0 on SIGTERM and frees the port', async () => {
    const {
      process: proc,
      lines,
      url,
    } = await startCli(['--port', '0', '--seed', 'cli-test', '--scenario', 'slow']);
    expect(lines.some((line) => /\/__goskit\/$/.test(line))).toBe(true);
    expect(lines.at(-1)).toContain('(seed cli-test)');
    const health = await fetch(`${url}/__goskit/health`).then((res) => res.json());
    expect(health).toMatchObject({ status: 'ok', seed: 'cli-test' });
    const scenarios = await fetch(`${url}/__goskit/scenarios`).then((res) => res.json());
    expect(scenarios.active).toContain('slow');
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portIsFree(Number(new URL(url).port))).toBe(true);
  });

  it('loads extra demo data from a YAML file (--data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goskit-cli-data-'));
    const file = join(dir, 'school.yaml');
    writeFileSync(
      file,
      [
        'organisation:',
        '  oid: "1000299353"',
        '  shortName: "Гимназия № 1 (из файла)"',
        '  fullName: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1»"',
        '  ogrn: "1027700132195"',
        '  inn: "7707083893"',
        '  kpp: "773601001"',
        '  address: "г. Москва"',
      ].join('\n'),
    );
    const { process: proc, url } = await startCli(['--port', '0', '--data', file]);
    const page = await fetch(`${url}/personas`).then((res) => res.text());
    expect(page).toContain('Гимназия № 1 (из файла)');
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('opens the HTTPS listener of gospochta on a free port with --port 0 and prints its base', async () => {
    const {
      process: proc,
      lines,
      url,
    } = await startCli(['--port', '0', '--portals', 'esia,gospochta', '--seed', 'cli-tls']);
    const text = lines.join('\n');
    expect(text).toMatch(
      /gospochta\s+http:\/\/127\.0\.0\.1:\d+\/gospochta\n\s+https:\/\/127\.0\.0\.1:\d+\/gospochta \(mutual TLS\)/,
    );
    // The listener makes its CA on the first connection, not at start; the CA comes from the seed, so
    // the one made here — eagerly, in this process — is the same: the CLI's server certificate chains
    // to it and the CLI accepts a client certificate it signed.
    const tlsPort = Number(/https:\/\/127\.0\.0\.1:(\d+)\/gospochta/.exec(text)?.[1]);
    const eager = await certificateAuthority('cli-tls', 'gospochta');
    const client = await eager.issueClientCertificate({ commonName: 'demo-school' });
    expect(await tlsExchange(tlsPort, eager.certificatePem, client)).toBe('answered 200');
    const trust = (await fetch(`${url}/__goskit/gospochta/trust`).then((res) => res.json())) as {
      caPem: string;
    };
    const served = new X509Certificate(trust.caPem);
    const made = new X509Certificate(eager.certificatePem);
    expect([served.subject, served.serialNumber]).toEqual([made.subject, made.serialNumber]);
    expect(served.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      made.publicKey.export({ type: 'spki', format: 'der' }),
    );
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 0 on SIGINT too', async () => {
    const { process: proc } = await startCli(['--port', '0']);
    const exited = exitOf(proc);
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('exits 2 with usage on a bad flag and on an unknown scenario', async () => {
    const bad = spawn(process.execPath, [cli, '--prot', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    expect(await exitOf(bad)).toBe(2);
    expect(err).toContain('Usage: goskit-sim');
    const unknown = spawn(process.execPath, [cli, '--port', '0', '--scenario', 'flakey'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let unknownErr = '';
    unknown.stderr.on('data', (chunk: Buffer) => {
      unknownErr += chunk.toString();
    });
    expect(await exitOf(unknown)).toBe(2);
    expect(unknownErr).toContain('flaky');
  });
});
