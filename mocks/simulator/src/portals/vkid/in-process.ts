/** The vkid control routes' abilities for a simulator in the same process. */
import type { Simulator } from '../../engine/types.js';
import { registerClient } from './clients.js';
import type { VkIdClient, VkIdState } from './state.js';

/** Registers or replaces a VK ID client; throws BadRequestError naming the field. */
export function registerVkIdClient(sim: Simulator, input: unknown): VkIdClient {
  return registerClient(sim.portalState<VkIdState>('vkid'), input);
}

export function vkIdClients(sim: Simulator): VkIdClient[] {
  return [...sim.portalState<VkIdState>('vkid').clients.values()].map((client) => ({
    ...client,
    redirectUris: [...client.redirectUris],
  }));
}
