/**
 * Finishes a login on the redirect: takes the pending login of `state` (single use), turns an error
 * redirect into `VkIdError`, and exchanges `code` + `device_id` + the PKCE verifier for tokens at
 * `POST /oauth2/auth`, checking that VK ID echoes the request's state.
 */

import { type CallbackInput, callbackParams } from '@goskit/core';
import { VkIdError } from '../errors/vk-id-error.js';
import type { VkIdContext } from './context.js';
import { postForm } from './oauth-call.js';
import { takePending } from './pending-login.js';
import { randomToken } from './pkce.js';
import { toTokens, type VkIdTokens, vkIdTokenResponse } from './tokens.js';

/** A full URL, a query string, URLSearchParams or a framework's query object (@goskit/core's rule). */
export type VkIdCallbackInput = CallbackInput;

export interface VkIdCallbackResult extends VkIdTokens {
  /** What authorizationUrl({ data }) attached. */
  data: unknown;
}

const STATE_HINT = {
  ru: 'state неизвестен, уже использован или истёк (10 минут по умолчанию). Нескольким экземплярам приложения нужен общий stateStore.',
  en: 'The state is unknown, already used or expired (10 minutes by default). Several app instances need a shared stateStore.',
};

export { callbackParams };

const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export async function handleCallback(
  context: VkIdContext,
  input: VkIdCallbackInput,
): Promise<VkIdCallbackResult> {
  const params = callbackParams(input);
  const state = params.get('state');
  const pending = state === null || state.length > 200 ? undefined : await takePending(context, state);
  const error = params.get('error');
  if (error !== null) {
    throw VkIdError.fromOAuth(error, params.get('error_description') ?? undefined);
  }
  if (!pending) {
    throw new VkIdError(
      'STATE_MISMATCH',
      state === null ? 'VK ID callback has no state' : 'VK ID callback state is unknown, used or expired',
      { hint: STATE_HINT },
    );
  }
  const code = params.get('code');
  const deviceId = params.get('device_id');
  if (code === null || code === '' || code.length > 2000) {
    throw new VkIdError('INVALID_CALLBACK', 'VK ID callback has neither code nor error');
  }
  if (deviceId === null || !DEVICE_ID.test(deviceId)) {
    throw new VkIdError('INVALID_CALLBACK', 'VK ID callback has no valid device_id (refresh needs it)');
  }
  const requestState = randomToken();
  const body = await postForm(
    context,
    '/oauth2/auth',
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: pending.codeVerifier,
      client_id: context.clientId,
      device_id: deviceId,
      redirect_uri: pending.redirectUri,
      state: requestState,
    },
    vkIdTokenResponse,
    { retry: false },
  );
  if (body.state !== undefined && body.state !== requestState) {
    throw new VkIdError('STATE_MISMATCH', 'VK ID token answer carries another state than the request');
  }
  return { ...toTokens(body, deviceId, context.now()), data: pending.data };
}
