export type { CommunityCheck, CommunityVerifier } from './community-verifier.js';
export {
  checkLinkInput,
  createLinkBase,
  type LinkBase,
  type LinkBaseOptions,
  type SaveLinkInput,
  type SchoolLink,
} from './link-base.js';
export type { LinkKey, LinkKeyRing } from './link-key-ring.js';
export { createVkCommunityVerifier, type VkCommunityVerifierOptions } from './vk-community-verifier.js';
