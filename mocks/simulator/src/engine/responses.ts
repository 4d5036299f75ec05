/** Small builders portals use to answer; they keep header names lower-case as SimResponse requires. */
import type { SimResponse } from './types.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...lowerCaseKeys(headers) },
    body: JSON.stringify(body),
  };
}

export function html(body: string, status = 200, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': HTML_TYPE, ...lowerCaseKeys(headers) }, body };
}

export function text(body: string, status = 200, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...lowerCaseKeys(headers) },
    body,
  };
}

export function noContent(status = 204, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: lowerCaseKeys(headers) };
}

export interface Http429Options {
  /** How Retry-After is written: delta seconds (ESIA, EPGU) or an HTTP date. Default 'seconds'. */
  retryAfter?: 'seconds' | 'http-date' | 'none';
  /** JSON body; undefined → empty body as most gateways send. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Builds the refusal answer of a portal that throttles with HTTP 429 + Retry-After. */
export function http429(options: Http429Options = {}) {
  return ({ retryAfterMs, now }: { retryAfterMs: number; now: Date }): SimResponse => {
    const headers: Record<string, string> = lowerCaseKeys(options.headers ?? {});
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    if (options.retryAfter === 'http-date') {
      headers['retry-after'] = new Date(now.getTime() + seconds * 1000).toUTCString();
    } else if (options.retryAfter !== 'none') {
      headers['retry-after'] = String(seconds);
    }
    if (options.body === undefined) {
      return { status: 429, headers, body: '' };
    }
    return json(options.body, 429, headers);
  };
}

export interface InBodyErrorOptions {
  /** VK: 6 «Too many requests per second». */
  errorCode?: number;
  errorMsg?: string;
  /** Echo of the request params VK puts into error.request_params. */
  echoParams?: boolean;
}

/** VK-style throttling: HTTP 200 with `{ error: { error_code: 6, error_msg, request_params } }`. */
export function inBodyError(options: InBodyErrorOptions = {}) {
  return ({ request }: { request: { query: URLSearchParams; path: string } }): SimResponse => {
    const requestParams =
      options.echoParams === false
        ? []
        : [
            { key: 'method', value: request.path.replace(/^\/method\//, '') },
            ...[...request.query]
              .filter(([key]) => key !== 'access_token')
              .map(([key, value]) => ({ key, value })),
          ];
    return json({
      error: {
        error_code: options.errorCode ?? 6,
        error_msg: options.errorMsg ?? 'Too many requests per second',
        request_params: requestParams,
      },
    });
  };
}

export function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = value;
  }
  return out;
}

const decoder = new TextDecoder();

/** Body as text (bytes decoded as UTF-8). */
export function bodyText(body: string | Uint8Array | undefined): string {
  if (body === undefined) {
    return '';
  }
  return typeof body === 'string' ? body : decoder.decode(body);
}
