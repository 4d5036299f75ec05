/**
 * VK accounts: the people of VK (the roster's teachers, parents, pupils and whoever a vendor adds),
 * owned by the `vk` portal. VK ID signs these accounts in: its account chooser lists them and shows
 * whether a person has linked their «учебный профиль» (the Sferum profile).
 */
import { defineService } from '../engine/services.js';
import type { PersonaRole } from '../engine/types.js';

export interface VkAccount {
  /** VK user id. */
  id: number;
  firstName: string;
  lastName: string;
  /** Отчество; VK's public profile has none, the «учебный профиль» carries it. */
  middleName: string;
  /** VK's code: 1 female, 2 male. */
  sex: 1 | 2;
  /** 'D.M.YYYY' as VK writes `bdate`. */
  birthDate: string;
  screenName: string;
  /** What the person types on the VK ID login page (a phone number or an e-mail). */
  login: string;
  phone?: string;
  email?: string;
  /** The roster person behind the account, when there is one. */
  personId?: string;
  role?: PersonaRole;
  /** Whether the person has linked their «учебный профиль» (Sferum) to this account. */
  educationProfile: boolean;
}

export interface VkAccountsService {
  account(id: number): VkAccount | undefined;
  /** By login (phone digits or e-mail, case-insensitive), or by the roster person's login. */
  findByLogin(login: string): VkAccount | undefined;
  /** Every account, in roster order (the chooser's demo list). */
  accounts(): readonly VkAccount[];
}

export const vkAccountsService = defineService<VkAccountsService>('vk-accounts', {
  description: 'the VK accounts (people, their «учебный профиль») VK ID signs in',
  hint: 'vkPortal()',
});
