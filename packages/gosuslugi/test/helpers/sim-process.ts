/**
 * goskit-sim as a real child process (the built CLI, `mocks/simulator/dist/cli.js`) on a free port of
 * 127.0.0.1, and an ESIA client of our own registered with it over the control API — what a vendor's
 * suite in another process does. Builds the simulator once when `dist/` is missing.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate, createSoftwareGostSigner, generateGostKeyPair } from '@goskit/crypto';
import { DEMO_PASSWORD, type Persona, SimulatorControl } from '@goskit/simulator';
import { createEsiaClient, type EsiaClient } from '../../src/index.js';
import { loginThroughPages } from './browser-walk.js';

const simulatorDir = fileURLToPath(new URL('../../../../mocks/simulator/', import.meta.url));
const cli = `${simulatorDir}dist/cli.js`;

export interface SimProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  control: SimulatorControl;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Builds the simulator's CLI when it is missing (the root test run follows `pnpm build`). */
export function ensureSimulatorBuilt(): void {
  if (!existsSync(cli)) {
    execSync('pnpm tsup', { cwd: simulatorDir, stdio: 'ignore' });
  }
}

/** Starts `goskit-sim --port 0 --no-tls …args` and resolves once it prints its ready line. */
export function startSimProcess(args: readonly string[]): Promise<SimProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--no-tls', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out: string | undefined = '';
    let err = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onExit = (code: number | null) =>
      reject(new Error(`goskit-sim exited ${code} before it was ready: ${err.slice(0, 2000)}`));
    child.once('exit', onExit);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (out === undefined) {
        return; // ready: the rest of its output is not needed
      }
      out += chunk.toString();
      const ready = /goskit-sim ready on (http:\/\/\S+) /.exec(out);
      if (ready?.[1] !== undefined) {
        child.off('exit', onExit);
        out = undefined;
        const url = ready[1];
        resolve({
          url,
          control: new SimulatorControl({ baseUrl: url }),
          process: child,
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) {
              return;
            }
            const force = setTimeout(() => child.kill('SIGKILL'), 3000);
            child.kill('SIGTERM');
            await exited;
            clearTimeout(force);
          },
        });
      }
    });
  });
}

export const PARENT_SCOPES = ['openid', 'fullname', 'kid_fullname', 'kid_birthdate', 'kid_snils'];
const REDIRECT = 'http://127.0.0.1:9/callback';

/**
 * Registers a fresh GOST test certificate for `clientId` with the simulator's ESIA
 * (POST /__goskit/esia/clients) and returns an ESIA client over HTTP for it.
 */
export async function registeredEsiaClient(sim: SimProcess, clientId: string): Promise<EsiaClient> {
  const { privateKey } = generateGostKeyPair();
  const now = new Date((await sim.control.clock.get()).ms);
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject: `CN=${clientId},O=goskit tests`,
    notBefore: new Date(now.getTime() - 86_400_000),
    days: 30,
  });
  const response = await fetch(`${sim.url}/__goskit/esia/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId,
      redirectUris: [REDIRECT],
      certificatePem: certificate.pem,
      title: 'goskit tests',
    }),
  });
  if (!response.ok) {
    throw new Error(`registering ${clientId}: HTTP ${response.status} ${await response.text()}`);
  }
  const esiaBase = `${sim.url}/esia`;
  return createEsiaClient({
    environment: { baseUrl: esiaBase },
    clientId,
    redirectUri: REDIRECT,
    signer: createSoftwareGostSigner({ privateKey, certificate: certificate.pem }),
    scopes: PARENT_SCOPES,
    tokenKeys: { jwksUrl: `${esiaBase}/aas/oauth2/jwks` },
  });
}

/** The demo parent «Иванов Иван Иванович» (08.03.1991) of the process's seed. */
export async function demoParentOf(sim: SimProcess): Promise<Persona> {
  const persona = (await sim.control.personas()).find(
    (p) => p.lastName === 'Иванов' && p.firstName === 'Иван' && p.birthDate === '08.03.1991',
  );
  if (persona === undefined) {
    throw new Error('the demo parent «Иванов Иван Иванович» is missing');
  }
  return persona;
}

/** Signs the demo parent in through the ESIA pages of the process; their tokens. */
export async function signInOverHttp(sim: SimProcess, esia: EsiaClient) {
  const parent = await demoParentOf(sim);
  const { url } = await esia.authorizationUrl();
  const callback = await loginThroughPages(url, REDIRECT, {
    login: parent.login,
    password: parent.password ?? DEMO_PASSWORD,
  });
  return { tokens: await esia.handleCallback(callback), parent };
}
