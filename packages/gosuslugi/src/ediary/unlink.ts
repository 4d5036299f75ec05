/**
 * `unlinkEdiary`: ends the parent's connection at Gosuslugi (with the parent's token, or the
 * system's) and forgets the stored link. Idempotent: a connection the feed no longer knows (404) is
 * as good as removed; a parent without a link gets `false`.
 */
import type { EsiaSession } from '../esia/session.js';
import type { EdiaryContext } from './context.js';
import { feedRequest } from './feed-request.js';
import { deleteLink, readLink } from './link-store.js';

export interface UnlinkOptions {
  /** The parent's session or access token; default: the system's token. */
  auth?: EsiaSession | string;
}

export async function unlinkEdiary(
  context: EdiaryContext,
  parentOid: string,
  options: UnlinkOptions = {},
): Promise<boolean> {
  const link = await readLink(context, parentOid);
  if (link === undefined) {
    return false;
  }
  const auth = options.auth;
  await feedRequest(context.transport, {
    method: 'DELETE',
    path: `/api/ediary/v1/connections/${encodeURIComponent(link.connectionId)}`,
    auth:
      auth === undefined
        ? { system: context.systemToken }
        : { token: typeof auth === 'string' ? auth : await auth.getAccessToken() },
    accept: [404],
  });
  await deleteLink(context, parentOid);
  return true;
}
