/** JOSE-style names of the signature algorithms a Signer can produce. */
export type SignatureAlgorithm = 'GOST3410_2012_256' | 'RS256' | 'ES256' | 'PS256';

/**
 * Something that signs bytes with a private key it may never reveal (file, token, CSP container).
 *
 * `sign` hashes and signs `data` itself (Streebog-256 for GOST, SHA-256 otherwise). GOST signatures
 * are returned as 64 bytes in the layout `openssl dgst -engine gost -md_gost12_256 -sign` writes —
 * which is also the layout ESIA expects in client_secret; signers of other tools convert to it
 * (CryptoPro's csptest output is reversed back).
 */
export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** The DER certificate of the signing key. */
  certificate(): Promise<Uint8Array>;
}

/** Steps an external signer reports in errors. */
export type SignerStep = 'spawn' | 'sign' | 'timeout' | 'read-certificate' | 'read-signature' | 'prepare';
