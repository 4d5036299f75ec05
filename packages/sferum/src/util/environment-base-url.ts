/**
 * One rule for every VK-family host option (`environment`): a named public host, or `{ baseUrl }`
 * for a gateway or the simulator — an absolute http(s) URL without query or fragment, trailing
 * slashes dropped so paths join cleanly.
 */
import { InvalidOptionsError } from '@goskit/core';

export type HostEnvironment = 'vk.ru' | 'vk.com' | { baseUrl: string };

export interface PublicHosts {
  'vk.ru': string;
  'vk.com': string;
}

/** `example` is the simulator URL the error message suggests (`http://127.0.0.1:4010/vk`). */
export function resolveEnvironmentBaseUrl(
  environment: HostEnvironment | undefined,
  hosts: PublicHosts,
  example: string,
): string {
  if (environment === undefined || environment === 'vk.ru' || environment === 'vk.com') {
    return hosts[environment ?? 'vk.ru'];
  }
  if (typeof environment !== 'object' || environment === null || typeof environment.baseUrl !== 'string') {
    throw new InvalidOptionsError("environment must be 'vk.ru', 'vk.com' or { baseUrl }");
  }
  let url: URL;
  try {
    url = new URL(environment.baseUrl);
  } catch {
    throw new InvalidOptionsError(`environment.baseUrl must be an absolute URL, e.g. ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidOptionsError('environment.baseUrl must be an http(s) URL');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidOptionsError('environment.baseUrl must not carry a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}
