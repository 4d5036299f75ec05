/** What the package exports of the vkid portal (re-exported by src/universal.ts), and the service it offers. */

export {
  VK_DEMO_APP_ID,
  type VkIdentityService,
  type VkIdGrant,
  vkIdentityService,
} from '../../services/vk-identity.js';
export {
  completeVkIdLogin,
  registerVkIdClient,
  VKID_DEMO_CLIENT_ID,
  type VkIdClient,
  type VkIdClientInput,
  type VkIdData,
  type VkIdDataInput,
  type VkIdLoginOptions,
  type VkIdPortal,
  type VkIdPortalOptions,
  type VkIdState,
  vkIdClientInputSchema,
  vkIdClients,
  vkidDataSchema,
  vkidPortal,
} from './index.js';
