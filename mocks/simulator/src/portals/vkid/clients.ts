/**
 * VK ID clients (applications): id, title, trusted redirect URIs. The demo client is registered on
 * every start; `data.vkid.clients`, POST /__goskit/vkid/clients and `registerVkIdClient(sim, …)` add more.
 */
import { z } from 'zod';
import { BadRequestError } from '../../engine/errors.js';
import { VK_DEMO_APP_ID } from '../../services/vk-identity.js';
import { parseRedirectUri } from './redirect-uri.js';
import type { VkIdClient, VkIdState } from './state.js';

export const VKID_DEMO_CLIENT_ID = String(VK_DEMO_APP_ID);

export const vkIdClientInputSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (64 at most)'),
    title: z.string().min(1).max(200).optional(),
    redirectUris: z
      .array(
        z
          .string()
          .max(2000)
          .refine((uri) => parseRedirectUri(uri) !== undefined, 'an absolute http(s) URL without a fragment'),
      )
      .min(1)
      .max(50),
  })
  .strict();

export type VkIdClientInput = z.input<typeof vkIdClientInputSchema>;

export function demoClient(): VkIdClient {
  return {
    clientId: VKID_DEMO_CLIENT_ID,
    title: 'Демо школа — информационная система',
    redirectUris: [
      'http://localhost/callback',
      'http://127.0.0.1/callback',
      'https://school.goskit.test/vkid/callback',
    ],
  };
}

export function clientRecord(input: unknown): VkIdClient {
  const parsed = vkIdClientInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || '(body)';
    throw new BadRequestError(
      field,
      // Stryker disable next-line StringLiteral: unreachable, zod reports at least one issue on failure
      issue?.code ?? 'invalid',
      `${field}: ${issue?.message ?? 'invalid value'}`,
    );
  }
  const { clientId, title, redirectUris } = parsed.data;
  return { clientId, title: title ?? `Приложение ${clientId}`, redirectUris: [...redirectUris] };
}

/** Registers or replaces a client. */
export function registerClient(state: VkIdState, input: unknown): VkIdClient {
  const client = clientRecord(input);
  state.clients.set(client.clientId, client);
  return client;
}
