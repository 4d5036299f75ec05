/**
 * The `vkid` portal: VK ID on https://id.vk.ru and https://id.vk.com (and /vkid standalone) —
 * OAuth 2.1 with PKCE (S256), the account chooser with the «Учебный профиль», «Информация о себе»,
 * codes with device_id, tokens for one hour, refresh with rotation, user_info, public_info, logout,
 * OAuth-style errors, redirects only to registered URIs. Signs in the accounts the vk portal holds;
 * its access tokens work on the VK API. Docs: docs/vkid-portal.md.
 */
import { z } from 'zod';
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import type { PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { vkAccountsService } from '../../services/vk-accounts.js';
import { authorizeRoute } from './authorize.js';
import { clientRecord, demoClient, vkIdClientInputSchema } from './clients.js';
import { vkidControlRoutes } from './control-routes.js';
import { vkidPanel } from './dashboard-panel.js';
import { flowRoutes } from './flow.js';
import { vkIdentityProvider } from './identity-provider.js';
import { vkidOpenApi } from './openapi.gen.js';
import { resolveVkIdOptions, VKID_HOSTS, type VkIdPortalOptions } from './options.js';
import type { VkIdState } from './state.js';
import { tokenRoute } from './token.js';
import { userInfoRoutes } from './user-info.js';

export const vkidDataSchema = z
  .object({ clients: z.array(vkIdClientInputSchema).max(1000).optional() })
  .strict();
export type VkIdData = z.output<typeof vkidDataSchema>;
export type VkIdDataInput = z.input<typeof vkidDataSchema>;

export type VkIdPortal = PortalDefinition<VkIdState, VkIdData> & {
  controlRoutes: RouteDefinition<VkIdState>[];
};

/**
 * VK ID publishes no rate limits, so none is simulated by default; `rateLimits: { vkid: {...} }` adds
 * one (429 + Retry-After).
 */
export function vkidPortal(options: VkIdPortalOptions = {}): VkIdPortal {
  const resolved = resolveVkIdOptions(options);
  return {
    name: 'vkid',
    title: 'VK ID',
    hosts: [...VKID_HOSTS],
    prefix: '/vkid',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/vkid-portal.md',
    data: {
      schema: vkidDataSchema,
      description: 'clients: VK ID applications (clientId, redirectUris) registered on every start',
    },
    createState: (runtime) => {
      const clients = new Map([[demoClient().clientId, demoClient()]]);
      for (const input of runtime.data?.clients ?? []) {
        const client = clientRecord(input);
        clients.set(client.clientId, client);
      }
      return {
        clients,
        pending: new Map(),
        codes: new Map(),
        grants: new Map(),
        accessTokens: new Map(),
        refreshTokens: new Map(),
      };
    },
    routes: [authorizeRoute, ...flowRoutes(resolved), tokenRoute(resolved), ...userInfoRoutes],
    contracts: contractsFromOpenApi(vkidOpenApi),
    controlRoutes: vkidControlRoutes,
    dashboard: vkidPanel,
    provides: [vkIdentityProvider],
    requires: [vkAccountsService],
  };
}

export { VKID_DEMO_CLIENT_ID, type VkIdClientInput, vkIdClientInputSchema } from './clients.js';
export { completeVkIdLogin, type VkIdLoginOptions } from './complete-login.js';
export { registerVkIdClient, vkIdClients } from './in-process.js';
export type { VkIdPortalOptions } from './options.js';
export type { VkIdClient, VkIdState } from './state.js';
