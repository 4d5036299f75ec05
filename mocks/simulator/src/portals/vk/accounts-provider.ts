/** The vk portal as the provider of VK accounts (what VK ID's account chooser signs in). */
import { provide } from '../../engine/services.js';
import { type VkAccountsService, vkAccountsService } from '../../services/vk-accounts.js';
import type { VkState } from './state.js';

function digits(value: string): string {
  return value.replace(/\D/g, '');
}

export const vkAccountsProvider = provide<VkAccountsService, VkState>(vkAccountsService, ({ state }) => ({
  account: (id) => state().users.get(id),
  accounts: () => [...state().users.values()],
  findByLogin: (login) => {
    const wanted = login.trim().toLowerCase();
    if (wanted === '') {
      return undefined;
    }
    const phone = digits(wanted);
    for (const user of state().users.values()) {
      if (
        user.login.toLowerCase() === wanted ||
        user.email?.toLowerCase() === wanted ||
        (phone.length >= 10 && user.phone !== undefined && digits(user.phone).endsWith(phone.slice(-10)))
      ) {
        return user;
      }
    }
    return undefined;
  },
}));
