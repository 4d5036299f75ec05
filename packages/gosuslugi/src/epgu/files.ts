import { InvalidOptionsError } from '@goskit/core';
import { EpguError } from '../errors/epgu-error.js';
import { type EpguContext, epguCall } from './context.js';
import { type EpguFileAddress, parseEpguFileLink } from './file-link.js';
import { dictionarySchema, type EpguDictionary } from './models.js';
import { contentOf } from './order-answer.js';

export interface DictionaryFilter {
  treeFiltering?: 'ONELEVEL' | 'SUBTREE' | string;
  pageNum?: number;
  pageSize?: number;
  parentRefItemValue?: string;
}

/**
 * POST /api/nsi/v1/dictionary/{code} — public, sent without the user's token. NSI reports its own
 * failures inside a 200: a non-zero `error.code` (7 «Entity not found»: no such dictionary) becomes
 * EpguError('DICTIONARY_ERROR') with `epguCode` the NSI code as text ('7').
 */
export async function dictionary(
  context: EpguContext,
  code: string,
  filter: DictionaryFilter = {},
): Promise<EpguDictionary> {
  if (!/^[\w.-]+$/.test(code)) {
    throw new InvalidOptionsError('dictionary code may hold letters, digits, "_", "." and "-" only');
  }
  const answer = await epguCall(() =>
    context.publicTransport.post(`/api/nsi/v1/dictionary/${encodeURIComponent(code)}`, {
      json: filter,
      schema: dictionarySchema,
      retry: { methods: ['POST'] }, // a read: safe to repeat
    }),
  );
  const nsiCode = answer.error?.code;
  if (nsiCode !== undefined && nsiCode !== 0) {
    const text = (answer.error?.message ?? '').slice(0, 200);
    throw new EpguError(
      'DICTIONARY_ERROR',
      `NSI dictionary ${code}: error ${nsiCode}${text ? ` (${text})` : ''}`,
      {
        epguCode: String(nsiCode),
        status: 200,
        hint:
          nsiCode === 7
            ? {
                ru: 'Справочника с таким кодом нет: проверьте код (например, EXTERNAL_BIC).',
                en: 'No dictionary has this code: check it (e.g. EXTERNAL_BIC).',
              }
            : { ru: 'НСИ вернула ошибку в ответе 200.', en: 'NSI reported an error inside a 200 answer.' },
      },
    );
  }
  return answer;
}

interface DownloadOptions {
  signal?: AbortSignal;
  /** Largest file accepted, bytes (`false`: no bound). Default: the client's `maxResponseBytes` (64 MiB). */
  maxBytes?: number | false;
}

/**
 * A file by its parts, or by the `link` of an `orderAttachmentFiles` / `orderResponseFiles` element
 * (`terrabyte://00/<objectId>/<mnemonic>/<objectType>`).
 */
export type DownloadFileInput = DownloadOptions &
  (
    | { objectId: string | number; objectType: string | number; mnemonic: string; link?: never }
    | { link: string; objectId?: never; objectType?: never; mnemonic?: never }
  );

function addressOf(input: DownloadFileInput): EpguFileAddress {
  if (input.link !== undefined) {
    return parseEpguFileLink(input.link);
  }
  return { objectId: String(input.objectId), objectType: String(input.objectType), mnemonic: input.mnemonic };
}

/**
 * GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic= — the file's bytes. A file
 * the storage does not have is a bare 204 → EpguError with epguCode 'not_found'.
 */
export async function downloadFile(context: EpguContext, input: DownloadFileInput): Promise<Uint8Array> {
  const address = addressOf(input);
  const objectId = encodeURIComponent(address.objectId);
  const objectType = encodeURIComponent(address.objectType);
  if (objectId.length === 0 || objectType.length === 0 || !address.mnemonic) {
    throw new InvalidOptionsError('downloadFile needs objectId, objectType and mnemonic (or a link)');
  }
  const buffer = await contentOf<ArrayBuffer | undefined>(
    { what: `file ${address.mnemonic.slice(0, 100)}`, method: 'GET' },
    () =>
      context.transport.raw({
        path: `/api/storage/v2/files/${objectId}/${objectType}/download`,
        method: 'GET',
        query: { mnemonic: address.mnemonic },
        responseType: 'arrayBuffer',
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.maxBytes === undefined ? {} : { maxResponseBytes: input.maxBytes }),
      }),
  );
  return new Uint8Array(buffer ?? new ArrayBuffer(0));
}
