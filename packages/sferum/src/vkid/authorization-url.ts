/**
 * The `GET <id.vk.ru>/authorize` URL of a VK ID login: `response_type=code`, the app, the redirect,
 * a fresh state, scopes and an S256 PKCE challenge. The verifier stays server-side in the store.
 */
import { InvalidOptionsError } from '@goskit/core';
import { checkScopes, type VkIdContext } from './context.js';
import { savePending } from './pending-login.js';
import { createPkcePair, randomToken } from './pkce.js';

export interface VkIdAuthorizationUrlOptions {
  /** Your own state (1–200 of `[A-Za-z0-9_-]`); a random 43-character one otherwise. */
  state?: string;
  /** Overrides the client's scopes for this login. */
  scopes?: readonly string[];
  /** `login`, `consent`, `select_account` … passed as is. */
  prompt?: string;
  /** VK ID interface language id (0 Russian, 3 English …). */
  langId?: number;
  /** `light` or `dark`. */
  scheme?: 'light' | 'dark';
  /** Stored with the pending login and returned by handleCallback (e.g. the school person linking). */
  data?: unknown;
}

export interface VkIdAuthorizationUrl {
  url: string;
  state: string;
}

const STATE = /^[A-Za-z0-9_-]{1,200}$/;
const PROMPT = /^[a-z_ ]{1,64}$/;

export async function authorizationUrl(
  context: VkIdContext,
  options: VkIdAuthorizationUrlOptions = {},
): Promise<VkIdAuthorizationUrl> {
  const state = options.state ?? randomToken();
  if (!STATE.test(state)) {
    throw new InvalidOptionsError('state must be 1–200 characters of [A-Za-z0-9_-]');
  }
  if (options.prompt !== undefined && !PROMPT.test(options.prompt)) {
    throw new InvalidOptionsError('prompt must be VK ID prompt values (lower-case words)');
  }
  if (
    options.langId !== undefined &&
    !(Number.isInteger(options.langId) && options.langId >= 0 && options.langId < 1000)
  ) {
    throw new InvalidOptionsError('langId must be a small non-negative integer');
  }
  const scopes = options.scopes === undefined ? context.scopes : checkScopes(options.scopes, 'scopes');
  const pkce = await createPkcePair();
  await savePending(context, state, {
    codeVerifier: pkce.verifier,
    redirectUri: context.redirectUri,
    scopes,
    createdAt: context.now(),
    ...(options.data === undefined ? {} : { data: options.data }),
  });
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: context.clientId,
    redirect_uri: context.redirectUri,
    state,
    code_challenge: pkce.challenge,
    // VK ID's documentation writes the method in lower case.
    code_challenge_method: 's256',
  });
  if (scopes.length > 0) {
    params.set('scope', scopes.join(' '));
  }
  if (options.prompt !== undefined) {
    params.set('prompt', options.prompt);
  }
  if (options.langId !== undefined) {
    params.set('lang_id', String(options.langId));
  }
  if (options.scheme !== undefined) {
    params.set('scheme', options.scheme === 'dark' ? 'dark' : 'light');
  }
  return { url: `${context.baseUrl}/authorize?${params.toString()}`, state };
}
