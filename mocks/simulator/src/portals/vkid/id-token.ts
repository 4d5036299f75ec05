/**
 * The id_token: a JWT signed with HS256 under a key derived from the seed [unconfirmed: VK ID signs
 * with its own keys]; /oauth2/public_info checks the signature and expiry before trusting it.
 */
import { fromBase64Url, hmacSha256, timingSafeEqual, toBase64Url, utf8 } from '@goskit/crypto';

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  app: string;
  iat: number;
  exp: number;
  jti: string;
}

const HEADER = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function keyOf(seed: string): string {
  return `goskit-sim/vkid/id-token/${seed}`;
}

export async function signIdToken(seed: string, claims: IdTokenClaims): Promise<string> {
  const input = `${HEADER}.${toBase64Url(utf8(JSON.stringify(claims)))}`;
  return `${input}.${toBase64Url(await hmacSha256(keyOf(seed), input))}`;
}

/** The claims of an id_token this simulator signed and that has not expired; undefined otherwise. */
export async function verifyIdToken(
  seed: string,
  token: string,
  nowMs: number,
): Promise<IdTokenClaims | undefined> {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 4096 || parts[0] !== HEADER) {
    return undefined;
  }
  const [header, payload, signature] = parts as [string, string, string];
  let given: Uint8Array;
  try {
    given = fromBase64Url(signature);
  } catch {
    return undefined;
  }
  const expected = await hmacSha256(keyOf(seed), `${header}.${payload}`);
  if (!timingSafeEqual(given, expected)) {
    return undefined;
  }
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as IdTokenClaims;
    return typeof claims.exp === 'number' && claims.exp * 1000 > nowMs ? claims : undefined;
  } catch {
    return undefined;
  }
}
