/** One decoded DER element. `value` and `raw` are views into the input, not copies. */
export interface Asn1Node {
  readonly tagClass: 'universal' | 'application' | 'context' | 'private';
  readonly tag: number;
  readonly constructed: boolean;
  /** Offset of the element in the buffer given to parseDer. */
  readonly offset: number;
  readonly headerLength: number;
  /** Content octets (without tag and length). */
  readonly value: Uint8Array;
  /** Children of a constructed element, empty for primitives. */
  readonly children: readonly Asn1Node[];
  /** The complete TLV bytes. */
  readonly raw: Uint8Array;
}

/** Universal tag numbers this package reads or writes. */
export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  TELETEX_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;
