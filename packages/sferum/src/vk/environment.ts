/**
 * Where VK API calls go. VK moved developers to `api.vk.ru` in 2025 (both hosts answer), so that is
 * the default; `{ baseUrl }` points at a gateway or the simulator (`http://127.0.0.1:4010/vk`).
 * Calls are `POST <base>/method/<name>`.
 */
import { type HostEnvironment, resolveEnvironmentBaseUrl } from '../util/environment-base-url.js';

export type VkEnvironment = HostEnvironment;

export const VK_API_RU = 'https://api.vk.ru';
export const VK_API_COM = 'https://api.vk.com';

export function resolveVkBaseUrl(environment: VkEnvironment | undefined): string {
  return resolveEnvironmentBaseUrl(
    environment,
    { 'vk.ru': VK_API_RU, 'vk.com': VK_API_COM },
    'http://127.0.0.1:4010/vk',
  );
}
