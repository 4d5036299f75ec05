/** `users.get` and `groups.getById` (vk-api-schema 5.199: groups come as `{ groups, profiles }`, earlier as an array). */
import { z } from 'zod';

const int = z.number().int();

export const user = z.looseObject({
  id: int,
  first_name: z.string(),
  last_name: z.string(),
  /** `deleted` or `banned` for a profile that is gone. */
  deactivated: z.string().optional(),
  is_closed: z.boolean().optional(),
  can_access_closed: z.boolean().optional(),
});
export type VkUser = z.output<typeof user>;

export const usersResponse = z.array(user);

export const group = z.looseObject({
  id: int,
  name: z.string(),
  screen_name: z.string().optional(),
  is_closed: z.number().int().optional(),
  type: z.string().optional(),
});
export type VkGroup = z.output<typeof group>;

export const groupsResponse = z
  .union([z.array(group), z.looseObject({ groups: z.array(group) })])
  .transform((value) => (Array.isArray(value) ? value : value.groups));
