/**
 * VK ID as an identity provider for the VK API: the `vk` portal accepts user access tokens VK ID
 * issued, and asks this service (provided by `vkid`) who they belong to.
 */
import { defineService } from '../engine/services.js';

/** The demo application: VK ID's demo client and the owner of the `vk` portal's demo service token. */
export const VK_DEMO_APP_ID = 54_000_001;

export interface VkIdGrant {
  userId: number;
  clientId: string;
  /** Scope names as granted ('vkid.personal_info', 'messages', …). */
  scopes: string[];
  /** Which profile the person chose on the account chooser. */
  profile: 'personal' | 'education';
  deviceId: string;
  /** Epoch ms on the simulator's clock; the caller compares it with `clock.nowMs()`. */
  expiresAtMs: number;
}

export interface VkIdentityService {
  /** The grant of an access token VK ID issued (also when expired); undefined when unknown or revoked. */
  accessGrant(token: string): VkIdGrant | undefined;
}

export const vkIdentityService = defineService<VkIdentityService>('vk-identity', {
  description: 'verifies user access tokens VK ID issued',
  hint: 'vkidPortal()',
});
