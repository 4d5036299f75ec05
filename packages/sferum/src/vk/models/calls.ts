/** `calls.start` (vk-api-schema `calls_start_response`): a join link, and the call id to finish it with. */
import { z } from 'zod';

export const callStartResponse = z.looseObject({
  join_link: z.string().min(1),
  call_id: z.string().optional(),
});
export type VkCallStart = z.output<typeof callStartResponse>;
