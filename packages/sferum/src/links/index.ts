export {
  type LinkStatus,
  type LinkStatusOptions,
  linkStatus,
  linkStatuses,
  NOT_LINKED,
  type StaleReason,
} from './link-status.js';
export type { LinkStore } from './link-store.js';
export { MemoryLinkStore } from './memory-link-store.js';
export {
  checkLink,
  checkPersonId,
  checkUserId,
  type LinkNetwork,
  type PersonLink,
  type SchoolPersonRole,
} from './person-link.js';
export { linkFromVkId, type VkLinkCheck, verifyVkLinks } from './vk-links.js';
