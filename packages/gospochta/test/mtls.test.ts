/**
 * Mutual TLS over real sockets: the test portal listens on node:https and requires a client
 * certificate from its CA (openssl-made PKI). The client presents key + chain from files or memory
 * (an encrypted key too) through undici; unknown, expired and missing certificates are refused by the
 * portal's handshake and reported as TlsRejectedError; unusable material fails at creation with
 * TlsConfigError naming the part.
 */
import { InvalidOptionsError, NetworkError } from '@goskit/core';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMtlsFetch, TlsConfigError, TlsRejectedError } from '../src/index.js';
import { createPki, type Pki } from './helpers/pki.js';
import { createWorld, PARENT_SYSTEM, SCHOOL, type World } from './helpers/setup.js';

let pki: Pki;
let world: World;

beforeAll(async () => {
  pki = createPki();
  world = await createWorld();
  await world.portal.close();
  await world.portal.listenTls({ key: pki.server.key, cert: pki.server.cert, ca: pki.ca });
});
afterAll(async () => {
  await world.close();
  pki.dispose();
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('mutual TLS', () => {
  it('presents a certificate from files and runs protected operations over it', async () => {
    expect(world.portal.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/gospochta$/);
    const school = world.client(SCHOOL, {
      tls: {
        cert: { path: pki.path('client.pem') },
        key: { path: pki.path('client.key') },
        ca: { path: pki.path('ca.pem') },
      },
    });
    expect(school.clientCertificate).toMatchObject({ subject: expect.stringContaining('CN=school-1') });
    expect((await school.session()).role).toBe('operator');
    expect((await school.letters.listInbox()).items.length).toBeGreaterThan(0);
  });

  it('presents a certificate from memory with an encrypted key', async () => {
    const parent = world.client(PARENT_SYSTEM, {
      tls: {
        cert: pki.client.cert,
        key: pki.client.encryptedKey,
        passphrase: pki.client.passphrase,
        ca: pki.ca,
      },
    });
    expect((await parent.payments.findCharges({ uin: world.uin })).length).toBe(1);
  });

  it('is refused by the portal for a certificate from an unknown CA', async () => {
    const stranger = world.client(SCHOOL, {
      retry: false,
      tls: { cert: pki.stranger.cert, key: pki.stranger.key, ca: pki.ca },
    });
    const error = await failure(stranger.session());
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ code: 'TLS_REJECTED', reason: 'unknown-ca' });
  });

  it('refuses an expired certificate before connecting, and the portal refuses it too', async () => {
    expect(() =>
      world.client(SCHOOL, { tls: { cert: pki.expired.cert, key: pki.expired.key, ca: pki.ca } }),
    ).toThrow(TlsConfigError);
    const error = await failure(
      world
        .client(SCHOOL, {
          retry: false,
          tls: { cert: pki.expired.cert, key: pki.expired.key, ca: pki.ca, checkValidity: false },
        })
        .session(),
    );
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ reason: 'expired' });
  });

  it('is refused without a client certificate (a bare close: nothing to diagnose without our material)', async () => {
    const agent = new Agent({ connect: { ca: pki.ca } });
    try {
      const bare = world.client(SCHOOL, {
        retry: false,
        fetch: ((input: string, init?: RequestInit) =>
          undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
      });
      const error = await failure(bare.session());
      expect(error).toBeInstanceOf(NetworkError);
      expect(
        world.portal.state.wire.filter(
          (w) =>
            w.headers.authorization === undefined &&
            w.headers['content-type']?.startsWith('application/x-www-form'),
        ),
      ).toHaveLength(0);
    } finally {
      await agent.close();
    }
  });

  it('names a refusal it cannot pin down as "refused"', async () => {
    // A valid certificate from a CA the client lists in tls.ca, which the portal does not accept for
    // clients: the portal just closes the connection and the client cannot tell why.
    const confused = world.client(SCHOOL, {
      retry: false,
      tls: { cert: pki.stranger.cert, key: pki.stranger.key, ca: [pki.ca, pki.stranger.ca] },
    });
    const error = await failure(confused.session());
    expect(error).toBeInstanceOf(TlsRejectedError);
    expect(error).toMatchObject({ reason: 'refused' });
  });

  it('refuses a portal whose certificate it cannot trust', async () => {
    const blind = world.client(SCHOOL, { retry: false, tls: { cert: pki.client.cert, key: pki.client.key } });
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
    expect(config({ cert: pki.client.cert, key: pki.stranger.key })).toBe('pair:key-mismatch');
    expect(config({ cert: pki.client.cert, key: pki.client.encryptedKey, passphrase: 'wrong' })).toBe(
      'passphrase:wrong-passphrase',
    );
    expect(config({ cert: 'not a certificate', key: pki.client.key })).toBe('cert:unreadable');
    expect(config({ cert: { path: pki.path('missing.pem') }, key: pki.client.key })).toBe('cert:unreadable');
    expect(config({ cert: pki.client.cert, key: 'not a key' })).toBe('key:unreadable');
    expect(config({ cert: pki.client.cert, key: pki.client.key, ca: 'garbage' })).toBe('ca:unreadable');
    expect(config({ cert: pki.client.cert, key: pki.client.key, ca: pki.ca })).toBe('accepted');
    expect(() =>
      world.client(SCHOOL, {
        baseUrl: 'http://127.0.0.1:1/gospochta',
        tls: { cert: pki.client.cert, key: pki.client.key },
      }),
    ).toThrow(InvalidOptionsError);
    expect(() =>
      world.client(SCHOOL, {
        fetch: globalThis.fetch,
        tls: { cert: pki.client.cert, key: pki.client.key, ca: pki.ca },
      }),
    ).toThrow(/not both/);
  });
});
