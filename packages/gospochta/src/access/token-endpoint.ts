/**
 * `POST /oauth2/token`: client credentials for a system, RFC 8693 token exchange of an ESIA access
 * token for a person. The system authenticates with HTTP Basic (RFC 6749 §2.3.1: id and secret
 * form-encoded first). OAuth's `{ error }` becomes AuthFailedError. Not a protected packet.
 */
import { HttpError, type Transport } from '@goskit/core';
import { toBase64, utf8 } from '@goskit/crypto';
import { z } from 'zod';
import { AuthFailedError } from '../errors/auth-failed-error.js';
import type { components } from '../generated/gospochta.js';

export type TokenRequestForm = components['schemas']['TokenRequest'];

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1).max(16_384),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive().max(86_400),
  scope: z.string().max(1000).optional(),
});

export type TokenResponse = z.output<typeof tokenResponseSchema>;

const oauthErrorSchema = z.looseObject({
  error: z.string().max(100),
  error_description: z.string().optional(),
});

export interface ClientSecretCredentials {
  clientId: string;
  clientSecret: string;
}

export function basicAuthorization(credentials: ClientSecretCredentials): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${toBase64(utf8(`${encode(credentials.clientId)}:${encode(credentials.clientSecret)}`))}`;
}

export async function requestToken(
  transport: Transport,
  path: string,
  credentials: ClientSecretCredentials,
  form: TokenRequestForm,
): Promise<TokenResponse> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'string') {
      fields[name] = value;
    }
  }
  try {
    return await transport.post(path, {
      form: fields,
      headers: { authorization: basicAuthorization(credentials) },
      schema: tokenResponseSchema,
    });
  } catch (error) {
    if (error instanceof HttpError && (error.status === 400 || error.status === 401)) {
      const parsed = oauthErrorSchema.safeParse(error.data);
      if (parsed.success) {
        throw new AuthFailedError({
          oauthError: parsed.data.error,
          status: error.status,
          description: parsed.data.error_description,
          cause: error,
        });
      }
    }
    throw error;
  }
}
