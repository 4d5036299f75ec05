import { importX509 } from 'jose';
import { derToPem } from '../asn1/index.js';
import { streebog256 } from '../gost/index.js';
import { toArrayBufferView, toBase64Url, toHex } from '../integrity/bytes.js';
import { type Certificate, parseCertificate } from '../x509/index.js';
import type { JwsHeader } from './jose-types.js';
import type { JwtKeyCandidate, JwtKeyResolver } from './key-resolvers.js';

interface Entry {
  certificate: Certificate;
  thumbprints?: Promise<Set<string>>;
  imported: Map<string, Promise<CryptoKey>>;
}

async function thumbprintsOf(der: Uint8Array): Promise<Set<string>> {
  const subtle = globalThis.crypto.subtle;
  const digests = [
    new Uint8Array(await subtle.digest('SHA-1', toArrayBufferView(der))),
    new Uint8Array(await subtle.digest('SHA-256', toArrayBufferView(der))),
    streebog256(der),
  ];
  // Headers carry x5t / x5t#S256 as base64url; ESIA's x5t#St256 has been seen as uppercase hex.
  return new Set(digests.flatMap((digest) => [toBase64Url(digest), toHex(digest)]));
}

function headerThumbprints(header: JwsHeader): string[] {
  const record = header as Record<string, unknown>;
  return ['x5t', 'x5t#S256', 'x5t#St256']
    .map((name) => record[name])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => (/^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0 ? value.toLowerCase() : value));
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
    if (alg === 'GOST3410_2012_256') {
      return undefined;
    }
    let imported = entry.imported.get(alg);
    if (!imported) {
      imported = importX509(derToPem(entry.certificate.der, 'CERTIFICATE'), alg);
      entry.imported.set(alg, imported);
    }
    try {
      return { kind: 'jose', key: await imported };
    } catch {
      entry.imported.delete(alg);
      return undefined; // key type does not fit this alg (e.g. an EC certificate for RS256)
    }
  };
  return {
    async resolve(header) {
      const wanted = headerThumbprints(header);
      const ordered: Entry[] = [];
      if (wanted.length > 0) {
        for (const entry of entries) {
          entry.thumbprints ??= thumbprintsOf(entry.certificate.der);
          const prints = await entry.thumbprints;
          if (wanted.some((print) => prints.has(print))) {
            ordered.push(entry);
          }
        }
      }
      ordered.push(...entries.filter((entry) => !ordered.includes(entry)));
      const candidates: JwtKeyCandidate[] = [];
      for (const entry of ordered) {
        const candidate = await candidateOf(entry, header.alg ?? '');
        if (candidate) {
          candidates.push(candidate);
        }
      }
      return candidates;
    },
  };
}
