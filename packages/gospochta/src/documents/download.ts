/**
 * Downloading a ready document by its expiring link. The link must point at this API (same origin,
 * under the base path, the contract's `/v1/documents/{id}/content` with only `expires` and `sig`) —
 * anything else is never followed. An expired link (by the client's clock, or the portal's 410) is
 * renewed once when `renew` is on, else LinkExpiredError. The bytes must match the document's SHA-256
 * and Streebog hashes and its detached CMS signature must verify with a trusted agency certificate.
 */
import type { GospochtaContext } from '../client/context.js';
import { checkId } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { GospochtaApiError } from '../errors/api-error.js';
import { LinkExpiredError } from '../errors/link-expired-error.js';
import { SignatureInvalidError } from '../errors/signature-invalid-error.js';
import { UnsafeLinkError } from '../errors/unsafe-link-error.js';
import { type CmsSignatureInfo, verifyCms } from '../signatures/cms-signature.js';
import { mismatchedHashes } from '../signatures/file-hashes.js';
import { type DocumentInfo, type DocumentLink, documentLinkSchema } from './models.js';

export interface DownloadedDocument {
  bytes: Uint8Array;
  name: string;
  mediaType: string;
  sha256: string;
  streebog256: string;
  signedBy: CmsSignatureInfo;
}

export interface DownloadOptions {
  /** Renew an expired link once and download with the new one. Default true. */
  renew?: boolean;
  signal?: AbortSignal;
}

/** POST /v1/documents/{documentId}/link — a fresh link. */
export async function renewDocumentLink(
  context: GospochtaContext,
  documentId: string,
): Promise<DocumentLink> {
  const id = checkId(documentId, 'documentId');
  const { data } = await protectedCall(context, {
    operation: 'renewDocumentLink',
    method: 'POST',
    template: '/v1/documents/{documentId}/link',
    path: `/v1/documents/${id}/link`,
    schema: documentLinkSchema,
    retry: { methods: ['POST'] },
  });
  return data;
}

/** The link's query (`expires`, `sig`) after checking it points where a document link must. */
export function checkDocumentLink(
  context: GospochtaContext,
  documentId: string,
  link: DocumentLink,
): { expires: string; sig: string } {
  let url: URL;
  try {
    // A path is relative to the API base; anything else must be an absolute URL (checked below).
    url = new URL(link.url.startsWith('/') ? `${context.baseUrl}${link.url}` : link.url);
  } catch {
    throw new UnsafeLinkError('the document link');
  }
  const expectedPath = `${context.basePath}/v1/documents/${documentId}/content`;
  const names = [...url.searchParams.keys()].sort().join(',');
  const expires = url.searchParams.get('expires') ?? '';
  const sig = url.searchParams.get('sig') ?? '';
  if (
    url.origin !== context.origin ||
    url.pathname !== expectedPath ||
    url.username ||
    url.password ||
    url.hash ||
    names !== 'expires,sig' ||
    !/^\d{1,15}$/.test(expires) ||
    !/^[A-Za-z0-9_-]{16,128}$/.test(sig)
  ) {
    throw new UnsafeLinkError('the document link');
  }
  return { expires, sig };
}

function expired(context: GospochtaContext, link: DocumentLink): boolean {
  const at = Date.parse(link.expiresAt);
  return !Number.isFinite(at) || context.clock.now() >= at;
}

export async function downloadDocument(
  context: GospochtaContext,
  document: DocumentInfo,
  options: DownloadOptions = {},
): Promise<DownloadedDocument> {
  const id = checkId(document?.id, 'document.id');
  const renew = options.renew ?? true;
  let link = document.link;
  let renewed = false;
  const renewOrFail = async (source: 'local' | 'portal', cause?: unknown) => {
    if (!renew || renewed) {
      throw new LinkExpiredError({ documentId: id, expiresAt: new Date(link.expiresAt), source, cause });
    }
    renewed = true;
    link = await renewDocumentLink(context, id);
  };
  if (expired(context, link)) {
    await renewOrFail('local');
  }
  let bytes: Uint8Array;
  for (;;) {
    const query = checkDocumentLink(context, id, link);
    try {
      const result = await protectedCall<Uint8Array>(context, {
        operation: 'downloadDocument',
        method: 'GET',
        template: '/v1/documents/{documentId}/content',
        path: `/v1/documents/${id}/content`,
        query,
        response: 'bytes',
        ...(options.signal ? { signal: options.signal } : {}),
      });
      bytes = result.data;
      break;
    } catch (error) {
      if (error instanceof GospochtaApiError && error.status === 410 && error.portalCode === 'LINK_EXPIRED') {
        await renewOrFail('portal', error);
        continue;
      }
      throw error;
    }
  }
  const mismatched = await mismatchedHashes(bytes, document);
  if (mismatched.length > 0) {
    throw new SignatureInvalidError(
      'document',
      `${mismatched[0]}-mismatch`,
      `the bytes do not match the document's ${mismatched.join(' and ')} hash`,
    );
  }
  const signedBy = await verifyCms(document.signature, bytes, context.documentTrust, 'document');
  return {
    bytes,
    name: document.name,
    mediaType: document.mediaType,
    sha256: document.sha256,
    streebog256: document.streebog256,
    signedBy,
  };
}
