import { importX509 } from 'jose';
import { derToPem } from '../asn1/index.js';
import { streebog256 } from '../gost/index.js';
import { toArrayBufferView, toBase64Url, toHex } from '../integrity/bytes.js';
import { type Certificate, parseCertificate } from '../x509/index.js';
import type { JwsHeader } from './jose-types.js';
import type { JwtKeyCandidate, JwtKeyResolver } from './key-resolvers.js';

interface Entry {
  certificate: Certificate;
  thumbprints?: Promise<Set<unknown>>;
  imported: Map<string, Promise<CryptoKey | undefined>>;
}

async function thumbprintsOf(der: Uint8Array): Promise<Set<unknown>> {
  const subtle = globalThis.crypto.subtle;
  const digests = [
    new Uint8Array(await subtle.digest('SHA-1', toArrayBufferView(der))),
    new Uint8Array(await subtle.digest('SHA-256', toArrayBufferView(der))),
    streebog256(der),
  ];
  // Headers carry x5t / x5t#S256 as base64url; ESIA's x5t#St256 has been seen as uppercase hex.
  return new Set(
    digests.flatMap((digest) => [toBase64Url(digest), toHex(digest), toHex(digest).toUpperCase()]),
  );
}

/**
 * The header's thumbprint values as sent; a value that is not a string matches no certificate. A
 * thumbprint only puts its certificate first: every certificate is tried either way.
 */
function headerThumbprints(header: JwsHeader): unknown[] {
  return [header.x5t, header['x5t#S256'], header['x5t#St256']];
}

/**
 * Keys from X.509 certificates (PEM or DER; GOST, RSA or EC). When ESIA or another issuer rotates
 * its certificate, list the new and the old one: a certificate whose thumbprint (x5t, x5t#S256 or
 * x5t#St256) matches the token header is tried first, the rest follow in the given order.
 */
export function certificateKeys(certificates: ReadonlyArray<string | Uint8Array>): JwtKeyResolver {
  const entries: Entry[] = certificates.map((input) => ({
    certificate: parseCertificate(input),
    imported: new Map(),
  }));
  const candidateOf = async (entry: Entry, alg: string): Promise<JwtKeyCandidate | undefined> => {
    if (entry.certificate.gostPublicKey) {
      return alg === 'GOST3410_2012_256' ? { kind: 'gost', key: entry.certificate.gostPublicKey } : undefined;
    }
    let imported = entry.imported.get(alg);
    if (!imported) {
      // No key when its type does not fit the alg (an EC certificate for RS256; any certificate for
      // GOST3410_2012_256, which jose does not know). The answer is the same every time: it is cached.
      imported = importX509(derToPem(entry.certificate.der, 'CERTIFICATE'), alg).catch(() => undefined);
      entry.imported.set(alg, imported);
    }
    const key = await imported;
    return key === undefined ? undefined : { kind: 'jose', key };
  };
  return {
    async resolve(header) {
      const wanted = headerThumbprints(header);
      const ordered: Entry[] = [];
      for (const entry of entries) {
        // Computed once per certificate, on the first token (most carry a thumbprint).
        entry.thumbprints ??= thumbprintsOf(entry.certificate.der);
        const prints = await entry.thumbprints;
        if (wanted.some((print) => prints.has(print))) {
          ordered.push(entry);
        }
      }
      ordered.push(...entries.filter((entry) => !ordered.includes(entry)));
      const candidates: JwtKeyCandidate[] = [];
      for (const entry of ordered) {
        const candidate = await candidateOf(entry, String(header.alg));
        if (candidate) {
          candidates.push(candidate);
        }
      }
      return candidates;
    },
  };
}
