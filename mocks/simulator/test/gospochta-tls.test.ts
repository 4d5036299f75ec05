/**
 * Mutual TLS on the standalone server, over real sockets: the HTTPS listener serves the portals that
 * declare `tls` (gospochta) with the portal's per-seed CA; a certificate the control API issued for a
 * registered system works, and no certificate, an unknown CA, an expired, a revoked or an unregistered
 * system's certificate is refused before any HTTP. A new seed brings a new CA from the next
 * connection on. `goskit-sim --tls-port` opens the listener (its ready lines: test/cli-process.test.ts).
 */
import { connect } from 'node:tls';
import { createGospochtaClient } from '@goskit/gospochta';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, tlsPortOf } from '../src/cli/args.js';
import { createSimulator } from '../src/create-simulator.js';
import type { Simulator, SimulatorServer } from '../src/engine/types.js';
import { DEMO_GOSPOCHTA_SECRET } from '../src/portals/gospochta/index.js';
import { certificateAuthority } from '../src/services/certificate-authority.js';

let sim: Simulator;
let server: SimulatorServer;
beforeAll(async () => {
  sim = createSimulator({ seed: 'tls-tests' });
  server = await sim.listen({ port: 0, tlsPort: 0 });
});
afterAll(() => server.close());

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/__goskit${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, string>;
};

interface Material {
  cert?: string | undefined;
  key?: string | undefined;
  ca: string;
}

/** One raw TLS exchange: 'answered <status>' when an HTTP answer came, else how the connection ended. */
function exchange(material: Material, path = '/gospochta/oauth2/jwks'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port: server.tlsPort as number,
      ca: material.ca,
      ...(material.cert === undefined ? {} : { cert: material.cert, key: material.key as string }),
      servername: 'localhost',
    });
    let text = '';
    socket.on('secureConnect', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve(status === undefined ? 'closed without an answer' : `answered ${status}`);
    });
  });
}

const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

describe('the HTTPS listener', () => {
  it('runs protected operations for a certificate issued to a registered system', async () => {
    expect(server.tlsBaseUrl('gospochta')).toBe(`${server.tlsUrl}/gospochta`);
    expect(() => server.tlsBaseUrl('esia')).toThrow(/not served over TLS/);
    const trust = await control('/gospochta/trust');
    const issued = await control('/gospochta/systems/demo-school/certificates', {});
    expect(issued.subject).toContain('CN=demo-school');
    const keys = (await control('/gospochta/packet-keys?clientId=demo-school')) as unknown as {
      keys: { kid: string; macKey: string; encryptionKey: string }[];
    };
    const client = createGospochtaClient({
      baseUrl: server.tlsBaseUrl('gospochta'),
      auth: { type: 'client_credentials', clientId: 'demo-school', clientSecret: DEMO_GOSPOCHTA_SECRET },
      packetKeys: {
        keys: keys.keys.map((key) => ({
          kid: key.kid,
          macKey: b64(key.macKey),
          encryptionKey: b64(key.encryptionKey),
        })),
      },
      tls: {
        cert: issued.certificatePem as string,
        key: issued.privateKeyPem as string,
        ca: trust.caPem as string,
      },
      clock: sim.clock,
    });
    expect((await client.session()).clientId).toBe('demo-school');
    expect((await client.letters.listInbox()).items.length).toBeGreaterThan(0);
    const tokens = sim.journal.find({ portal: 'gospochta', operation: 'issueToken' });
    expect(tokens.at(-1)?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/gospochta\/oauth2\/token$/);
    expect(
      await exchange(
        { cert: issued.certificatePem, key: issued.privateKeyPem, ca: trust.caPem as string },
        '/esia/aas/oauth2/jwks',
      ),
    ).toBe('answered 404');
    expect(
      await exchange(
        { cert: issued.certificatePem, key: issued.privateKeyPem, ca: trust.caPem as string },
        '/__goskit/health',
      ),
    ).toBe('answered 404');
  });

  it('refuses no certificate, an unknown CA, an expired, a revoked and an unregistered system’s certificate', async () => {
    const trust = await control('/gospochta/trust');
    const ca = trust.caPem as string;
    expect(await exchange({ ca })).not.toMatch(/^answered/);
    const stranger = await (await certificateAuthority('another-seed', 'gospochta')).issueClientCertificate({
      commonName: 'demo-school',
    });
    expect(await exchange({ cert: stranger.certificatePem, key: stranger.privateKeyPem, ca })).not.toMatch(
      /^answered/,
    );
    const expired = await control('/gospochta/systems/demo-school/certificates', {
      notBefore: '2020-01-01T00:00:00Z',
      notAfter: '2020-02-01T00:00:00Z',
    });
    expect(await exchange({ cert: expired.certificatePem, key: expired.privateKeyPem, ca })).not.toMatch(
      /^answered/,
    );
    const ghost = await (await certificateAuthority(sim.seed, 'gospochta')).issueClientCertificate({
      commonName: 'ghost-system',
    });
    expect(await exchange({ cert: ghost.certificatePem, key: ghost.privateKeyPem, ca })).toBe(
      'closed without an answer',
    );
    const revoked = await control('/gospochta/systems/demo-admin/certificates', {});
    expect(await exchange({ cert: revoked.certificatePem, key: revoked.privateKeyPem, ca })).toBe(
      'answered 200',
    );
    expect(await control(`/gospochta/certificates/${revoked.serialNumber}/revoke`, {})).toMatchObject({
      revoked: true,
    });
    expect(await exchange({ cert: revoked.certificatePem, key: revoked.privateKeyPem, ca })).toBe(
      'closed without an answer',
    );
  });

  it('serves the new seed’s CA from the next connection on', async () => {
    const before = (await control('/gospochta/trust')).caPem as string;
    const old = await control('/gospochta/systems/demo-school/certificates', {});
    await control('/seed', { seed: 'tls-tests-2' });
    const after = (await control('/gospochta/trust')).caPem as string;
    expect(after).not.toBe(before);
    expect(await exchange({ cert: old.certificatePem, key: old.privateKeyPem, ca: after })).not.toMatch(
      /^answered/,
    );
    const fresh = await control('/gospochta/systems/demo-school/certificates', {});
    expect(await exchange({ cert: fresh.certificatePem, key: fresh.privateKeyPem, ca: after })).toBe(
      'answered 200',
    );
    await control('/seed', { seed: 'tls-tests' });
    expect(await exchange({ cert: old.certificatePem, key: old.privateKeyPem, ca: before })).toBe(
      'answered 200',
    );
  });
});

describe('goskit-sim --tls-port', () => {
  it('opens 4443 by default, a free port with --port 0, none with --no-tls', () => {
    expect(tlsPortOf(parseCliArgs([]))).toBe(4443);
    expect(tlsPortOf(parseCliArgs(['--port', '0']))).toBe(0);
    expect(tlsPortOf(parseCliArgs(['--tls-port', '8443']))).toBe(8443);
    expect(tlsPortOf(parseCliArgs(['--no-tls']))).toBeUndefined();
    expect(() => parseCliArgs(['--no-tls', '--tls-port', '1'])).toThrow(/exclude/);
    expect(() => parseCliArgs(['--tls-port', '70000'])).toThrow(/--tls-port/);
  });
});
