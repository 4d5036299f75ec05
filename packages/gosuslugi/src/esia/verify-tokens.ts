import type { Clock } from '@goskit/core';
import { isCryptoError, type JwtKeyResolver, verifyJwt } from '@goskit/crypto';
import { EsiaError } from '../errors/esia-error.js';
import type { EsiaTokenAlgorithm } from './options.js';
import { isReloadable } from './token-keys.js';

export interface TokenVerification {
  keys: JwtKeyResolver;
  algorithms: readonly EsiaTokenAlgorithm[];
  issuer: string;
  clientId: string;
  clockSkewSec: number;
  clock: Clock;
}

/** Failures a key rotation explains: worth one reload of the keys. */
const ROTATION = new Set(['KEY_NOT_FOUND', 'SIGNATURE_MISMATCH']);

/**
 * Verifies an ESIA access token or id_token: allow-listed alg (never 'none'), signature with the
 * configured keys, `iss`, `exp`/`nbf` with skew; id_token `aud` = clientId, access token
 * `client_id` = clientId. Everything wrong becomes EsiaError('TOKEN_INVALID') with `reason`.
 */
export async function verifyEsiaToken(
  token: string,
  kind: 'access' | 'id',
  options: TokenVerification,
): Promise<Record<string, unknown>> {
  const verify = () =>
    verifyJwt(token, {
      algorithms: options.algorithms,
      keys: options.keys,
      issuer: options.issuer,
      ...(kind === 'id' ? { audience: options.clientId } : {}),
      clockToleranceSec: options.clockSkewSec,
      clock: options.clock,
    });
  let payload: Record<string, unknown>;
  try {
    try {
      ({ payload } = await verify());
    } catch (error) {
      if (
        isCryptoError(error) &&
        ROTATION.has(error.code) &&
        isReloadable(options.keys) &&
        (await options.keys.reload())
      ) {
        ({ payload } = await verify());
      } else {
        throw error;
      }
    }
  } catch (error) {
    const reason = isCryptoError(error) ? error.code : 'UNKNOWN';
    const detail = isCryptoError(error) ? error.message : 'verification failed';
    throw new EsiaError(
      'TOKEN_INVALID',
      `ESIA ${kind === 'id' ? 'id_token' : 'access token'} rejected: ${detail}`,
      {
        reason,
        cause: error,
        hint: {
          ru: 'Проверьте tokenKeys (сертификат ЕСИА мог смениться), алгоритм подписи системы и часы сервера.',
          en: "Check tokenKeys (ESIA's certificate may have rotated), the system's token algorithm and the server clock.",
        },
      },
    );
  }
  if (kind === 'access' && payload.client_id !== undefined && payload.client_id !== options.clientId) {
    throw new EsiaError('TOKEN_INVALID', 'ESIA access token was issued to another client', {
      reason: 'TOKEN_CLAIM_INVALID',
    });
  }
  return payload;
}
