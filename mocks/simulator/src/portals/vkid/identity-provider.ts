/** VK ID as the identity service of the VK API: the vk portal accepts the user tokens issued here. */
import { provide } from '../../engine/services.js';
import { type VkIdentityService, vkIdentityService } from '../../services/vk-identity.js';
import type { VkIdState } from './state.js';

export const vkIdentityProvider = provide<VkIdentityService, VkIdState>(vkIdentityService, ({ state }) => ({
  accessGrant: (token) => {
    const current = state();
    const record = current.accessTokens.get(token);
    const grant = record === undefined ? undefined : current.grants.get(record.grantId);
    if (record === undefined || grant === undefined || record.revoked || grant.revoked) {
      return undefined;
    }
    return {
      userId: grant.userId,
      clientId: grant.clientId,
      scopes: [...grant.scopes],
      profile: grant.profile,
      deviceId: grant.deviceId,
      expiresAtMs: record.expiresAtMs,
    };
  },
}));
