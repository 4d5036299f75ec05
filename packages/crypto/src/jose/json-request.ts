import { canonicalJson } from '../integrity/canonical-json.js';
import { type DetachedMode, type JoseKey, type SignJwsOptions, signDetachedJws } from './jws.js';

export interface SignedJsonRequest {
  /** Send exactly this text as the request body. */
  body: string;
  /** Detached JWS over `body`, for a header such as `X-JWS-Signature`. */
  signature: string;
}

/**
 * Serializes a JSON request body and signs it detached, returning both so the bytes sent are the
 * bytes signed. `canonical: true` sorts keys (canonical JSON) so a receiver that re-serializes
 * can reproduce them.
 */
export async function signJsonRequest(
  body: unknown,
  key: JoseKey,
  options: SignJwsOptions & { mode?: DetachedMode; canonical?: boolean },
): Promise<SignedJsonRequest> {
  const text = options.canonical ? canonicalJson(body) : JSON.stringify(body);
  return { body: text, signature: await signDetachedJws(text, key, options) };
}
