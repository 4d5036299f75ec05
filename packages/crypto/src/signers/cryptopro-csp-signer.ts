import { reverseBytes } from '../integrity/bytes.js';
import { loadFs, loadOs, loadPath } from './node-modules.js';
import { certificateFileReader } from './read-certificate-file.js';
import { runProcess, signerTimeout } from './run-process.js';
import type { Signer } from './signer.js';
import { SignerError } from './signer-error.js';

export interface CryptoProCspSignerOptions {
  /** Container name as csptest knows it, e.g. '\\\\.\\HDIMAGE\\esia'. */
  container: string;
  /** Container password. csptest takes it as `-password` (it has no `-pin` flag). */
  pin?: string;
  /** PEM or DER certificate of the container's key. */
  certificateFile: string;
  /** Default 'csptest' (usually /opt/cprocsp/bin/amd64/csptest). */
  csptestPath?: string;
  /** ms; the process is killed when it runs longer. Default 10 000. */
  timeout?: number;
  /** @deprecated Renamed `timeout` (ms); `timeoutMs` goes away in the next minor release. */
  timeoutMs?: number;
  /** Parent directory for the per-call temporary directory; default the OS temp dir. */
  tempDir?: string;
}

/**
 * Signs with a CryptoPro CSP container by running
 * `csptest -keyset -sign GOST12_256 -container <c> -keytype exchange -in <file> -out <file> [-password <pin>]`.
 * csptest writes the raw signature little-endian (byte-reversed against OpenSSL's layout); it is
 * reversed here so every Signer returns the same layout. Temporary files live in a private
 * directory that is removed in `finally` — also after a timeout or a failure.
 */
export class CryptoProCspSigner implements Signer {
  readonly algorithm = 'GOST3410_2012_256' as const;
  readonly #options: CryptoProCspSignerOptions;
  readonly #readCertificate: () => Promise<Uint8Array>;
  readonly #timeout: number;

  constructor(options: CryptoProCspSignerOptions) {
    this.#options = options;
    this.#timeout = signerTimeout(options, 'CryptoProCspSigner');
    this.#readCertificate = certificateFileReader(options.certificateFile);
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    const { container, pin, csptestPath = 'csptest' } = this.#options;
    const timeoutMs = this.#timeout;
    const fs = await loadFs();
    const { tmpdir } = await loadOs();
    const { join } = await loadPath();
    let dir: string;
    try {
      dir = await fs.mkdtemp(join(this.#options.tempDir ?? tmpdir(), 'goskit-csp-'));
    } catch (cause) {
      throw new SignerError('SIGNER_FAILED', 'prepare', 'Cannot create a temporary directory for csptest', {
        cause,
      });
    }
    try {
      const input = join(dir, 'data.bin');
      const output = join(dir, 'signature.bin');
      try {
        await fs.writeFile(input, data, { mode: 0o600 });
      } catch (cause) {
        throw new SignerError('SIGNER_FAILED', 'prepare', 'Cannot write the data file for csptest', {
          cause,
        });
      }
      const args = [
        '-keyset',
        '-sign',
        'GOST12_256',
        '-container',
        container,
        '-keytype',
        'exchange',
        '-in',
        input,
        '-out',
        output,
      ];
      if (pin !== undefined) {
        args.push('-password', pin);
      }
      await runProcess({
        tool: 'csptest',
        command: csptestPath,
        args,
        timeoutMs,
        ...(pin === undefined ? {} : { secrets: [pin] }),
      });
      let raw: Uint8Array;
      try {
        raw = new Uint8Array(await fs.readFile(output));
      } catch (cause) {
        throw new SignerError(
          'SIGNER_FAILED',
          'read-signature',
          'csptest finished but wrote no signature file',
          { cause },
        );
      }
      if (raw.length !== 64) {
        throw new SignerError(
          'SIGNER_FAILED',
          'read-signature',
          `csptest wrote ${raw.length} bytes instead of a 64-byte GOST R 34.10-2012-256 signature`,
        );
      }
      return reverseBytes(raw);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  certificate(): Promise<Uint8Array> {
    return this.#readCertificate();
  }
}
