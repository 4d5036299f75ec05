/** VK ID token answers (`POST /oauth2/auth`) and the tokens the client hands out. */
import { z } from 'zod';

export const vkIdTokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  user_id: z.union([
    z.number().int().positive(),
    z
      .string()
      .regex(/^[1-9]\d{0,18}$/)
      .transform(Number),
  ]),
  state: z.string().optional(),
  scope: z.string().optional(),
});
export type VkIdTokenResponse = z.output<typeof vkIdTokenResponse>;

export interface VkIdTokens {
  accessToken: string;
  /** Rotated on every refresh: keep the new one. */
  refreshToken: string | undefined;
  idToken: string | undefined;
  tokenType: string;
  /** The access token lives 1 hour. */
  expiresAt: Date;
  /** The VK user id. */
  userId: number;
  scopes: string[];
  /** The device the login came from; refresh needs it. */
  deviceId: string;
}

export function toTokens(body: VkIdTokenResponse, deviceId: string, now: number): VkIdTokens {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    idToken: body.id_token,
    tokenType: body.token_type ?? 'Bearer',
    expiresAt: new Date(now + (body.expires_in ?? 3600) * 1000),
    userId: body.user_id,
    scopes: (body.scope ?? '').split(/[\s,]+/).filter(Boolean),
    deviceId,
  };
}
