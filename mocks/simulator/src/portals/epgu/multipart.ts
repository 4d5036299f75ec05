/**
 * A small multipart/form-data parser over the raw body bytes (RFC 7578). Parts are views into the
 * body (no copies), so a 50 MB file costs no extra memory. Malformed input → EpguRejection 400
 * naming what is wrong; never an exception.
 */
import { badRequest } from './errors.js';

export interface FormPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const CRLF_CRLF = encoder.encode('\r\n\r\n');

/** The boundary parameter of a multipart/form-data content type. */
export function boundaryOf(contentType: string | undefined): string {
  const type = contentType ?? '';
  if (!/^\s*multipart\/form-data\s*(;|$)/i.test(type)) {
    throw badRequest(`content-type: expected multipart/form-data, got '${type.slice(0, 80) || '(none)'}'`);
  }
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 70) {
    throw badRequest('content-type: multipart boundary is missing or longer than 70 characters');
  }
  return boundary;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] as number;
  let at = haystack.indexOf(first, from);
  while (at !== -1 && at + needle.length <= haystack.length) {
    let matched = true;
    for (let i = 1; i < needle.length; i += 1) {
      if (haystack[at + i] !== needle[i]) {
        matched = false;
        break;
      }
    }
    if (matched) {
      return at;
    }
    at = haystack.indexOf(first, at + 1);
  }
  return -1;
}

function parseHeaders(text: string, index: number) {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw badRequest(`multipart part #${index + 1}: malformed header line`);
    }
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'] ?? '';
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (!/^\s*form-data/i.test(disposition) || name === undefined || name === '') {
    throw badRequest(`multipart part #${index + 1}: Content-Disposition form-data with a name is required`);
  }
  const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, filename, contentType: headers['content-type'] };
}

export function parseMultipart(body: Uint8Array | undefined, contentType: string | undefined): FormPart[] {
  const boundary = boundaryOf(contentType);
  const bytes = body ?? new Uint8Array();
  const delimiter = encoder.encode(`--${boundary}`);
  const start = indexOf(bytes, delimiter, 0);
  if (start === -1) {
    throw badRequest('multipart body: the opening boundary is missing');
  }
  const parts: FormPart[] = [];
  const nextDelimiter = encoder.encode(`\r\n--${boundary}`);
  let cursor = start + delimiter.length;
  for (let index = 0; ; index += 1) {
    if (bytes[cursor] === 0x2d && bytes[cursor + 1] === 0x2d) {
      return parts; // closing delimiter '--boundary--'
    }
    // RFC 2046 allows linear white space between the boundary and its CRLF.
    while (bytes[cursor] === 0x20 || bytes[cursor] === 0x09) {
      cursor += 1;
    }
    if (bytes[cursor] !== 0x0d || bytes[cursor + 1] !== 0x0a) {
      throw badRequest(`multipart part #${index + 1}: boundary is not followed by CRLF`);
    }
    const headerStart = cursor + 2;
    const headerEnd = indexOf(bytes, CRLF_CRLF, headerStart);
    if (headerEnd === -1) {
      throw badRequest(`multipart part #${index + 1}: headers are not terminated`);
    }
    const info = parseHeaders(decoder.decode(bytes.subarray(headerStart, headerEnd)), index);
    const dataStart = headerEnd + 4;
    const dataEnd = indexOf(bytes, nextDelimiter, dataStart);
    if (dataEnd === -1) {
      throw badRequest(`multipart part '${info.name}': the closing boundary is missing (truncated body?)`);
    }
    parts.push({ ...info, data: bytes.subarray(dataStart, dataEnd) });
    cursor = dataEnd + nextDelimiter.length;
  }
}

/** The text of a required field, or 400 naming it. */
export function textField(parts: FormPart[], name: string): string {
  const part = parts.find((candidate) => candidate.name === name);
  if (!part) {
    throw badRequest(`multipart part '${name}' is required`);
  }
  return decoder.decode(part.data);
}

export function filePart(parts: FormPart[], name: string): FormPart {
  const part = parts.find((candidate) => candidate.name === name);
  if (!part) {
    throw badRequest(`multipart part '${name}' is required`);
  }
  return part;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function isZip(data: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => data[index] === byte);
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
