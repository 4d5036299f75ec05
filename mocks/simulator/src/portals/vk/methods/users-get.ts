/**
 * users.get (user, community, service): users by id or screen name (`id<n>` too), the caller when a
 * user token sends none. Unknown ones are left out, as VK does; a malformed id → 113 «Invalid user id».
 */
import { VkApiFailure } from '../errors.js';
import type { VkUser } from '../state.js';
import { userView } from '../views.js';
import { ANY_TOKEN, type MethodContext, type VkMethod } from './method.js';

const USER_REF = /^(?:\d{1,12}|[A-Za-z0-9_.]{1,64})$/;

function findUser(context: MethodContext, ref: string): VkUser | undefined {
  const numeric = /^(?:id)?(\d{1,12})$/.exec(ref)?.[1];
  if (numeric !== undefined) {
    return context.state.users.get(Number(numeric));
  }
  for (const user of context.state.users.values()) {
    if (user.screenName === ref) {
      return user;
    }
  }
  return undefined;
}

export const usersGet: VkMethod = {
  name: 'users.get',
  tokens: ANY_TOKEN,
  run: (context) => {
    const { params, caller } = context;
    const refs = [...params.list('user_ids'), ...params.list('user_id')];
    if (refs.length === 0 && caller.kind === 'user') {
      refs.push(String(caller.ownerId));
    }
    if (refs.length > 1000 || refs.some((ref) => !USER_REF.test(ref))) {
      throw new VkApiFailure(113);
    }
    const fields = params.list('fields');
    return refs.flatMap((ref) => {
      const user = findUser(context, ref);
      return user === undefined ? [] : [userView(user, fields)];
    });
  },
};
