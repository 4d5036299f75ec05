/**
 * Mutual TLS over real sockets against the goskit simulator's HTTPS listener: the gospochta portal
 * requires a client certificate from its CA, issued through the simulator for a registered system.
 * The client presents key + chain from files or memory (an encrypted key too) through undici; unknown,
 * expired and missing certificates are refused by the portal's handshake and reported as
 * TlsRejectedError; unusable material fails at creation with TlsConfigError naming the part.
 */
import { createPrivateKey } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InvalidOptionsError, NetworkError } from '@goskit/core';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMtlsFetch, TlsConfigError, TlsRejectedError } from '../src/index.js';
import { createStrangerPki, type StrangerPki } from './helpers/pki.js';
import { createWorld, PARENT_SYSTEM, SCHOOL, type World } from './helpers/setup.js';

let stranger: StrangerPki;
let world: World;
let dir: string;
let ca: string;
let school: { cert: string; key: string };
let parentApp: { cert: string; encryptedKey: string; passphrase: string };
let expired: { cert: string; key: string };
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  stranger = createStrangerPki();
  world = await createWorld({ transport: 'https' });
  ca = world.trust.caPem;
  const issued = await world.service.issueClientCertificate('demo-school');
  school = { cert: issued.certificatePem, key: issued.privateKeyPem };
  const forParent = await world.service.issueClientCertificate('demo-parent-app');
  const passphrase = 'client-key-passphrase';
  parentApp = {
    cert: forParent.certificatePem,
    encryptedKey: createPrivateKey(forParent.privateKeyPem).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase,
    }) as string,
    passphrase,
  };
  const old = await world.service.issueClientCertificate('demo-school', {
    notBefore: '2020-01-01T00:00:00Z',
    notAfter: '2020-02-01T00:00:00Z',
  });
  expired = { cert: old.certificatePem, key: old.privateKeyPem };
  dir = mkdtempSync(join(tmpdir(), 'gospochta-mtls-'));
  writeFileSync(path('client.pem'), school.cert);
  writeFileSync(path('client.key'), school.key);
  writeFileSync(path('ca.pem'), ca);
});
afterAll(async () => {
  await world.close();
  stranger.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('mutual TLS', () => {
  it('presents a certificate from files and runs protected operations over it', async () => {
    expect(world.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/gospochta$/);
    const client = world.client(SCHOOL, {
      tls: {
        cert: { path: path('client.pem') },
        key: { path: path('client.key') },
        ca: { path: path('ca.pem') },
      },
    });
    expect(client.clientCertificate).toMatchObject({ subject: expect.stringContaining('CN=demo-school') });
    expect((await client.session()).role).toBe('operator');
    expect((await client.letters.listInbox()).items.length).toBeGreaterThan(0);
  });

  it('presents a certificate from memory with an encrypted key', async () => {
    const parent = world.client(PARENT_SYSTEM, {
      tls: {
        cert: parentApp.cert,
        key: parentApp.encryptedKey,
        passphrase: parentApp.passphrase,
        ca,
      },
    });
    expect((await parent.payments.findCharges({ uin: world.uin })).length).toBe(1);
  });

  it('is refused by the portal for a certificate from an unknown CA', async () => {
    const outsider = world.client(SCHOOL, {
      retry: false,
      tls: { cert: stranger.cert, key: stranger.key, ca },
    });
    const error = await failure(outsider.session());
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ code: 'TLS_REJECTED', reason: 'unknown-ca' });
  });

  it('refuses an expired certificate before connecting, and the portal refuses it too', async () => {
    expect(() => world.client(SCHOOL, { tls: { cert: expired.cert, key: expired.key, ca } })).toThrow(
      TlsConfigError,
    );
    const error = await failure(
      world
        .client(SCHOOL, {
          retry: false,
          tls: { cert: expired.cert, key: expired.key, ca, checkValidity: false },
        })
        .session(),
    );
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ reason: 'expired' });
  });

  it('is refused without a client certificate (a bare close: nothing to diagnose without our material)', async () => {
    const agent = new Agent({ connect: { ca } });
    const tokensBefore = world.sim.journal.count({ portal: 'gospochta', operation: 'issueToken' });
    try {
      const bare = world.client(SCHOOL, {
        retry: false,
        fetch: ((input: string, init?: RequestInit) =>
          undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
      });
      const error = await failure(bare.session());
      expect(error).toBeInstanceOf(NetworkError);
      expect(world.sim.journal.count({ portal: 'gospochta', operation: 'issueToken' })).toBe(tokensBefore);
    } finally {
      await agent.close();
    }
  });

  it('names a refusal it cannot pin down as "refused"', async () => {
    // A valid certificate from a CA the client lists in tls.ca, which the portal does not accept for
    // clients: the portal just closes the connection and the client cannot tell why.
    const confused = world.client(SCHOOL, {
      retry: false,
      tls: { cert: stranger.cert, key: stranger.key, ca: [ca, stranger.ca] },
    });
    const error = await failure(confused.session());
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ reason: 'refused' });
  });

  it('refuses a portal whose certificate it cannot trust', async () => {
    const blind = world.client(SCHOOL, { retry: false, tls: { cert: school.cert, key: school.key } });
    const error = await failure(blind.session());
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ reason: 'server-untrusted' });
  });

  it('names the unusable part of the TLS material', () => {
    const config = (options: Parameters<typeof createMtlsFetch>[0]) => {
      try {
        createMtlsFetch(options);
      } catch (error) {
        expect(error).toBeInstanceOf(TlsConfigError);
        return `${(error as TlsConfigError).part}:${(error as TlsConfigError).reason}`;
      }
      return 'accepted';
    };
    expect(config({ cert: school.cert, key: stranger.key })).toBe('pair:key-mismatch');
    expect(config({ cert: parentApp.cert, key: parentApp.encryptedKey, passphrase: 'wrong' })).toBe(
      'passphrase:wrong-passphrase',
    );
    expect(config({ cert: 'not a certificate', key: school.key })).toBe('cert:unreadable');
    expect(config({ cert: { path: path('missing.pem') }, key: school.key })).toBe('cert:unreadable');
    expect(config({ cert: school.cert, key: 'not a key' })).toBe('key:unreadable');
    expect(config({ cert: school.cert, key: school.key, ca: 'garbage' })).toBe('ca:unreadable');
    expect(config({ cert: school.cert, key: school.key, ca })).toBe('accepted');
    expect(() =>
      world.client(SCHOOL, {
        baseUrl: 'http://127.0.0.1:1/gospochta',
        tls: { cert: school.cert, key: school.key },
      }),
    ).toThrow(InvalidOptionsError);
    expect(() =>
      world.client(SCHOOL, {
        fetch: globalThis.fetch,
        tls: { cert: school.cert, key: school.key, ca },
      }),
    ).toThrow(/not both/);
  });
});

