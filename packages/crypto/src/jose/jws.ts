import {
  type CompactJWSHeaderParameters,
  CompactSign,
  compactVerify,
  FlattenedSign,
  flattenedVerify,
} from 'jose';
import { CryptoError } from '../errors.js';
import { fromBase64Url, toBase64Url, utf8 } from '../integrity/bytes.js';
import { toCryptoError } from './jose-errors.js';
import type { JwsHeader } from './jose-types.js';
import { MAX_TOKEN_LENGTH, parseJsonObject } from './token-parts.js';

/** Key for jose: a WebCrypto key (RSA, EC, Ed25519) or raw HMAC secret bytes. */
export type JoseKey = CryptoKey | Uint8Array;

/** JWS algorithms allowed for signing requests; 'none' is not one of them. */
export type JwsAlgorithm = 'RS256' | 'PS256' | 'ES256' | 'EdDSA' | 'HS256';

export interface SignJwsOptions {
  alg: JwsAlgorithm;
  kid?: string;
  typ?: string;
  /** Further protected header parameters. */
  header?: Record<string, unknown>;
}

/**
 * How a detached JWS carries the payload:
 * - 'detached' (default): RFC 7515 Appendix F — an ordinary JWS over base64url(payload) with the
 *   payload part left empty (`header..signature`). Every JOSE library verifies it.
 * - 'unencoded': RFC 7797 — header `{"b64":false,"crit":["b64"]}`, signature over the raw payload
 *   bytes, so the receiver hashes the body exactly as it arrived without re-encoding it.
 */
export type DetachedMode = 'detached' | 'unencoded';

function protectedHeader(
  options: SignJwsOptions,
  extra: Record<string, unknown> = {},
): CompactJWSHeaderParameters {
  return {
    ...options.header,
    ...extra,
    alg: options.alg,
    ...(options.kid === undefined ? {} : { kid: options.kid }),
    ...(options.typ === undefined ? {} : { typ: options.typ }),
  };
}

function payloadBytes(payload: Uint8Array | string): Uint8Array {
  return typeof payload === 'string' ? utf8(payload) : payload;
}

/** Compact JWS (`header.payload.signature`). */
export async function signJws(
  payload: Uint8Array | string,
  key: JoseKey,
  options: SignJwsOptions,
): Promise<string> {
  try {
    return await new CompactSign(payloadBytes(payload))
      .setProtectedHeader(protectedHeader(options))
      .sign(key);
  } catch (error) {
    throw toCryptoError(error);
  }
}

/** Detached JWS over the payload: `header..signature` (see DetachedMode). */
export async function signDetachedJws(
  payload: Uint8Array | string,
  key: JoseKey,
  options: SignJwsOptions & { mode?: DetachedMode },
): Promise<string> {
  const bytes = payloadBytes(payload);
  try {
    if (options.mode === 'unencoded') {
      const jws = await new FlattenedSign(bytes)
        .setProtectedHeader(protectedHeader(options, { b64: false, crit: ['b64'] }))
        .sign(key);
      return `${jws.protected}..${jws.signature}`;
    }
    const [header, , signature] = (await signJws(bytes, key, options)).split('.');
    return `${header}..${signature}`;
  } catch (error) {
    throw toCryptoError(error);
  }
}

export interface VerifyJwsOptions {
  /** Strict allow-list; required. */
  algorithms: readonly JwsAlgorithm[];
}

function checkAllowList(algorithms: readonly string[]): void {
  if (algorithms.length === 0 || algorithms.some((alg) => alg.toLowerCase() === 'none')) {
    throw new CryptoError('ALGORITHM_NOT_ALLOWED', 'A non-empty allow-list without "none" is required');
  }
}

/** Verifies a detached JWS (either mode, told apart by the b64 header) against the received body bytes. */
export async function verifyDetachedJws(
  jws: string,
  payload: Uint8Array | string,
  key: JoseKey,
  options: VerifyJwsOptions,
): Promise<{ header: JwsHeader }> {
  checkAllowList(options.algorithms);
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || jws.length > MAX_TOKEN_LENGTH) {
    throw new CryptoError('MALFORMED_TOKEN', 'Detached JWS must look like header..signature');
  }
  const [protectedPart, , signature] = parts as [string, string, string];
  let headerBytes: Uint8Array;
  try {
    headerBytes = fromBase64Url(protectedPart);
  } catch (cause) {
    throw new CryptoError('MALFORMED_TOKEN', 'Detached JWS header is not base64url', { cause });
  }
  const header = parseJsonObject(headerBytes, 'header');
  const bytes = payloadBytes(payload);
  try {
    const result =
      header.b64 === false
        ? // jose recognises the b64 extension of RFC 7797 itself (no `crit` option needed).
          await flattenedVerify({ protected: protectedPart, payload: bytes, signature }, key, {
            algorithms: [...options.algorithms],
          })
        : await flattenedVerify({ protected: protectedPart, payload: toBase64Url(bytes), signature }, key, {
            algorithms: [...options.algorithms],
          });
    return { header: result.protectedHeader ?? {} };
  } catch (error) {
    throw toCryptoError(error, 'MALFORMED_TOKEN');
  }
}

/** Verifies a compact JWS and returns the payload bytes. */
export async function verifyJws(
  jws: string,
  key: JoseKey,
  options: VerifyJwsOptions,
): Promise<{ payload: Uint8Array; header: JwsHeader }> {
  checkAllowList(options.algorithms);
  try {
    const result = await compactVerify(jws, key, { algorithms: [...options.algorithms] });
    return { payload: result.payload, header: result.protectedHeader };
  } catch (error) {
    throw toCryptoError(error, 'MALFORMED_TOKEN');
  }
}
