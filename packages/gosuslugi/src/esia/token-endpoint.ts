import { HttpError } from '@goskit/core';
import { z } from 'zod';
import { EsiaError } from '../errors/esia-error.js';
import type { components } from '../generated/esia.js';
import type { SignedParameters } from './client-secret.js';
import type { EsiaContext } from './context.js';
import { type TokenResponse, tokenResponseSchema } from './tokens.js';

/** The v3/te form as openapi/esia.yaml defines it: a renamed field there breaks the build here. */
export type TokenRequestForm = components['schemas']['TokenRequest'];

/** The fields that authenticate the system, the same for every grant: id, signature, hash, time. */
export function clientAuthentication(
  context: EsiaContext,
  signed: SignedParameters,
  state: string,
): Pick<
  TokenRequestForm,
  'client_id' | 'client_secret' | 'client_certificate_hash' | 'state' | 'timestamp' | 'token_type'
> {
  return {
    client_id: context.options.clientId,
    ...(signed.client_certificate_hash === undefined
      ? {}
      : { client_certificate_hash: signed.client_certificate_hash }),
    client_secret: signed.client_secret,
    state,
    timestamp: signed.timestamp,
    token_type: 'Bearer',
  };
}

const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
  state: z.string().optional(),
});

/**
 * POSTs a token request (form) and checks that ESIA echoed the request's `state`. ESIA's 400
 * `{ error, error_description: 'ESIA-0070xx: …' }` becomes EsiaError('ESIA_ERROR').
 * Never retried: an authorization code is single use.
 */
export async function postTokenRequest(
  context: EsiaContext,
  path: string,
  request: TokenRequestForm,
): Promise<TokenResponse> {
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(request)) {
    if (typeof value === 'string') {
      form[name] = value;
    }
  }
  let body: TokenResponse;
  try {
    body = await context.transport.post(path, { form, schema: tokenResponseSchema, retry: false });
  } catch (error) {
    if (error instanceof HttpError) {
      const parsed = oauthErrorSchema.safeParse(error.data);
      if (parsed.success) {
        throw EsiaError.fromOAuth(parsed.data.error, parsed.data.error_description, error.status, error);
      }
    }
    throw error;
  }
  if (body.state !== undefined && body.state !== form.state) {
    throw new EsiaError('STATE_MISMATCH', 'ESIA token response carries another state than the request', {
      hint: {
        ru: 'Ответ не относится к этому запросу (прокси или кэш перепутали ответы?).',
        en: 'The answer does not belong to this request (a proxy or cache mixed up answers?).',
      },
    });
  }
  return body;
}
