import { type CallbackInput, callbackParams } from '@goskit/core';
import { EsiaError } from '../errors/esia-error.js';
import { signParameters } from './client-secret.js';
import type { EsiaContext } from './context.js';
import { type PendingAuthorization, takePending } from './pending-request.js';
import { clientAuthentication, postTokenRequest, type TokenRequestForm } from './token-endpoint.js';
import { buildTokens, type EsiaUserTokens } from './tokens.js';

// Re-exported for compatibility: the rule lives in @goskit/core, shared with VK ID.
export { type CallbackInput, callbackParams };

export interface CallbackResult extends EsiaUserTokens {
  /** What the application attached in authorizationUrl({ data }). */
  data: unknown;
}

const STATE_HINT = {
  ru: 'state неизвестен, уже использован или истёк (по умолчанию 10 минут). Для нескольких экземпляров приложения нужен общий stateStore (Redis).',
  en: 'The state is unknown, already used or expired (10 minutes by default). Several app instances need a shared stateStore (Redis).',
};

/**
 * Finishes the login: takes the pending request of `state` (single use), turns an ESIA error
 * redirect into EsiaError, exchanges the code at v3/te (legacy: /te) with a NEW state and the
 * same scope and redirect_uri, checks the echo, and verifies the tokens.
 */
export async function handleCallback(context: EsiaContext, input: CallbackInput): Promise<CallbackResult> {
  const params = callbackParams(input);
  const state = params.get('state') ?? undefined;
  const pending: PendingAuthorization | undefined =
    state === undefined ? undefined : await takePending(context, state);
  const error = params.get('error');
  if (error !== null || params.has('error_description')) {
    throw EsiaError.fromOAuth(error ?? undefined, params.get('error_description') ?? undefined);
  }
  if (!pending) {
    throw new EsiaError(
      'STATE_MISMATCH',
      state === undefined ? 'ESIA callback has no state' : 'ESIA callback state is unknown, used or expired',
      { hint: STATE_HINT },
    );
  }
  const code = params.get('code');
  if (code === null || code.length === 0) {
    throw new EsiaError('INVALID_CALLBACK', 'ESIA callback has neither code nor error');
  }
  const tokenState = context.randomUUID();
  const v1 = pending.flow === 'v1';
  const signed = await signParameters(
    context,
    v1
      ? { flow: 'v1', scope: pending.scope, state: tokenState }
      : {
          flow: 'v3/te',
          scope: pending.scope,
          scopeOrg: pending.scopeOrg,
          state: tokenState,
          redirectUri: pending.redirectUri,
          code,
        },
  );
  const form: TokenRequestForm = {
    ...clientAuthentication(context, signed, tokenState),
    code,
    grant_type: 'authorization_code',
    redirect_uri: pending.redirectUri,
    scope: pending.scope,
    ...(pending.scopeOrg === '' ? {} : { scope_org: pending.scopeOrg }),
    ...(pending.codeVerifier === undefined ? {} : { code_verifier: pending.codeVerifier }),
  };
  const body = await postTokenRequest(context, v1 ? '/aas/oauth2/te' : '/aas/oauth2/v3/te', form);
  const tokens = await buildTokens(context, body);
  if (tokens.oid === undefined) {
    throw new EsiaError('TOKEN_INVALID', 'ESIA tokens name no user (no urn:esia:sbj_id or sub)', {
      reason: 'TOKEN_CLAIM_INVALID',
    });
  }
  return { ...tokens, oid: tokens.oid, data: pending.data };
}
