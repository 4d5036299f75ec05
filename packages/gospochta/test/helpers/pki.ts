/**
 * A throw-away PKI for mutual-TLS tests, made with the real `openssl` CLI in a temp directory: the
 * portal's CA, a server certificate for 127.0.0.1, a valid client certificate (also as an encrypted
 * key), an expired one (`openssl ca` with dates in the past) and one from a CA the portal does not know.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  path(name: string): string;
  read(name: string): string;
  ca: string;
  server: { key: string; cert: string };
  client: { key: string; cert: string; encryptedKey: string; passphrase: string };
  expired: { key: string; cert: string };
  stranger: { key: string; cert: string; ca: string };
  dispose(): void;
}

export function createPki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'gospochta-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ca = (name: string, subject: string) =>
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      subject,
    );
  const csr = (name: string, subject: string) =>
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    );
  const sign = (name: string, issuer: string, extensions: string) => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-sha256',
      '-extfile',
      `${name}.ext`,
    );
  };
  ca('ca', '/CN=Gospochta Test CA');
  ca('stranger-ca', '/CN=Unknown CA');
  csr('server', '/CN=127.0.0.1');
  sign(
    'server',
    'ca',
    'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  csr('client', '/CN=school-1/O=GBOU School 1');
  sign('client', 'ca', 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  run(
    'pkey',
    '-in',
    'client.key',
    '-aes256',
    '-passout',
    'pass:client-key-passphrase',
    '-out',
    'client-encrypted.key',
  );
  csr('stranger', '/CN=stranger');
  sign('stranger', 'stranger-ca', 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  csr('expired', '/CN=school-1-expired');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = local',
      '[ local ]',
      'dir = .',
      'database = index.txt',
      'new_certs_dir = .',
      'serial = serial.txt',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[ any ]',
      'commonName = supplied',
      '[ client ]',
      'extendedKeyUsage = clientAuth',
      'basicConstraints = CA:FALSE',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial.txt'), '1000\n');
  run(
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-cert',
    'ca.pem',
    '-keyfile',
    'ca.key',
    '-in',
    'expired.csr',
    '-out',
    'expired.pem',
    '-notext',
    '-extensions',
    'client',
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200201000000Z',
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    path: (name) => join(dir, name),
    read,
    ca: read('ca.pem'),
    server: { key: read('server.key'), cert: read('server.pem') },
    client: {
      key: read('client.key'),
      cert: read('client.pem'),
      encryptedKey: read('client-encrypted.key'),
      passphrase: 'client-key-passphrase',
    },
    expired: { key: read('expired.key'), cert: read('expired.pem') },
    stranger: { key: read('stranger.key'), cert: read('stranger.pem'), ca: read('stranger-ca.pem') },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
