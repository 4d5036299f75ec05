/**
 * Two-step uploads. `POST /uploads?type=image|video|audio|file` answers an upload URL on this portal
 * (`/fileupload/<id>`; in production another host) and, for video and audio, the token at once;
 * `type=photo` is refused. The upload URL takes a multipart POST with the field `data` and no token,
 * and answers `{ photos: { <key>: { token } } }` for images, `{ fileId, token }` for files, `{ token }`
 * otherwise. A video, audio or file token is "not ready" for the first sends (option).
 */
import { json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { MaxFault, notFound, payload } from '../fault.js';
import { botRoute, openRoute } from '../route.js';
import type { MaxState, UploadRecord } from '../state.js';

const MB = 1024 * 1024;
const LIMITS = new Map<string, number>([
  ['image', 50 * MB],
  ['video', 250 * MB],
  ['audio', 256 * MB],
  ['file', 4 * 1024 * MB],
]);

function hex(random: { int(min: number, max: number): number }, bytes: number): string {
  let text = '';
  for (let i = 0; i < bytes; i += 1) {
    text += random.int(0, 255).toString(16).padStart(2, '0');
  }
  return text;
}

export const uploadRoutes: RouteDefinition<MaxState>[] = [
  botRoute('POST', '/uploads', 'uploads.url', ({ world, bot, ctx, request }) => {
    const type = request.query.get('type');
    if (type === 'photo') {
      throw payload("Upload type 'photo' is no longer supported: use 'image'");
    }
    if (type === null || !LIMITS.has(type)) {
      throw payload("Parameter 'type' must be one of image, video, audio, file");
    }
    const { state } = world;
    state.seq.upload += 1;
    const id = `${state.seq.upload.toString(36)}${hex(ctx.sim.random, 8)}`;
    const early = type === 'video' || type === 'audio';
    const upload: UploadRecord = {
      id,
      type: type as UploadRecord['type'],
      botId: bot.userId,
      token: early ? `${type}.${hex(ctx.sim.random, 12)}` : null,
      received: false,
    };
    state.uploads.set(id, upload);
    if (upload.token !== null) {
      state.attachmentTokens.set(upload.token, {
        type: upload.type,
        uploadId: id,
        notReadyLeft: state.config.attachmentNotReadyAttempts,
      });
    }
    return json({
      url: `${request.baseUrl}/fileupload/${id}`,
      ...(upload.token === null ? {} : { token: upload.token }),
    });
  }),
  openRoute('POST', '/fileupload/:uploadId', 'uploads.upload', async (ctx, world) => {
    const upload = world.state.uploads.get(ctx.params.uploadId ?? '');
    if (upload === undefined) {
      throw notFound('Upload not found');
    }
    if (upload.received) {
      throw payload('This upload URL was used already');
    }
    const contentType = ctx.request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data;/i.test(contentType) || ctx.request.body === undefined) {
      throw payload("Expected multipart/form-data with the field 'data'");
    }
    let file: unknown;
    try {
      const form = await new Response(ctx.request.body as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': contentType },
      }).formData();
      file = form.get('data');
    } catch {
      throw payload('Malformed multipart body');
    }
    if (!(file instanceof Blob) || file.size === 0) {
      throw payload("The multipart body has no file in the field 'data'");
    }
    if (file.size > (LIMITS.get(upload.type) ?? 0)) {
      throw new MaxFault(
        413,
        'proto.payload',
        `A ${upload.type} upload is at most ${(LIMITS.get(upload.type) ?? 0) / MB} MB`,
      );
    }
    upload.received = true;
    const { state } = world;
    if (upload.token !== null) {
      return json({ token: upload.token });
    }
    const token = `${upload.type}.${hex(ctx.sim.random, 16)}`;
    upload.token = token;
    state.attachmentTokens.set(token, {
      type: upload.type,
      uploadId: upload.id,
      notReadyLeft: upload.type === 'image' ? 0 : state.config.attachmentNotReadyAttempts,
    });
    if (upload.type === 'image') {
      return json({ photos: { [hex(ctx.sim.random, 6)]: { token } } });
    }
    return json({ fileId: state.seq.upload, token });
  }),
];
