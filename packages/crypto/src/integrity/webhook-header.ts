import { CryptoError } from '../errors.js';

/** A parsed `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` webhook signature header. */
export interface WebhookSignatureHeader {
  timestamp: number;
  /** Every `v1` value (several while a secret is being rotated), lowercase hex. */
  signatures: string[];
}

const MAX_HEADER_LENGTH = 4096;

/**
 * Parses the header strictly: the timestamp must be a plain decimal, each `v1` 64 hex digits.
 * Unknown schemes (`v0=`, future `v2=`) are ignored so senders can add them without breaking us.
 */
export function parseWebhookHeader(header: string): WebhookSignatureHeader {
  if (header.length === 0 || header.length > MAX_HEADER_LENGTH) {
    throw new CryptoError('MALFORMED_SIGNATURE', 'Webhook signature header is empty or too long');
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new CryptoError('MALFORMED_SIGNATURE', 'Webhook signature header has an item without key=value');
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) {
        throw new CryptoError(
          'MALFORMED_SIGNATURE',
          'Webhook signature header has a bad or repeated timestamp',
        );
      }
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) {
        throw new CryptoError('MALFORMED_SIGNATURE', 'Webhook signature v1 must be 64 hex digits');
      }
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new CryptoError('MALFORMED_SIGNATURE', 'Webhook signature header needs t= and at least one v1=');
  }
  return { timestamp, signatures };
}
