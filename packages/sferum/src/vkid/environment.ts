/**
 * VK ID hosts. VK ID 2.6.1 (September 2025) moved to `id.vk.ru`; `id.vk.com` still answers. A base
 * URL points at a gateway or the simulator (`http://127.0.0.1:4010/vkid`).
 */
import { type HostEnvironment, resolveEnvironmentBaseUrl } from '../util/environment-base-url.js';

export type VkIdEnvironment = HostEnvironment;

export const VKID_RU = 'https://id.vk.ru';
export const VKID_COM = 'https://id.vk.com';

export function resolveVkIdBaseUrl(environment: VkIdEnvironment | undefined): string {
  return resolveEnvironmentBaseUrl(
    environment,
    { 'vk.ru': VKID_RU, 'vk.com': VKID_COM },
    'http://127.0.0.1:4010/vkid',
  );
}
