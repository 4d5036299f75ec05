/**
 * The webhook endpoint for `node:http` (and Express, Fastify's raw handler, anything with Node's
 * `(req, res)`): the same checks as the fetch handler, without building Request/Response objects.
 * A body over `maxBodyBytes` is answered 413 and the connection closed without reading the rest.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createWebhookCore,
  type MaxWebhookOptions,
  SECRET_HEADER,
  type WebhookAnswer,
} from './webhook-core.js';

export type MaxWebhookNodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Node's flat header list of an answer, built once per answer (the answers are constants). */
const flatHeaders = new WeakMap<WebhookAnswer, string[]>();

function headerList(answer: WebhookAnswer, close: boolean): string[] {
  let list = flatHeaders.get(answer);
  if (list === undefined) {
    list = Object.entries(answer.headers).flat();
    list.push('content-length', String(Buffer.byteLength(answer.body)));
    flatHeaders.set(answer, list);
  }
  return close ? [...list, 'connection', 'close'] : list;
}

function send(res: ServerResponse, answer: WebhookAnswer, close = false): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  res.writeHead(answer.status, headerList(answer, close));
  res.end(answer.body);
}

const ignore = (): void => undefined;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const INTERNAL: WebhookAnswer = { status: 500, body: 'Internal Server Error', headers: {} };

export function createMaxWebhookNodeListener(options: MaxWebhookOptions): MaxWebhookNodeListener {
  const core = createWebhookCore(options);
  const limit = core.maxBodyBytes;
  return (req, res) => {
    const refused = core.precheck(
      (req.method ?? '').toUpperCase(),
      first(req.headers[SECRET_HEADER]),
      first(req.headers['content-type']),
    );
    if (refused !== undefined) {
      req.resume();
      send(res, refused);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      send(res, core.refuse(413, 'too-large'), true);
      res.on('finish', () => req.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) {
        return;
      }
      total += chunk.length;
      if (total > limit) {
        over = true;
        send(res, core.refuse(413, 'too-large'), true);
        res.on('finish', () => req.destroy());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) {
        return;
      }
      const body =
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      const answer = core.deliver(body);
      if (answer instanceof Promise) {
        answer.then(
          (settled) => send(res, settled),
          () => send(res, INTERNAL),
        );
      } else {
        send(res, answer);
      }
    });
    req.on('error', ignore);
  };
}
