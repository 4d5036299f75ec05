import { InvalidOptionsError } from '@goskit/core';

export type EpguEnvironment = 'test' | 'production' | { baseUrl: string };

export const EPGU_TEST_URL = 'https://svcdev-beta.test.gosuslugi.ru';
export const EPGU_PRODUCTION_URL = 'https://lk.gosuslugi.ru';

export function resolveEpguBaseUrl(environment: EpguEnvironment): string {
  if (environment === 'test') {
    return EPGU_TEST_URL;
  }
  if (environment === 'production') {
    return EPGU_PRODUCTION_URL;
  }
  if (typeof environment !== 'object' || environment === null || typeof environment.baseUrl !== 'string') {
    throw new InvalidOptionsError("environment must be 'test', 'production' or { baseUrl }");
  }
  try {
    return new URL(environment.baseUrl).href.replace(/\/+$/, '');
  } catch {
    throw new InvalidOptionsError('environment.baseUrl must be an absolute URL');
  }
}
