/**
 * A self-signed X.509 certificate for the simulator's RSA token key, so the JWKS can publish x5c
 * like the GOST key does. Only the handful of DER shapes a certificate needs are encoded here.
 */
function length(n: number): Uint8Array {
  if (n < 0x80) {
    return Uint8Array.of(n);
  }
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) {
    bytes.unshift(rest & 0xff);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const tlv = (tag: number, content: Uint8Array) => concat(Uint8Array.of(tag), length(content.length), content);
const sequence = (...items: Uint8Array[]) => tlv(0x30, concat(...items));
const set = (...items: Uint8Array[]) => tlv(0x31, concat(...items));
const utf8 = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
const nullValue = () => Uint8Array.of(0x05, 0x00);

function oid(dotted: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

function integer(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  if (bytes.length === 0 || (bytes[0] as number) >= 0x80) {
    bytes.unshift(0);
  }
  return tlv(0x02, Uint8Array.from(bytes));
}

function utcTime(date: Date): Uint8Array {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, new TextEncoder().encode(text));
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** DER certificate over the SPKI, signed with the same RSA key (RSASSA-PKCS1-v1_5 / SHA-256). */
export async function createRsaCertificate(options: {
  privateKey: CryptoKey;
  spkiDer: Uint8Array;
  commonName: string;
  notBefore: Date;
  days: number;
}): Promise<Uint8Array> {
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8(options.commonName))));
  const algorithm = sequence(oid(SHA256_WITH_RSA), nullValue());
  const notAfter = new Date(options.notBefore.getTime() + options.days * 86_400_000);
  const tbs = sequence(
    tlv(0xa0, integer(2)),
    integer(1),
    algorithm,
    name,
    sequence(utcTime(options.notBefore), utcTime(notAfter)),
    name,
    options.spkiDer,
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign('RSASSA-PKCS1-v1_5', options.privateKey, tbs as Uint8Array<ArrayBuffer>),
  );
  return sequence(tbs, algorithm, tlv(0x03, concat(Uint8Array.of(0), signature)));
}
