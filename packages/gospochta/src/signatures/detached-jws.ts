/**
 * Detached compact JWS (RFC 7515 App. F, `header..signature`) over bytes, signed by any @goskit/crypto
 * `Signer` — RS256 (WebCryptoSigner) or GOST3410_2012_256 (software, OpenSSL-GOST, CryptoPro) — with
 * the certificate's `x5t#S256` in the header. Verified only against certificates the caller trusts;
 * the allow-list is RS256 and GOST3410_2012_256 ('none' and HMAC can never pass).
 */
import { InvalidOptionsError } from '@goskit/core';
import type { Certificate } from '@goskit/crypto';
import {
  fromBase64Url,
  fromUtf8,
  type Signer,
  toBase64Url,
  utf8,
  verifyGostJwsSignature,
} from '@goskit/crypto';
import type { TrustedCertificate } from './trusted-certificates.js';

export type JwsAlgorithmName = 'RS256' | 'GOST3410_2012_256';
export const JWS_ALGORITHMS: readonly JwsAlgorithmName[] = ['RS256', 'GOST3410_2012_256'];

const MAX_JWS_LENGTH = 16_384;

async function sha256Thumbprint(der: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(der))));
}

/** Signs `payload` and returns `header..signature`. */
export async function signDetached(payload: Uint8Array, signer: Signer): Promise<string> {
  if (signer.algorithm !== 'RS256' && signer.algorithm !== 'GOST3410_2012_256') {
    throw new InvalidOptionsError(
      `JWS signing supports RS256 and GOST3410_2012_256 signers, not ${signer.algorithm}`,
    );
  }
  const header = { alg: signer.algorithm, 'x5t#S256': await sha256Thumbprint(await signer.certificate()) };
  const protectedPart = toBase64Url(utf8(JSON.stringify(header)));
  const signingInput = `${protectedPart}.${toBase64Url(payload)}`;
  const signature = await signer.sign(utf8(signingInput));
  return `${protectedPart}..${toBase64Url(signature)}`;
}

export type DetachedVerification =
  | { valid: true; alg: JwsAlgorithmName; certificate: Certificate }
  | {
      valid: false;
      reason: 'malformed' | 'algorithm-not-allowed' | 'untrusted-signer' | 'signature-mismatch';
      message: string;
    };

interface ParsedJws {
  header: Record<string, unknown>;
  protectedPart: string;
  signature: Uint8Array;
}

function parse(jws: string): ParsedJws | undefined {
  if (typeof jws !== 'string' || jws.length > MAX_JWS_LENGTH) {
    return undefined;
  }
  const match = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/.exec(jws);
  if (!match) {
    return undefined;
  }
  try {
    const header = JSON.parse(fromUtf8(fromBase64Url(match[1] as string))) as unknown;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) {
      return undefined;
    }
    return {
      header: header as Record<string, unknown>,
      protectedPart: match[1] as string,
      signature: fromBase64Url(match[2] as string),
    };
  } catch {
    return undefined;
  }
}

/** Verifies a detached JWS over `payload` with the trusted certificates (the `x5t#S256` match first). */
export async function verifyDetached(
  jws: string,
  payload: Uint8Array,
  trusted: readonly TrustedCertificate[],
  algorithms: readonly JwsAlgorithmName[] = JWS_ALGORITHMS,
): Promise<DetachedVerification> {
  const parsed = parse(jws);
  if (!parsed) {
    return { valid: false, reason: 'malformed', message: 'not a detached JWS (header..signature)' };
  }
  const alg = parsed.header.alg;
  if (
    typeof alg !== 'string' ||
    !(algorithms as readonly string[]).includes(alg) ||
    parsed.header.crit !== undefined
  ) {
    return {
      valid: false,
      reason: 'algorithm-not-allowed',
      message: `JWS algorithm is not one of ${algorithms.join(', ')}`,
    };
  }
  const wanted = typeof parsed.header['x5t#S256'] === 'string' ? parsed.header['x5t#S256'] : undefined;
  const ordered: TrustedCertificate[] = [];
  for (const candidate of trusted) {
    if (wanted !== undefined && (await candidate.thumbprint) === wanted) {
      ordered.unshift(candidate);
    } else {
      ordered.push(candidate);
    }
  }
  const signingInput = utf8(`${parsed.protectedPart}.${toBase64Url(payload)}`);
  let anyKey = false;
  for (const candidate of ordered) {
    const gostKey = candidate.certificate.gostPublicKey;
    if (alg === 'GOST3410_2012_256') {
      if (!gostKey) {
        continue;
      }
      anyKey = true;
      if (verifyGostJwsSignature(gostKey, fromUtf8(signingInput), parsed.signature, 'openssl')) {
        return { valid: true, alg, certificate: candidate.certificate };
      }
      continue;
    }
    const rsa = await candidate.rsaKey();
    if (!rsa) {
      continue;
    }
    anyKey = true;
    const ok = await globalThis.crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      rsa,
      new Uint8Array(parsed.signature),
      new Uint8Array(signingInput),
    );
    if (ok) {
      return { valid: true, alg: 'RS256', certificate: candidate.certificate };
    }
  }
  return anyKey
    ? {
        valid: false,
        reason: 'signature-mismatch',
        message: 'the JWS does not verify with any trusted certificate',
      }
    : {
        valid: false,
        reason: 'untrusted-signer',
        message: `no trusted certificate can verify a ${alg} signature`,
      };
}
