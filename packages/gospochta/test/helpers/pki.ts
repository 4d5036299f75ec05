/**
 * Material the portal does not issue, for mutual-TLS tests: a CA of someone else and a client
 * certificate from it, made with the real `openssl` CLI in a temp directory (the portal's own PKI
 * comes from the simulator: `service.issueClientCertificate`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StrangerPki {
  ca: string;
  cert: string;
  key: string;
  dispose(): void;
}

export function createStrangerPki(): StrangerPki {
  const dir = mkdtempSync(join(tmpdir(), 'gospochta-stranger-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Unknown CA',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'client.key',
    '-out',
    'client.csr',
    '-subj',
    '/CN=demo-school',
  );
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  run(
    'x509',
    '-req',
    '-in',
    'client.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'client.pem',
    '-days',
    '2',
    '-sha256',
    '-extfile',
    'client.ext',
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    ca: read('ca.pem'),
    cert: read('client.pem'),
    key: read('client.key'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
