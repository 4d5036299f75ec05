/**
 * The webhook endpoint as a fetch handler, `(request: Request) => Promise<Response>`: mount it in any
 * server that speaks Request/Response (Hono, Next.js route handlers, Deno, Bun, `node:http` via
 * `createMaxWebhookNodeListener`). The body is read with a bound: a declared or streamed body over
 * `maxBodyBytes` gets 413 without being read to the end.
 */
import {
  createWebhookCore,
  type MaxWebhookOptions,
  SECRET_HEADER,
  type WebhookAnswer,
} from './webhook-core.js';

export type MaxWebhookHandler = (request: Request) => Promise<Response>;

const toResponse = (answer: WebhookAnswer): Response =>
  new Response(answer.body, { status: answer.status, headers: answer.headers });

/** Reads at most `limit` bytes; undefined when the body is longer. */
async function readBounded(request: Request, limit: number): Promise<string | undefined> {
  if (request.body === null) {
    return '';
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export function createMaxWebhookHandler(options: MaxWebhookOptions): MaxWebhookHandler {
  const core = createWebhookCore(options);
  return async (request) => {
    const refused = core.precheck(
      request.method.toUpperCase(),
      request.headers.get(SECRET_HEADER),
      request.headers.get('content-type'),
    );
    if (refused !== undefined) {
      return toResponse(refused);
    }
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > core.maxBodyBytes) {
      return toResponse(core.refuse(413, 'too-large'));
    }
    const body = await readBounded(request, core.maxBodyBytes);
    if (body === undefined) {
      return toResponse(core.refuse(413, 'too-large'));
    }
    return toResponse(await core.deliver(body));
  };
}
