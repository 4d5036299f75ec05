/**
 * Sends a streamed body (`SimResponse.bodyStream`) on node:http with backpressure: one chunk is read
 * from the stream only when the previous one was taken by the socket (`write()` true, or after
 * 'drain'), so a slow client slows the producer instead of filling memory. Node frames it chunked
 * (HTTP/1.1) unless the handler announced a Content-Length. A client that leaves cancels the stream;
 * a stream that fails drops the connection mid-body, as a server that died would.
 */
import type { ServerResponse } from 'node:http';
import { toByteStream } from '../engine/body-stream.js';
import type { SimBodyStream } from '../engine/types.js';

export function flatHeaders(headers: Record<string, string>): string[] {
  const flat: string[] = [];
  for (const name in headers) {
    flat.push(name, headers[name] as string);
  }
  return flat;
}

export function writeStreamedBody(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: SimBodyStream,
): void {
  const reader = toByteStream(body).getReader();
  let finished = false;
  let wake: (() => void) | undefined;
  const onClose = () => {
    wake?.();
    if (!finished) {
      finished = true;
      reader.cancel(new Error('the client closed the connection')).catch(() => {});
    }
  };
  const onDrain = () => wake?.();
  res.on('close', onClose);
  res.on('drain', onDrain);
  res.writeHead(status, flatHeaders(headers));
  const pump = async (): Promise<void> => {
    for (;;) {
      const next = await reader.read();
      if (finished) {
        return;
      }
      if (next.done) {
        finished = true;
        res.end();
        return;
      }
      if (!res.write(next.value) && !res.destroyed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      if (res.destroyed) {
        return;
      }
    }
  };
  pump().then(
    () => {
      res.off('drain', onDrain);
    },
    () => {
      // The producer failed (or a truncate fault cut it): drop the connection mid-body.
      finished = true;
      res.off('drain', onDrain);
      res.destroy();
    },
  );
}
