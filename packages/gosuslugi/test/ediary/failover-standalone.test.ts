/**
 * Failover against goskit-sim as a real process on 127.0.0.1: ESIA, the outbox, and the e-diary feed
 * served twice — the primary at /ediary and a backup at /ediary-backup sharing its state (two servers
 * behind one database; `replicatePortal` loaded with `--portal`, test/fixtures/ediary-feed*.mjs).
 * Fault rules set over the control API take the primary down in each way issue 17 names: server
 * errors, an empty body, a damaged body (not JSON, or JSON without its fields), a timeout; a
 * certificate error is a real TLS socket with a certificate the client does not trust. The client
 * moves to the backup, says which server answered, and never makes more attempts than its retry
 * limit allows, counted in the process's journal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer as createHttpsServer,
  type Server as HttpsServer,
  request as httpsRequest,
} from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FailoverEvent, NetworkError } from '@goskit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEdiaryClient, type EdiaryClient, type SchoolPupil } from '../../src/index.js';
import {
  ensureSimulatorBuilt,
  registeredEsiaClient,
  type SimProcess,
  signInOverHttp,
  startSimProcess,
} from '../helpers/sim-process.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const ARGS = ['--seed', 'ediary-failover-standalone', '--portals', 'esia,notifications'].concat([
  '--portal',
  fixture('ediary-feed.mjs'),
  '--portal',
  fixture('ediary-feed-backup.mjs'),
]);
const FEED = '/ediary';

let sim: SimProcess;
let tls: HttpsServer;
let tlsDir: string;
let tlsCertificate: string;
let parentToken: string;
let esia: Awaited<ReturnType<typeof registeredEsiaClient>>;
let pupils: SchoolPupil[];

/** A self-signed certificate for 127.0.0.1 made by the real OpenSSL; nobody trusts it. */
function untrustedCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
      .concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'])
      .concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

beforeAll(async () => {
  ensureSimulatorBuilt();
  sim = await startSimProcess(ARGS);
  esia = await registeredEsiaClient(sim, 'GOSKIT_FAILOVER_TEST');
  const { tokens } = await signInOverHttp(sim, esia);
  parentToken = tokens.accessToken;
  // The school's register: the roster's pupils, as the e-diary knows them.
  pupils = (await sim.control.personas())
    .filter((persona) => persona.role === 'student')
    .map((persona) => ({
      id: persona.id,
      lastName: persona.lastName,
      firstName: persona.firstName,
      middleName: persona.middleName,
      birthDate: persona.birthDate,
      snils: persona.snils,
    }));
  tlsDir = mkdtempSync(join(tmpdir(), 'ediary-tls-'));
  const pair = untrustedCertificate(tlsDir);
  tlsCertificate = pair.cert;
  tls = createHttpsServer(pair, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"pupils":[]}');
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', () => resolve()));
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  await new Promise<void>((resolve) => (tls ? tls.close(() => resolve()) : resolve()));
  if (tlsDir) {
    rmSync(tlsDir, { recursive: true, force: true });
  }
});

afterEach(async () => {
  await sim.control.rules.clear();
});

function client(events: FailoverEvent[], primaryUrl = `${sim.url}${FEED}`, timeout = 2000): EdiaryClient {
  return createEdiaryClient({
    environment: { baseUrl: primaryUrl, backupUrls: [`${sim.url}/ediary-backup`] },
    esia,
    school: { id: 'school-77-1', title: 'Демо школа' },
    pupils,
    timeout,
    retry: { limit: 3, backoff: { baseMs: 5, capMs: 20 } },
    failover: { failureThreshold: 2, recoverAfterMs: 60_000, onEvent: (event) => events.push(event) },
  });
}

const failuresOf = (events: FailoverEvent[]) =>
  events.flatMap((event) => (event.type === 'failure' ? [`${event.server.name}:${event.reason}`] : []));

/** Requests the primary and the backup have seen since the journal was cleared. */
async function feedCalls() {
  const [onPrimary, onBackup] = await Promise.all([
    sim.control.journal.count({ portal: 'ediary' }),
    sim.control.journal.count({ portal: 'ediary-backup' }),
  ]);
  return { onPrimary, onBackup };
}

const clearJournal = () => sim.control.journal.clear();

