/**
 * `Content-Digest: sha-256=:<base64>:` (RFC 9530) over the exact body bytes. Only sha-256 is used and
 * accepted, so there is one value per body and nothing to negotiate.
 */
import { fromBase64Any, timingSafeEqual, toBase64 } from '@goskit/crypto';
import { PacketError } from '../errors/packet-error.js';

export const CONTENT_DIGEST_HEADER = 'content-digest';

const SHAPE = /^sha-256=:([A-Za-z0-9+/]{43}=):$/;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
}

export async function contentDigest(bytes: Uint8Array): Promise<string> {
  return `sha-256=:${toBase64(await sha256(bytes))}:`;
}

/** Checks the header's syntax; the MAC already vouches for the value, this ties it to the body. */
export function parseContentDigest(value: string | null | undefined): Uint8Array {
  const match = value ? SHAPE.exec(value) : null;
  if (!match) {
    throw new PacketError('digest', 'Content-Digest must be "sha-256=:<base64>:"');
  }
  try {
    return fromBase64Any(match[1] as string);
  } catch (cause) {
    throw new PacketError('digest', 'the Content-Digest value is not valid base64', { cause });
  }
}

export async function checkContentDigest(value: string, body: Uint8Array): Promise<void> {
  const expected = parseContentDigest(value);
  if (!timingSafeEqual(expected, await sha256(body))) {
    throw new PacketError('digest', 'the body does not match its Content-Digest (altered in transit?)');
  }
}
