/** `users.get` (≤ 1000 ids a call) and `groups.getById` — who a token, a member or a community is. */
import { callMethod } from '../call-method.js';
import type { VkContext } from '../context.js';
import { groupsResponse, usersResponse, type VkGroup, type VkUser } from '../models/people.js';
import { checkIdList } from '../params.js';
import { MAX_PEER_ID, type VkMethodOptions } from './shared.js';

export interface UsersGetParams {
  /** Up to 1000 ids; none means the token's own user. */
  user_ids?: readonly (number | string)[];
  fields?: readonly string[];
  name_case?: 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'abl';
}

export interface GroupsGetByIdParams {
  group_ids?: readonly (number | string)[];
  group_id?: number | string;
  fields?: readonly string[];
}

export function users(context: VkContext) {
  return {
    async get(params: UsersGetParams = {}, options: VkMethodOptions = {}): Promise<VkUser[]> {
      if (params.user_ids !== undefined) {
        // Numeric ids are checked as ids; screen names ('durov') are checked when encoded.
        const numeric = params.user_ids.filter((id) => typeof id !== 'string');
        checkIdList('user_ids', numeric, { min: 1, max: MAX_PEER_ID, minItems: 0, maxItems: 1000 });
        checkIdList(
          'user_ids',
          params.user_ids.map(() => 1),
          { min: 1, max: 1, minItems: 1, maxItems: 1000 },
        );
      }
      return callMethod(context, 'users.get', { ...params }, { ...options, schema: usersResponse });
    },
  };
}

export function groups(context: VkContext) {
  return {
    async getById(params: GroupsGetByIdParams = {}, options: VkMethodOptions = {}): Promise<VkGroup[]> {
      const withOwn =
        params.group_id === undefined && params.group_ids === undefined && context.groupId !== undefined
          ? { ...params, group_id: context.groupId }
          : { ...params };
      return callMethod(context, 'groups.getById', withOwn, { ...options, schema: groupsResponse });
    },
  };
}
