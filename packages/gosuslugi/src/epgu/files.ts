import { InvalidOptionsError } from '@goskit/core';
import { type EpguContext, epguCall } from './context.js';
import { dictionarySchema, type EpguDictionary } from './models.js';

export interface DictionaryFilter {
  treeFiltering?: 'ONELEVEL' | 'SUBTREE' | string;
  pageNum?: number;
  pageSize?: number;
  parentRefItemValue?: string;
}

/** POST /api/nsi/v1/dictionary/{code} — public, sent without the user's token. */
export async function dictionary(
  context: EpguContext,
  code: string,
  filter: DictionaryFilter = {},
): Promise<EpguDictionary> {
  if (!/^[\w.-]+$/.test(code)) {
    throw new InvalidOptionsError('dictionary code may hold letters, digits, "_", "." and "-" only');
  }
  return epguCall(() =>
    context.publicTransport.post(`/api/nsi/v1/dictionary/${encodeURIComponent(code)}`, {
      json: filter,
      schema: dictionarySchema,
      retry: { methods: ['POST'] }, // a read: safe to repeat
    }),
  );
}

export interface DownloadFileInput {
  objectId: string | number;
  objectType: string | number;
  mnemonic: string;
  signal?: AbortSignal;
  /** Largest file accepted, bytes (`false`: no bound). Default: the client's `maxResponseBytes` (64 MiB). */
  maxBytes?: number | false;
}

/** GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic= — the file's bytes. */
export async function downloadFile(context: EpguContext, input: DownloadFileInput): Promise<Uint8Array> {
  const objectId = encodeURIComponent(String(input.objectId));
  const objectType = encodeURIComponent(String(input.objectType));
  if (objectId.length === 0 || objectType.length === 0 || !input.mnemonic) {
    throw new InvalidOptionsError('downloadFile needs objectId, objectType and mnemonic');
  }
  const buffer = await epguCall(() =>
    context.transport.get<ArrayBuffer>(`/api/storage/v2/files/${objectId}/${objectType}/download`, {
      query: { mnemonic: input.mnemonic },
      responseType: 'arrayBuffer',
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.maxBytes === undefined ? {} : { maxResponseBytes: input.maxBytes }),
    }),
  );
  return new Uint8Array(buffer);
}
