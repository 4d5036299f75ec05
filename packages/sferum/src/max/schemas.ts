/**
 * Shape checks of MAX answers: only what the client relies on (ids, markers, the update envelope), with
 * every other field passed through, so a field MAX adds tomorrow is kept and a missing id fails as a
 * `ResponseValidationError` at the call instead of somewhere later.
 */
import { z } from 'zod';

const int = z.number().int();

export const userSchema = z.looseObject({ user_id: int, first_name: z.string(), is_bot: z.boolean() });
export const chatSchema = z.looseObject({ chat_id: int, type: z.string(), status: z.string() });
export const memberSchema = z.looseObject({ user_id: int, is_admin: z.boolean(), is_owner: z.boolean() });
export const messageSchema = z.looseObject({
  recipient: z.looseObject({}),
  timestamp: int,
  body: z.looseObject({ mid: z.string() }),
});
export const successSchema = z.looseObject({ success: z.boolean(), message: z.string().optional() });
export const membersPageSchema = z.looseObject({
  members: z.array(memberSchema),
  marker: int.nullable().optional(),
});
export const addMembersSchema = z.looseObject({
  success: z.boolean(),
  message: z.string().optional(),
  failed_user_ids: z.array(int).optional(),
  failed_user_details: z.array(z.looseObject({ error_code: z.string(), user_ids: z.array(int) })).optional(),
});
export const sendResultSchema = z.looseObject({ message: messageSchema });
export const messagesSchema = z.looseObject({ messages: z.array(messageSchema) });
export const pinSchema = z.looseObject({ message: messageSchema.nullable() });
export const uploadUrlSchema = z.looseObject({ url: z.string(), token: z.string().optional() });
export const subscriptionsSchema = z.looseObject({
  subscriptions: z.array(z.looseObject({ url: z.string(), time: int })),
});
