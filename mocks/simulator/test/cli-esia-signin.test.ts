/**
 * The acceptance test of issue 9 §1: an unmodified third-party ESIA client signs in against the
 * built `goskit-sim` started with its defaults. The requests are those of the production PHP client
 * ilimurzin/esia, as esia-support.ts reproduces them (parameter order, the v2 signed string, the
 * `yyyy.MM.dd HH:mm:ss +hhmm` timestamp of PHP's date('Y.m.d H:i:s O')) — with the timestamp taken
 * from this machine's wall clock, as PHP's date() does, never from the simulator.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { esiaTimestamp } from '@goskit/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { authorizeQuery, codeExchangeForm, REDIRECT, SCOPE } from './esia-support.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function start(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /goskit-sim ready on (http:\/\/\S+) /.exec(out);
      if (ready?.[1] !== undefined) {
        resolve({ proc, url: ready[1] });
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`goskit-sim exited ${code}: ${err}`)));
  });
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

describe('an unmodified ESIA client against goskit-sim started with no flags', () => {
  let proc: ChildProcess | undefined;
  let base: string;
  let control: string;
  // Same default seed as the CLI: the demo client's key and certificate are the CLI's.
  const local = createSimulator();

  beforeAll(async () => {
    if (!existsSync(cli)) {
      execSync('pnpm tsup', { cwd: packageDir, stdio: 'ignore' });
    }
    // No flags at all when the default port is free; otherwise only a free port (the clock is the point).
    const started = await start((await portIsFree(4010)) ? [] : ['--port', '0']);
    proc = started.proc;
    base = `${started.url}/esia`;
    control = `${started.url}/__goskit`;
  }, 120_000);
  afterAll(() => {
    proc?.kill('SIGTERM');
  });

  /** One sign-in as ilimurzin/esia does it: v2/ac, the login and consent pages, v3/te. */
  async function signIn(): Promise<Record<string, unknown>> {
    const query = await authorizeQuery(local, {
      scope: SCOPE,
      state: randomUUID(),
      redirectUri: REDIRECT,
      timestamp: esiaTimestamp(new Date()),
    });
    const started = await fetch(`${base}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`, {
      redirect: 'manual',
    });
    expect(started.status, await started.clone().text()).toBe(302);
    const loginUrl = new URL(started.headers.get('location') as string);
    expect(loginUrl.pathname).toBe('/esia/login');
    const rid = loginUrl.searchParams.get('rid') as string;
    const loggedIn = await fetch(
      `${base}/login`,
      form({ rid, login: 'ivan.ivanov', password: 'goskit-demo', code: '123456' }),
    );
    expect(loggedIn.status).toBe(302);
    const consented = await fetch(`${base}/consent`, form({ rid, decision: 'allow' }));
    const callback = new URL(consented.headers.get('location') as string);
    expect(callback.searchParams.get('error_description')).toBeNull();
    const code = callback.searchParams.get('code') as string;
    const exchange = await codeExchangeForm(local, code, {
      state: randomUUID(),
      timestamp: esiaTimestamp(new Date()),
    });
    const tokens = await fetch(`${base}/aas/oauth2/v3/te`, form(exchange));
    expect(tokens.status, await tokens.clone().text()).toBe(200);
    return (await tokens.json()) as Record<string, unknown>;
  }

  it('signs in with the wall-clock timestamp, and again after a clock advance; the clock keeps running', async () => {
    const clock = (await (await fetch(`${control}/clock`)).json()) as { ms: number; mode: string };
    expect(clock.mode).toBe('running');
    expect(Math.abs(clock.ms - Date.now())).toBeLessThan(60_000);
    const first = await signIn();
    expect(typeof first.access_token).toBe('string');

    const advanced = await fetch(`${control}/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ duration: 'PT2M' }),
    });
    expect(advanced.status).toBe(200);
    const after = (await advanced.json()) as { ms: number };
    expect(after.ms - Date.now()).toBeGreaterThan(110_000);
    const second = await signIn();
    expect(second.access_token).not.toBe(first.access_token);

    // Advanced, it keeps running (it used to freeze again after advance/set).
    await new Promise((resolve) => setTimeout(resolve, 30));
    const later = (await (await fetch(`${control}/clock`)).json()) as { ms: number };
    expect(later.ms).toBeGreaterThan(after.ms);
  }, 60_000);

  it('a request signed 10 minutes off the running clock is refused with 007015 naming the virtual clock', async () => {
    const query = await authorizeQuery(local, {
      state: randomUUID(),
      timestamp: esiaTimestamp(new Date(Date.now() - 10 * 60_000 - 120_000)),
    });
    const refused = await fetch(`${base}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`, {
      redirect: 'manual',
    });
    const description = new URL(refused.headers.get('location') as string).searchParams.get(
      'error_description',
    );
    expect(description).toMatch(/^ESIA-007015: .*goskit-sim: .*virtual clock reads \d{4}-/);
  });
});
