import { InvalidOptionsError } from '@goskit/core';

/** 'test' (ТЕСИА), 'production', or your own base URL (the simulator: `http://127.0.0.1:4010/esia`). */
export type EsiaEnvironment = 'test' | 'production' | { baseUrl: string; issuer?: string };

export interface ResolvedEsiaEnvironment {
  baseUrl: string;
  /** JWT `iss` ESIA writes: http, trailing slash. */
  issuer: string;
}

export const ESIA_TEST: ResolvedEsiaEnvironment = {
  baseUrl: 'https://esia-portal1.test.gosuslugi.ru',
  issuer: 'http://esia-portal1.test.gosuslugi.ru/',
};

export const ESIA_PRODUCTION: ResolvedEsiaEnvironment = {
  baseUrl: 'https://esia.gosuslugi.ru',
  issuer: 'http://esia.gosuslugi.ru/',
};

/** A custom base URL issues the test stand's `iss` unless told otherwise (that is what the simulator does). */
export function resolveEsiaEnvironment(environment: EsiaEnvironment): ResolvedEsiaEnvironment {
  if (environment === 'test') {
    return ESIA_TEST;
  }
  if (environment === 'production') {
    return ESIA_PRODUCTION;
  }
  if (typeof environment !== 'object' || environment === null || typeof environment.baseUrl !== 'string') {
    throw new InvalidOptionsError("environment must be 'test', 'production' or { baseUrl }");
  }
  let url: URL;
  try {
    url = new URL(environment.baseUrl);
  } catch {
    throw new InvalidOptionsError('environment.baseUrl must be an absolute URL');
  }
  const baseUrl = url.href.replace(/\/+$/, '');
  const issuer =
    environment.issuer ??
    (url.origin === 'https://esia.gosuslugi.ru' ? ESIA_PRODUCTION.issuer : ESIA_TEST.issuer);
  return { baseUrl, issuer };
}