describe('e-diary feed failover against a goskit-sim process (primary /ediary, backup /ediary-backup)', () => {
  it('server errors: the parent is linked on the backup and told on every channel', async () => {
    await clearJournal();
    await sim.control.rules.add({ portal: 'ediary', effect: { status: 503 } });
    const events: FailoverEvent[] = [];
    const ediary = client(events);

    const result = await ediary.linkEdiary(parentToken);
    expect(result.server).toBe('backup-1');
    expect(ediary.activeServer.name).toBe('backup-1');
    expect(failuresOf(events)).toEqual(['primary:status', 'primary:status']);
    expect(await feedCalls()).toEqual({ onPrimary: 2, onBackup: 1 });
    await sim.control.journal.verify(1, { portal: 'ediary-backup', operation: 'connections.create' });

    // The outbox told the parent, by every channel, with date, time and connection id.
    const notices = await fetch(
      `${sim.url}/__goskit/notifications/notices?category=ediary.link&recipient=${result.link.parentOid}`,
    ).then((response) => response.json() as Promise<{ notices: { channel: string; text: string }[] }>);
    const sms = notices.notices.find((notice) => notice.channel === 'sms');
    expect(sms?.text).toMatch(
      new RegExp(
        `^Связь успешно установлена\\. Дата: \\d\\d\\.\\d\\d\\.\\d{4}, время: \\d\\d:\\d\\d \\(МСК\\), идентификатор связи: ${result.link.connectionId}`,
      ),
    );
    expect(notices.notices.map((notice) => notice.channel).sort()).toEqual(['email', 'lk', 'sms']);
  });

  it('an empty body and a damaged body count as failures (the body is not what the contract says)', async () => {
    await client([]).linkEdiary(parentToken); // the school has a linked pupil, whatever ran before
    for (const effect of [
      { emptyBody: true as const },
      { corruptBody: true as const },
      { status: 200, body: { schoolId: 'school-77-1', pupils: 'nobody' } },
    ]) {
      await clearJournal();
      const rule = await sim.control.rules.add({ portal: 'ediary', effect });
      const events: FailoverEvent[] = [];
      const ediary = client(events);
      const linked = await ediary.linkedPupils();
      expect(linked.size).toBeGreaterThan(0);
      expect(ediary.activeServer.name).toBe('backup-1');
      expect(failuresOf(events)).toEqual(['primary:damaged', 'primary:damaged']);
      expect(await feedCalls()).toEqual({ onPrimary: 2, onBackup: 1 });
      await sim.control.journal.verify(1, { portal: 'ediary-backup', operation: 'linkedPupils.list' });
      await sim.control.rules.remove(rule);
    }
  });

  it('a timeout on the primary moves calls to the backup', async () => {
    await clearJournal();
    await sim.control.rules.add({ portal: 'ediary', effect: { delayMs: 5000 } });
    const events: FailoverEvent[] = [];
    const ediary = client(events, `${sim.url}${FEED}`, 300);
    const started = performance.now();
    const result = await ediary.linkEdiary(parentToken);
    expect(result.server).toBe('backup-1');
    expect(failuresOf(events)).toEqual(['primary:timeout', 'primary:timeout']);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('a certificate the client does not trust (a real TLS socket) leaves the primary at once', async () => {
    const tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}${FEED}`;
    // The socket is a working HTTPS server: a client that trusts its certificate gets an answer.
    const trusted = await new Promise<number>((resolve, reject) => {
      httpsRequest(`${tlsUrl}/api/ediary/v1/health`, { ca: tlsCertificate }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(trusted).toBe(200);

    await clearJournal();
    const events: FailoverEvent[] = [];
    const ediary = client(events, tlsUrl);
    const result = await ediary.linkEdiary(parentToken);
    expect(result.server).toBe('backup-1');
    // One TLS failure is enough: a certificate does not heal between two attempts.
    expect(failuresOf(events)).toEqual(['primary:tls']);
    expect(await feedCalls()).toEqual({ onPrimary: 0, onBackup: 1 });
  });

  it('when both servers fail, the retries stop at the limit (4 attempts across the two journals)', async () => {
    await clearJournal();
    await sim.control.rules.add({ portal: 'ediary', effect: { status: 500 } });
    await sim.control.rules.add({ portal: 'ediary-backup', effect: { status: 502 } });
    const events: FailoverEvent[] = [];
    const ediary = client(events);
    const error = await ediary.linkEdiary(parentToken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(NetworkError);
    const calls = await feedCalls();
    expect(calls.onPrimary + calls.onBackup).toBe(4);
    expect(calls.onBackup).toBeGreaterThan(0);
    // Nothing was linked on either: the connection of the first test is the only one.
    expect(await sim.control.journal.count({ status: 201 })).toBe(0);
  });
});
