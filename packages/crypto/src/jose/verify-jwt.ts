import { compactVerify } from 'jose';
import { CryptoError } from '../errors.js';
import type { GostSignatureByteOrder } from './gost-byte-order.js';
import { GOST_JWT_ALGORITHM, verifyGostJwsSignature } from './gost-jwt.js';
import { toCryptoError } from './jose-errors.js';
import type { JwsHeader } from './jose-types.js';
import type { JwtKeyCandidate, JwtKeyResolver } from './key-resolvers.js';
import { parseCompactJws, parseJsonObject } from './token-parts.js';
import { type ClaimsPolicy, validateClaims } from './validate-claims.js';

/** Algorithms verifyJwt can accept. 'none' is not among them and cannot be configured. */
export type JwtAlgorithm =
  | 'GOST3410_2012_256'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'HS256'
  | 'HS384'
  | 'HS512';

export interface VerifyJwtOptions extends ClaimsPolicy {
  /** Strict allow-list, required and non-empty. The header's alg must be one of these. */
  algorithms: readonly JwtAlgorithm[];
  /** Where keys come from: jwksKeys, remoteJwksKeys, certificateKeys or staticKeys. */
  keys: JwtKeyResolver;
  /** Expected `typ` header (compared case-insensitively, "application/" prefix ignored). */
  typ?: string;
  /** Layout of GOST signatures in the token. Default 'openssl'. */
  gostSignatureByteOrder?: GostSignatureByteOrder;
}

export interface VerifiedJwt {
  header: JwsHeader;
  payload: Record<string, unknown>;
}

function checkAlgorithms(algorithms: readonly string[] | undefined): void {
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new CryptoError('INVALID_INPUT', 'verifyJwt needs a non-empty algorithms allow-list');
  }
  if (algorithms.some((alg) => alg.toLowerCase() === 'none')) {
    throw new CryptoError('ALGORITHM_NOT_ALLOWED', 'The "none" algorithm is never allowed');
  }
}

async function verifyWithCandidates(
  token: string,
  alg: string,
  candidates: JwtKeyCandidate[],
  options: VerifyJwtOptions,
  signingInput: string,
  signature: Uint8Array,
): Promise<void> {
  const wanted = alg === GOST_JWT_ALGORITHM ? 'gost' : 'jose';
  const usable = candidates.filter((candidate) => candidate.kind === wanted);
  if (usable.length === 0) {
    throw new CryptoError('KEY_NOT_FOUND', `No key available for a ${alg} token`);
  }
  for (const candidate of usable) {
    if (candidate.kind === 'gost') {
      // Stryker disable next-line StringLiteral: equivalent: applyByteOrder reverses only for 'reversed'
      const order = options.gostSignatureByteOrder ?? 'openssl';
      if (verifyGostJwsSignature(candidate.key, signingInput, signature, order)) {
        return;
      }
      continue;
    }
    try {
      // Stryker disable next-line ObjectLiteral,ArrayDeclaration: equivalent: the token's alg is already in the allow-list; jose is held to it again as defence in depth
      await compactVerify(token, candidate.key, { algorithms: [alg] });
      return;
    } catch (error) {
      const mapped = toCryptoError(error, 'MALFORMED_TOKEN');
      // Only a signature mismatch or a key of another type means "try the next key" (rotation).
      if (mapped.code !== 'SIGNATURE_MISMATCH' && !(error instanceof TypeError)) {
        throw mapped;
      }
    }
  }
  throw new CryptoError('SIGNATURE_MISMATCH', 'Token signature does not verify with any available key');
}

/**
 * Verifies a compact JWT: strict algorithm allow-list ('none' never), signature with keys from the
 * resolver (several tried in order, for rotation), GOST3410_2012_256 tokens with the software GOST
 * code, then registered claims (exp, nbf, iat, iss, aud) with clock tolerance.
 * Failures are CryptoError: MALFORMED_TOKEN, ALGORITHM_NOT_ALLOWED, KEY_NOT_FOUND, SIGNATURE_MISMATCH,
 * TOKEN_EXPIRED, TOKEN_NOT_YET_VALID, TOKEN_CLAIM_INVALID.
 */
export async function verifyJwt(token: string, options: VerifyJwtOptions): Promise<VerifiedJwt> {
  checkAlgorithms(options.algorithms);
  const parts = parseCompactJws(token);
  const header = parts.header as VerifiedJwt['header'];
  const alg = header.alg as string;
  if (!(options.algorithms as readonly string[]).includes(alg)) {
    throw new CryptoError(
      'ALGORITHM_NOT_ALLOWED',
      `Token algorithm ${JSON.stringify(alg.slice(0, 40))} is not allowed`,
    );
  }
  if (header.crit !== undefined) {
    throw new CryptoError('MALFORMED_TOKEN', 'Tokens with "crit" header parameters are not supported');
  }
  if (options.typ !== undefined) {
    const normalize = (value: string) => value.toLowerCase().replace(/^application\//, '');
    if (typeof header.typ !== 'string' || normalize(header.typ) !== normalize(options.typ)) {
      throw new CryptoError('TOKEN_CLAIM_INVALID', 'Unexpected "typ" header');
    }
  }
  // parseCompactJws has checked that the token has exactly three parts.
  const [protectedPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];
  let candidates: JwtKeyCandidate[];
  try {
    candidates = await options.keys.resolve(header, {
      protected: protectedPart,
      payload: payloadPart,
      signature: signaturePart,
    });
  } catch (error) {
    throw toCryptoError(error, 'KEY_NOT_FOUND');
  }
  await verifyWithCandidates(token, alg, candidates, options, parts.signingInput, parts.signature);
  const payload = parseJsonObject(parts.payload, 'payload');
  validateClaims(payload, options);
  return { header, payload };
}

/** Reads a JWT's header and payload WITHOUT verifying anything — for logging and routing only. */
export function decodeJwtUnverified(token: string): VerifiedJwt {
  const parts = parseCompactJws(token);
  return {
    header: parts.header as VerifiedJwt['header'],
    payload: parseJsonObject(parts.payload, 'payload'),
  };
}
