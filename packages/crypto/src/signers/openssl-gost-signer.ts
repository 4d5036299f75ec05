import { certificateFileReader } from './read-certificate-file.js';
import { runProcess, signerTimeout } from './run-process.js';
import type { Signer } from './signer.js';
import { SignerError } from './signer-error.js';

export interface OpenSslGostSignerOptions {
  /** PEM private key as `openssl genpkey -engine gost -algorithm gost2012_256` writes it. */
  keyFile: string;
  /** PEM or DER certificate of that key. */
  certificateFile: string;
  /** Passphrase of an encrypted key; handed over in the child's environment, never in argv. */
  keyPassphrase?: string;
  /** Default 'openssl'. */
  opensslPath?: string;
  /** Default 'gost' (Debian libengine-gost-openssl). */
  engine?: string;
  /** ms; the process is killed when it runs longer. Default 10 000. */
  timeout?: number;
  /** @deprecated Renamed `timeout` (ms); `timeoutMs` goes away in the next minor release. */
  timeoutMs?: number;
}

const PASS_ENV = 'GOSKIT_OPENSSL_KEY_PASS';

/**
 * Signs by running `openssl dgst -engine gost -md_gost12_256 -sign <key>` with the data on stdin and
 * the signature on stdout, so no temporary files are written. The 64-byte output is used as-is:
 * it is already the layout ESIA expects.
 */
export class OpenSslGostSigner implements Signer {
  readonly algorithm = 'GOST3410_2012_256' as const;
  readonly #options: OpenSslGostSignerOptions;
  readonly #readCertificate: () => Promise<Uint8Array>;
  readonly #timeout: number;

  constructor(options: OpenSslGostSignerOptions) {
    this.#options = options;
    this.#timeout = signerTimeout(options, 'OpenSslGostSigner');
    this.#readCertificate = certificateFileReader(options.certificateFile);
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    const { keyFile, keyPassphrase, opensslPath = 'openssl', engine = 'gost' } = this.#options;
    const args = ['dgst', '-engine', engine, '-md_gost12_256', '-sign', keyFile];
    if (keyPassphrase !== undefined) {
      args.push('-passin', `env:${PASS_ENV}`);
    }
    const { stdout } = await runProcess({
      tool: 'openssl',
      command: opensslPath,
      args,
      stdin: data,
      timeoutMs: this.#timeout,
      ...(keyPassphrase === undefined
        ? {}
        : { env: { [PASS_ENV]: keyPassphrase }, secrets: [keyPassphrase] }),
    });
    if (stdout.length !== 64) {
      throw new SignerError(
        'SIGNER_FAILED',
        'read-signature',
        `openssl returned ${stdout.length} bytes instead of a 64-byte GOST R 34.10-2012-256 signature (is the key gost2012_256?)`,
      );
    }
    return stdout;
  }

  certificate(): Promise<Uint8Array> {
    return this.#readCertificate();
  }
}
