/**
 * The JOSE shapes goskit's public API hands out and takes, written out instead of imported from
 * jose: jose 6 is ESM-only, and a type import of it in `index.d.cts` breaks every CommonJS
 * TypeScript consumer under module node16 (TS1479). jose's own objects fit these structurally.
 */

/** A JWS protected header (RFC 7515 §4.1) with any further parameters. */
export interface JwsHeader {
  alg?: string;
  kid?: string;
  typ?: string;
  cty?: string;
  crit?: string[];
  b64?: boolean;
  jku?: string;
  jwk?: { [parameter: string]: unknown };
  x5c?: string[];
  x5t?: string;
  'x5t#S256'?: string;
  x5u?: string;
  [parameter: string]: unknown;
}

/** A flattened JWS as key resolvers receive it (RFC 7515 §7.2.2). */
export interface FlattenedJwsInput {
  payload: string | Uint8Array;
  protected?: string;
  header?: JwsHeader;
  signature: string;
}

/** A JSON Web Key Set (RFC 7517 §5). */
export interface JsonWebKeySet {
  keys: { [parameter: string]: unknown }[];
}
