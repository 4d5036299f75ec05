/**
 * The `X-Gospochta-Packet` header: `v=1;kid=<kid>;ts=<unix ms>;nonce=<base64url 16 bytes>;mac=<base64url 32 bytes>`.
 * Parsed strictly — fixed order, fixed alphabets and lengths, at most 512 characters — so two spellings
 * of one header cannot exist and a hostile header costs nothing to refuse.
 */
import { PacketError } from '../errors/packet-error.js';

export const PACKET_HEADER = 'x-gospochta-packet';
export const PACKET_VERSION = 1;

export interface PacketHeaderFields {
  v: number;
  kid: string;
  ts: number;
  nonce: string;
  mac: string;
}

const MAX_LENGTH = 512;
const SHAPE =
  /^v=(\d{1,3});kid=([A-Za-z0-9._-]{1,64});ts=(\d{1,15});nonce=([A-Za-z0-9_-]{22});mac=([A-Za-z0-9_-]{43})$/;

export function formatPacketHeader(fields: PacketHeaderFields): string {
  return `v=${fields.v};kid=${fields.kid};ts=${fields.ts};nonce=${fields.nonce};mac=${fields.mac}`;
}

/** Parses the header; a missing or malformed one → PacketError('header'), another version → ('version'). */
export function parsePacketHeader(value: string | null | undefined): PacketHeaderFields {
  if (value === null || value === undefined || value.length === 0) {
    throw new PacketError('header', 'the X-Gospochta-Packet header is missing');
  }
  if (value.length > MAX_LENGTH) {
    throw new PacketError('header', 'the X-Gospochta-Packet header is too long');
  }
  const match = SHAPE.exec(value);
  if (!match) {
    const version = /^v=(\d{1,3});/.exec(value);
    if (version && Number(version[1]) !== PACKET_VERSION) {
      throw new PacketError(
        'version',
        `packet version ${version[1]} is not supported (expected ${PACKET_VERSION})`,
      );
    }
    throw new PacketError('header', 'the X-Gospochta-Packet header is malformed');
  }
  const v = Number(match[1]);
  if (v !== PACKET_VERSION) {
    throw new PacketError('version', `packet version ${v} is not supported (expected ${PACKET_VERSION})`);
  }
  return {
    v,
    kid: match[2] as string,
    ts: Number(match[3]),
    nonce: match[4] as string,
    mac: match[5] as string,
  };
}
