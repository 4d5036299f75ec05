/**
 * VK error codes that mean "this person cannot be put in this chat" — reported as a refusal with a
 * reason (the person gets the invite link), not thrown: privacy settings, no messages allowed from
 * the community, an unknown account, a pending message request.
 */
import { VK_ERROR } from '../errors/vk-error-codes.js';
import type { MemberRefusal } from '../sync/chat-transport.js';

const REFUSALS = new Map<number, MemberRefusal>([
  [VK_ERROR.PRIVACY_BLACKLIST, 'privacy'],
  [VK_ERROR.PRIVACY_NO_PERMISSION, 'privacy'],
  [VK_ERROR.PRIVACY_SETTINGS, 'privacy'],
  [VK_ERROR.USER_NO_GROUP_ACCESS, 'not-allowed'],
  [VK_ERROR.PEER_NOT_ALLOWED, 'not-allowed'],
  [VK_ERROR.CONTACT_NOT_FOUND, 'not-found'],
  [VK_ERROR.INVALID_USER_ID, 'not-found'],
  [VK_ERROR.USER_DELETED_OR_BANNED, 'not-found'],
  [VK_ERROR.MESSAGE_REQUEST_SENT, 'restricted'],
  [VK_ERROR.WRITE_RESTRICTED, 'restricted'],
  [VK_ERROR.SPAM_RESTRICTED, 'restricted'],
]);

export function memberRefusal(vkCode: number): MemberRefusal | undefined {
  return REFUSALS.get(vkCode);
}
