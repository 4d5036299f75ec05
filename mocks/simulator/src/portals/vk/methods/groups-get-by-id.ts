/**
 * groups.getById (user, community, service): communities by id or screen name (`club<id>` too); a
 * community token without ids gets its own. Unknown ones → 100 «group_ids is invalid». From `v`
 * 5.194 (option groupsObjectFrom) the answer is `{ groups, profiles }`, an array before.
 */
import { invalidParam, missingParam } from '../errors.js';
import { versionAtLeast } from '../options.js';
import type { VkCommunity } from '../state.js';
import { groupView } from '../views.js';
import { ANY_TOKEN, type MethodContext, type VkMethod } from './method.js';

const GROUP_REF = /^(?:\d{1,12}|[A-Za-z0-9_.]{1,64})$/;

function findGroup(context: MethodContext, ref: string): VkCommunity | undefined {
  if (!GROUP_REF.test(ref)) {
    return undefined;
  }
  const numeric = /^(?:club|public)?(\d{1,12})$/.exec(ref)?.[1];
  if (numeric !== undefined) {
    return context.state.communities.get(Number(numeric));
  }
  for (const group of context.state.communities.values()) {
    if (group.screenName === ref) {
      return group;
    }
  }
  return undefined;
}

export const groupsGetById: VkMethod = {
  name: 'groups.getById',
  tokens: ANY_TOKEN,
  run: (context) => {
    const { params, caller } = context;
    const refs = [...params.list('group_ids'), ...params.list('group_id')];
    if (refs.length === 0) {
      if (caller.kind !== 'community') {
        throw missingParam('group_ids');
      }
      refs.push(String(caller.ownerId));
    }
    if (refs.length > 500) {
      throw invalidParam('group_ids', 'should contain at most 500 items');
    }
    const viewer = caller.kind === 'user' ? caller.ownerId : undefined;
    const groups = refs.map((ref) => {
      const group = findGroup(context, ref);
      if (group === undefined) {
        throw invalidParam('group_ids', 'is invalid');
      }
      return groupView(group, viewer);
    });
    return versionAtLeast(context.version, context.options.groupsObjectFrom)
      ? { groups, profiles: [] }
      : groups;
  },
};
