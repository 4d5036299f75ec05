/**
 * Where VK API calls go. VK moved developers to `api.vk.ru` in 2025 (both hosts answer), so that is
 * the default; `{ baseUrl }` points at a gateway or the simulator (`http://127.0.0.1:4010/vk`).
 * Calls are `POST <base>/method/<name>`.
 */
import { InvalidOptionsError } from '@goskit/core';

export type VkEnvironment = 'vk.ru' | 'vk.com' | { baseUrl: string };

export const VK_API_RU = 'https://api.vk.ru';
export const VK_API_COM = 'https://api.vk.com';

export function resolveVkBaseUrl(environment: VkEnvironment | undefined): string {
  if (environment === undefined || environment === 'vk.ru') {
    return VK_API_RU;
  }
  if (environment === 'vk.com') {
    return VK_API_COM;
  }
  if (typeof environment !== 'object' || environment === null || typeof environment.baseUrl !== 'string') {
    throw new InvalidOptionsError("environment must be 'vk.ru', 'vk.com' or { baseUrl }");
  }
  let url: URL;
  try {
    url = new URL(environment.baseUrl);
  } catch {
    throw new InvalidOptionsError(
      'environment.baseUrl must be an absolute URL, e.g. http://127.0.0.1:4010/vk',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidOptionsError('environment.baseUrl must be an http(s) URL');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidOptionsError('environment.baseUrl must not carry a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}
