/**
 * Helpers for the EPGU portal tests: SimRequests on the test host, JWT-shaped bearer tokens for
 * 'any-bearer' mode (with the person's APIPGU consent unless told otherwise), multipart bodies and
 * archives (real zips from fixtures/zip-writer.ts; `zipBytes` only looks like one).
 */
import { createSimulator } from '../src/create-simulator.js';
import type { SimRequest, Simulator } from '../src/engine/types.js';
import { type EpguPortalOptions, epguPortal } from '../src/portals/epgu/index.js';
import { jsonOf, bodyOf as textOf } from './fixtures/requests.js';

export { noise, orderArchive, REQ_XML, zipArchive } from './fixtures/zip-writer.js';

export const EPGU_BASE = 'https://svcdev-beta.test.gosuslugi.ru';
export const API_ORDER = 'http://lk.gosuslugi.ru/api-order';
export const SYSTEM = 'GOSKIT_TEST';
export const SCHOOL_ORDER = { region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' };

export function newEpguSim(options: EpguPortalOptions = {}, seed = 'epgu-test'): Simulator {
  return createSimulator({
    seed,
    portals: [epguPortal({ auth: 'any-bearer', ...options })],
    strictContracts: true,
  });
}

const encoder = new TextEncoder();
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** The `permissions` claim of a token with the person's APIPGU consent (as the ESIA portal writes it). */
export function apipguClaim(scopes: string[] = [API_ORDER], sysname = 'APIPGU', exp?: number) {
  return [
    {
      sysname,
      responsibleObject: 'ООО «Демо»',
      expire: 525600,
      ...(exp === undefined ? {} : { exp }),
      actions: [{ sysname: 'ALL_ACTIONS_TO_DATA' }],
      purposes: [{ sysname: 'APIPGU' }],
      scopes: scopes.map((name) => ({ sysname: name })),
    },
  ];
}

export interface BearerExtras {
  /** The `permissions` claim; default: an APIPGU consent; null: none. */
  permissions?: unknown;
  /** `client_id`; default SYSTEM. */
  clientId?: string;
}

/** A JWT-shaped token (unsigned) as 'any-bearer' mode accepts. */
export function bearer(
  subject: number | string = 1000000001,
  scope = `openid ${API_ORDER}`,
  exp?: number,
  extras: BearerExtras = {},
): string {
  const payload: Record<string, unknown> = {
    'urn:esia:sbj_id': subject,
    scope,
    client_id: extras.clientId ?? SYSTEM,
  };
  if (extras.permissions !== null) {
    payload.permissions = extras.permissions ?? apipguClaim();
  }
  if (exp !== undefined) {
    payload.exp = exp;
  }
  return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', sbt: 'access' }))}.${b64url(JSON.stringify(payload))}.c2ln`;
}

export interface RequestInit {
  token?: string | null;
  json?: unknown;
  body?: Uint8Array | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function epguRequest(method: string, pathAndQuery: string, init: RequestInit = {}): SimRequest {
  const url = new URL(pathAndQuery, EPGU_BASE);
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? bearer() : init.token;
  if (token !== null) {
    headers.authorization = `Bearer ${token}`;
  }
  let body: Uint8Array | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = encoder.encode(JSON.stringify(init.json));
  } else if (init.body !== undefined) {
    body = typeof init.body === 'string' ? encoder.encode(init.body) : init.body;
  }
  if (init.contentType !== undefined) {
    headers['content-type'] = init.contentType;
  }
  return {
    method,
    portal: 'epgu',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    url: url.toString(),
    baseUrl: EPGU_BASE,
  };
}

// Shared with the engine tests.
export { jsonOf, textOf };

export interface Part {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body as fetch/FormData would write it. */
export function multipart(
  parts: Part[],
  boundary = '----goskitBoundary7MA4YWxk',
): { body: Uint8Array; contentType: string } {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) {
      head += `; filename="${part.filename}"`;
    }
    head += '\r\n';
    if (part.contentType !== undefined) {
      head += `Content-Type: ${part.contentType}\r\n`;
    }
    chunks.push(encoder.encode(`${head}\r\n`));
    chunks.push(typeof part.value === 'string' ? encoder.encode(part.value) : part.value);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * `size` bytes starting with the local-file-header signature but NOT a readable zip (no central
 * directory); filler includes CR/LF and '-' bytes. For multipart and size tests; orders need
 * `orderArchive`.
 */
export function zipBytes(size: number, fill = 0): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) {
    bytes[i] = (i * 31 + fill) % 251;
  }
  bytes.set([0x50, 0x4b, 0x03, 0x04].slice(0, size));
  return bytes;
}

export function pushRequest(meta: unknown, file: Uint8Array, init: RequestInit = {}): SimRequest {
  const { body, contentType } = multipart([
    { name: 'meta', value: JSON.stringify(meta), contentType: 'application/json' },
    { name: 'file', value: file, filename: 'req.zip', contentType: 'application/zip' },
  ]);
  return epguRequest('POST', '/api/gusmev/push', { ...init, body, contentType });
}

/** A chunk as go-api-epgu sends it: orderId, file (`archive.z001`…), chunk, chunks — or, for one chunk, orderId and file. */
export function chunkRequest(
  orderId: number,
  chunk: number | undefined,
  chunks: number | undefined,
  file: Uint8Array,
  init: RequestInit & { meta?: unknown } = {},
): SimRequest {
  const parts: Part[] = [{ name: 'orderId', value: String(orderId) }];
  const single = chunk === undefined && chunks === undefined;
  parts.push({
    name: 'file',
    value: file,
    filename: single ? 'archive.zip' : `archive.z${String((chunk ?? 0) + 1).padStart(3, '0')}`,
    contentType: 'application/octet-stream',
  });
  if (chunk !== undefined) {
    parts.push({ name: 'chunk', value: String(chunk) });
  }
  if (chunks !== undefined) {
    parts.push({ name: 'chunks', value: String(chunks) });
  }
  if (init.meta !== undefined) {
    parts.push({ name: 'meta', value: JSON.stringify(init.meta), contentType: 'application/json' });
  }
  const { body, contentType } = multipart(parts);
  return epguRequest('POST', '/api/gusmev/push/chunked', { ...init, body, contentType });
}

export async function createDraft(sim: Simulator, token = bearer()): Promise<number> {
  const response = await sim.handle(epguRequest('POST', '/api/gusmev/order', { token, json: SCHOOL_ORDER }));
  if (response.status !== 200) {
    throw new Error(`createOrder failed: ${response.status} ${textOf(response)}`);
  }
  return jsonOf(response).orderId as number;
}

/** The parsed `order` string of getOrder. */
export async function orderOf(
  sim: Simulator,
  orderId: number,
  token = bearer(),
): Promise<Record<string, unknown>> {
  const response = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`, { token }));
  if (response.status !== 200) {
    throw new Error(`getOrder failed: ${response.status} ${textOf(response)}`);
  }
  return JSON.parse(jsonOf(response).order as string) as Record<string, unknown>;
}
