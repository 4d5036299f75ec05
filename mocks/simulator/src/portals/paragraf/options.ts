/**
 * The portal's options: its host (Параграф publishes no service, so the host is goskit's own), how
 * long a pushed queue item waits and is processed on the virtual clock, and the bounds of a request.
 */

export const PARAGRAF_HOSTS = ['https://paragraf.goskit.test'] as const;

export interface ParagrafPortalOptions {
  /** Virtual ms an accepted push stays `queued`. Default 2 000. */
  queuedMs?: number;
  /** Virtual ms it is `processing` after that. Default 5 000. */
  processingMs?: number;
  /** Largest SOAP request (characters). Default 20 MB. */
  maxRequestChars?: number;
  /** Largest unpacked zip of `pushZipFile` (bytes). Default 50 MB. */
  maxUnzippedBytes?: number;
  /** Largest export `GET /export` generates (bytes; it is streamed, so this bounds time, not memory). Default 16 GB. */
  maxExportBytes?: number;
}

export interface ResolvedParagrafOptions {
  queuedMs: number;
  processingMs: number;
  maxRequestChars: number;
  maxUnzippedBytes: number;
  maxExportBytes: number;
}

export function resolveParagrafOptions(options: ParagrafPortalOptions): ResolvedParagrafOptions {
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    if (value === undefined) {
      return fallback;
    }
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TypeError(`paragrafPortal: ${name} must be a non-negative integer (got ${String(value)})`);
    }
    return value;
  };
  return {
    queuedMs: positive('queuedMs', options.queuedMs, 2_000),
    processingMs: positive('processingMs', options.processingMs, 5_000),
    maxRequestChars: positive('maxRequestChars', options.maxRequestChars, 20 * 1024 * 1024),
    maxUnzippedBytes: positive('maxUnzippedBytes', options.maxUnzippedBytes, 50 * 1024 * 1024),
    maxExportBytes: positive('maxExportBytes', options.maxExportBytes, 16 * 1024 ** 3),
  };
}
