/**
 * After the login: refresh (`grant_type=refresh_token` with the login's device id; VK ID rotates
 * the refresh token), `POST /oauth2/user_info` and `POST /oauth2/logout`.
 */
import { InvalidOptionsError } from '@goskit/core';
import { z } from 'zod';
import { VkIdError } from '../errors/vk-id-error.js';
import { checkScopes, type VkIdContext } from './context.js';
import { postForm } from './oauth-call.js';
import { randomToken } from './pkce.js';
import { toTokens, type VkIdTokens, vkIdTokenResponse } from './tokens.js';

const userInfoResponse = z.looseObject({
  user: z.looseObject({
    user_id: z.union([
      z.number().int().positive(),
      z
        .string()
        .regex(/^[1-9]\d{0,18}$/)
        .transform(Number),
    ]),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    avatar: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    sex: z.number().int().optional(),
    birthday: z.string().optional(),
    verified: z.boolean().optional(),
  }),
});

export interface VkIdUser {
  userId: number;
  firstName: string | undefined;
  lastName: string | undefined;
  avatar: string | undefined;
  /** Only with the `email` scope. */
  email: string | undefined;
  /** Only with the `phone` scope. */
  phone: string | undefined;
  /** 1 female, 2 male (VK convention), when given. */
  sex: number | undefined;
  /** `dd.mm.yyyy`, when given. */
  birthday: string | undefined;
}

function checkToken(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096 || /\s/.test(value)) {
    throw new InvalidOptionsError(`${name} must be the token string VK ID issued`);
  }
  return value;
}

export async function refreshTokens(
  context: VkIdContext,
  refreshToken: string,
  deviceId: string,
  options: { scopes?: readonly string[] } = {},
): Promise<VkIdTokens> {
  checkToken('refreshToken', refreshToken);
  if (typeof deviceId !== 'string' || !/^[A-Za-z0-9_.:-]{1,200}$/.test(deviceId)) {
    throw new InvalidOptionsError('deviceId must be the device_id of the login (tokens.deviceId)');
  }
  const state = randomToken();
  const form: Record<string, string> = {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: context.clientId,
    device_id: deviceId,
    state,
  };
  if (options.scopes !== undefined) {
    form.scope = checkScopes(options.scopes, 'scopes').join(' ');
  }
  const body = await postForm(context, '/oauth2/auth', form, vkIdTokenResponse, { retry: false });
  if (body.state !== undefined && body.state !== state) {
    throw new VkIdError('STATE_MISMATCH', 'VK ID refresh answer carries another state than the request');
  }
  return toTokens(body, deviceId, context.now());
}

export async function userInfo(context: VkIdContext, accessToken: string): Promise<VkIdUser> {
  checkToken('accessToken', accessToken);
  const body = await postForm(
    context,
    '/oauth2/user_info',
    { client_id: context.clientId, access_token: accessToken },
    userInfoResponse,
    { retry: true },
  );
  const user = body.user;
  return {
    userId: user.user_id,
    firstName: user.first_name,
    lastName: user.last_name,
    avatar: user.avatar,
    email: user.email,
    phone: user.phone,
    sex: user.sex,
    birthday: user.birthday,
  };
}

export async function logout(context: VkIdContext, accessToken: string): Promise<void> {
  checkToken('accessToken', accessToken);
  await postForm(
    context,
    '/oauth2/logout',
    { client_id: context.clientId, access_token: accessToken },
    z.looseObject({ response: z.literal(1) }),
    { retry: true },
  );
}