describe('mutual TLS connections', () => {
  /** The TLS connections undici opens to the portal's HTTPS listener, as they open. */
  function watchConnections(port: number) {
    const opened: { resumed: boolean }[] = [];
    const onConnected = (message: unknown) => {
      const { connectParams, socket } = message as {
        connectParams: { protocol: string; port: string | number };
        socket: TLSSocket;
      };
      if (connectParams.protocol === 'https:' && Number(connectParams.port) === port) {
        opened.push({ resumed: socket.isSessionReused() });
      }
    };
    diagnostics.subscribe('undici:client:connected', onConnected);
    return { opened, stop: () => diagnostics.unsubscribe('undici:client:connected', onConnected) };
  }

  it('keeps its connections for the next requests instead of a handshake per request', async () => {
    const watch = watchConnections(Number(new URL(world.url).port));
    try {
      const client = world.client(SCHOOL, { tls: { cert: school.cert, key: school.key, ca } });
      const inFlight = (count: number) =>
        Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let i = 0; i < count; i++) {
              await client.session();
            }
          }),
        );
      await inFlight(1);
      const warm = watch.opened.length;
      expect(warm).toBeGreaterThan(0);
      expect(warm).toBeLessThanOrEqual(9); // the token request's, and at most one per request in flight
      await inFlight(5);
      expect(watch.opened.length).toBe(warm);
    } finally {
      watch.stop();
    }
  });

  it('resumes the TLS session when it connects again, also after a garbage collection', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const watch = watchConnections(Number(new URL(world.url).port));
    try {
      // Idle connections close after 50 ms, so each call below needs a new one.
      const client = world.client(SCHOOL, {
        tls: { cert: school.cert, key: school.key, ca, keepAliveTimeoutMs: 50 },
      });
      await client.session();
      const first = watch.opened.length;
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        collectGarbage();
        await client.session();
      }
      const again = watch.opened.slice(first);
      expect(again).toHaveLength(3);
      expect(again.every((connection) => connection.resumed)).toBe(true);
    } finally {
      watch.stop();
    }
  });
});
