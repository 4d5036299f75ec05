/**
 * The ASN.1 internals moved to `@goskit/crypto/asn1` (the root entry keeps PEM ↔ DER). These root
 * re-exports keep old imports compiling for one minor release; each is marked deprecated, so an
 * editor strikes it through and names the new home.
 */
import * as asn1 from './asn1/index.js';

/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export type Asn1Node = asn1.Asn1Node;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export type ParseDerOptions = asn1.ParseDerOptions;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const parseDer: typeof asn1.parseDer = asn1.parseDer;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const der: typeof asn1.der = asn1.der;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const tlv: typeof asn1.tlv = asn1.tlv;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const TAG: typeof asn1.TAG = asn1.TAG;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const base64ToBytes: typeof asn1.base64ToBytes = asn1.base64ToBytes;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const bytesToBase64: typeof asn1.bytesToBase64 = asn1.bytesToBase64;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const expectContext: typeof asn1.expectContext = asn1.expectContext;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const expectSequence: typeof asn1.expectSequence = asn1.expectSequence;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const expectUniversal: typeof asn1.expectUniversal = asn1.expectUniversal;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const isUniversal: typeof asn1.isUniversal = asn1.isUniversal;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const oidToString: typeof asn1.oidToString = asn1.oidToString;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readBitString: typeof asn1.readBitString = asn1.readBitString;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readBoolean: typeof asn1.readBoolean = asn1.readBoolean;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readInteger: typeof asn1.readInteger = asn1.readInteger;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readIntegerHex: typeof asn1.readIntegerHex = asn1.readIntegerHex;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readOctetString: typeof asn1.readOctetString = asn1.readOctetString;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readString: typeof asn1.readString = asn1.readString;
/** @deprecated Import it from '@goskit/crypto/asn1'; the root export goes away in the next minor release. */
export const readTime: typeof asn1.readTime = asn1.readTime;
