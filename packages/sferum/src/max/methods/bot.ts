/** `GET /me`: the bot itself — its user id, name and username (the id `bot_added` updates are about). */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import type { MaxBotInfo } from '../models.js';
import { userSchema } from '../schemas.js';

export async function getMe(context: MaxContext, options: CallOptions = {}): Promise<MaxBotInfo> {
  return maxCall<MaxBotInfo, typeof userSchema>(context, {
    method: 'GET',
    path: '/me',
    schema: userSchema,
    ...signalOf(options),
  });
}

/** `{ signal }` when there is one (exactOptionalPropertyTypes forbids `signal: undefined`). */
export function signalOf(options: CallOptions | undefined): { signal?: AbortSignal } {
  return options?.signal === undefined ? {} : { signal: options.signal };
}
