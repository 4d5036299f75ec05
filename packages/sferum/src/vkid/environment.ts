/**
 * VK ID hosts. VK ID 2.6.1 (September 2025) moved to `id.vk.ru`; `id.vk.com` still answers. A base
 * URL points at a gateway or the simulator (`http://127.0.0.1:4010/vkid`).
 */
import { InvalidOptionsError } from '@goskit/core';

export type VkIdEnvironment = 'vk.ru' | 'vk.com' | { baseUrl: string };

export const VKID_RU = 'https://id.vk.ru';
export const VKID_COM = 'https://id.vk.com';

export function resolveVkIdBaseUrl(environment: VkIdEnvironment | undefined): string {
  if (environment === undefined || environment === 'vk.ru') {
    return VKID_RU;
  }
  if (environment === 'vk.com') {
    return VKID_COM;
  }
  if (typeof environment !== 'object' || environment === null || typeof environment.baseUrl !== 'string') {
    throw new InvalidOptionsError("environment must be 'vk.ru', 'vk.com' or { baseUrl }");
  }
  let url: URL;
  try {
    url = new URL(environment.baseUrl);
  } catch {
    throw new InvalidOptionsError(
      'environment.baseUrl must be an absolute URL, e.g. http://127.0.0.1:4010/vkid',
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new InvalidOptionsError('environment.baseUrl must be an http(s) URL without a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}
