import { loadCertificateDer } from '../x509/index.js';
import { loadFs } from './node-modules.js';
import { SignerError } from './signer-error.js';

/** Reads a PEM or DER certificate file once and caches the DER (step 'read-certificate' on failure). */
export function certificateFileReader(path: string): () => Promise<Uint8Array> {
  let cached: Promise<Uint8Array> | undefined;
  return () => {
    cached ??= (async () => {
      const { readFile } = await loadFs();
      try {
        const bytes = new Uint8Array(await readFile(path));
        // Certificate files are PEM more often than DER; loadCertificateDer wants PEM as text.
        const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
        return loadCertificateDer(head.startsWith('-----BEGIN') ? new TextDecoder().decode(bytes) : bytes);
      } catch (cause) {
        throw new SignerError(
          'INVALID_CERTIFICATE',
          'read-certificate',
          `Cannot read certificate file ${path}`,
          {
            cause,
          },
        );
      }
    })();
    cached.catch(() => {
      cached = undefined;
    });
    return cached;
  };
}
