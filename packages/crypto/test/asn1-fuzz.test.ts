import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derToPem, parseDer } from '../src/asn1/index.js';
import { CryptoError } from '../src/errors.js';
import { generateGostKeyPair } from '../src/gost/index.js';
import {
  exportGostPrivateKey,
  exportGostPublicKey,
  parseGostPrivateKey,
  parseGostPublicKey,
} from '../src/keys/index.js';
import { certificateHash, createSelfSignedCertificate, parseCertificate } from '../src/x509/index.js';

/*
 * Every parser must either return a result or throw CryptoError — never a TypeError, RangeError or
 * a hang — on random bytes and on mutations of valid certificates and keys. Error messages must not
 * echo the private key.
 */

const { privateKey, publicKey } = generateGostKeyPair('cryptopro-A');
const certificate = createSelfSignedCertificate({ privateKey, subject: 'CN=Fuzz,O=Goskit' }).der;
const keyDer = exportGostPrivateKey(privateKey).der;
const spkiDer = exportGostPublicKey(publicKey).der;
const secretHex = privateKey.d.toString(16);

const parsers: [string, (input: Uint8Array) => unknown][] = [
  ['parseDer', (input) => parseDer(input)],
  ['parseCertificate', (input) => parseCertificate(input)],
  ['certificateHash', (input) => certificateHash(input)],
  ['parseGostPrivateKey', (input) => parseGostPrivateKey(input)],
  ['parseGostPublicKey', (input) => parseGostPublicKey(input)],
  ['parseCertificate(PEM)', (input) => parseCertificate(derToPem(input, 'CERTIFICATE'))],
];

function onlyCryptoErrors(parse: (input: Uint8Array) => unknown, input: Uint8Array): void {
  try {
    parse(input);
  } catch (error) {
    if (!(error instanceof CryptoError)) {
      throw error;
    }
    expect(error.message.toLowerCase()).not.toContain(secretHex);
  }
}

/** Flips, overwrites, inserts or deletes bytes of a valid encoding. */
const mutation = (base: Uint8Array) =>
  fc
    .array(
      fc.record({
        kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate'),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((ops) => {
      let out = Array.from(base);
      for (const op of ops) {
        const at = out.length === 0 ? 0 : op.at % out.length;
        if (op.kind === 'flip') {
          out[at] = (out[at] ?? 0) ^ (1 << (op.value & 7));
        } else if (op.kind === 'set') {
          out[at] = op.value;
        } else if (op.kind === 'insert') {
          out.splice(at, 0, op.value);
        } else if (op.kind === 'delete') {
          out.splice(at, 1);
        } else {
          out = out.slice(0, at);
        }
      }
      return Uint8Array.from(out);
    });

describe('parser fuzzing', () => {
  it.each(parsers)('%s: random bytes → result or CryptoError', (_name, parse) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => onlyCryptoErrors(parse, input)),
      { numRuns: 300 },
    );
  });

  it.each(parsers)('%s: random DER-looking bytes → result or CryptoError', (_name, parse) => {
    const derLike = fc
      .tuple(fc.constantFrom(0x30, 0x31, 0x02, 0x04, 0x03, 0xa0, 0x06), fc.uint8Array({ maxLength: 200 }))
      .map(([tag, body]) =>
        Uint8Array.of(tag, ...(body.length < 128 ? [body.length] : [0x81, body.length]), ...body),
      );
    fc.assert(
      fc.property(derLike, (input) => onlyCryptoErrors(parse, input)),
      { numRuns: 200 },
    );
  });

  it.each([
    ['certificate', certificate],
    ['PKCS#8 key', keyDer],
    ['SubjectPublicKeyInfo', spkiDer],
  ] as const)('mutated %s → result or CryptoError in every parser', (_name, base) => {
    fc.assert(
      fc.property(mutation(base), (input) => {
        for (const [, parse] of parsers) {
          onlyCryptoErrors(parse, input);
        }
      }),
      { numRuns: 150 },
    );
  });
});
