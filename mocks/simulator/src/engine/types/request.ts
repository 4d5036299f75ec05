/** The transport-neutral request and response every adapter (MSW, node:http) converts to and from. */

export interface SimRequest {
  /** Upper case. */
  method: string;
  /** Portal name resolved by the adapter ('esia', …) or '' if none. */
  portal: string;
  /** Path inside the portal, e.g. '/rs/prns/1000' (host/prefix removed), decoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** Absolute URL as the client sent it. */
  url: string;
  /** Portal base the client used: 'https://esia-portal1.test.gosuslugi.ru' or 'http://127.0.0.1:4010/esia'. */
  baseUrl: string;
  remoteAddress?: string;
}

export type TransportFault = 'network-error' | 'connection-reset';

/**
 * A body produced while it is sent (a large export, a long feed): a web ReadableStream or any async
 * iterable of byte chunks. Adapters pull the next chunk only once the previous one is written (the
 * client's pace sets the producer's), never buffer it whole, and drop the connection when it fails.
 * The journal records its size, an excerpt and its SHA-256 as the bytes go by.
 */
export type SimBodyStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface SimResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /**
   * A body sent as it is produced (`body` is then ignored): no Content-Length unless the handler sets
   * one, chunks pulled at the client's pace. Adapters and the journal treat it as the body.
   */
  bodyStream?: SimBodyStream;
  /** Adapters wait this long (virtual delays are real waits, capped by config). */
  delayMs?: number;
  /** Adapters realise it: MSW → HttpResponse.error(); node → socket.destroy(). */
  fault?: TransportFault;
  /** Send only the first N body bytes (truncated JSON fault); a stream is cut by the engine instead. */
  truncateAt?: number;
}
