/**
 * Certificate, chain, key and CA material from memory (PEM text or bytes) or from files
 * (`{ path }`), read once when the client is created.
 */
import { readFileSync } from 'node:fs';
import { TlsConfigError, type TlsPart } from '../errors/tls-config-error.js';

export type TlsMaterial = string | Uint8Array | { path: string };

export function readTlsMaterial(material: TlsMaterial, part: TlsPart): Buffer {
  if (typeof material === 'string') {
    return Buffer.from(material, 'utf8');
  }
  if (material instanceof Uint8Array) {
    return Buffer.from(material);
  }
  if (material && typeof material === 'object' && typeof material.path === 'string') {
    try {
      return readFileSync(material.path);
    } catch (cause) {
      throw new TlsConfigError(part, 'unreadable', `cannot read the ${part} file`, { cause });
    }
  }
  throw new TlsConfigError(part, 'missing', `${part} must be PEM text, bytes or { path }`);
}
