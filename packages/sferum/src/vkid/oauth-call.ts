/**
 * One form POST to a VK ID endpoint. VK ID answers errors OAuth-style (`{ error,
 * error_description, state }`), not in VK API envelopes — with an error status or inside a 200 —
 * and both become `VkIdError`. Token requests are never retried: a code is single use.
 */
import { HttpError } from '@goskit/core';
import type { output, ZodType } from 'zod';
import { VkIdError } from '../errors/vk-id-error.js';
import type { VkIdContext } from './context.js';

function oauthError(data: unknown): { error: string; description: string | undefined } | undefined {
  if (typeof data !== 'object' || data === null) {
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (typeof record.error !== 'string') {
    return undefined;
  }
  return {
    error: record.error,
    description: typeof record.error_description === 'string' ? record.error_description : undefined,
  };
}

export async function postForm<S extends ZodType>(
  context: VkIdContext,
  path: string,
  form: Record<string, string>,
  schema: S,
  options: { retry: boolean },
): Promise<output<S>> {
  let data: unknown;
  try {
    data = await context.transport.post(path, {
      form,
      retry: options.retry ? { methods: ['POST'] } : false,
    });
  } catch (error) {
    if (error instanceof HttpError) {
      const oauth = oauthError(error.data);
      if (oauth) {
        throw VkIdError.fromOAuth(oauth.error, oauth.description, error.status, error);
      }
    }
    throw error;
  }
  const oauth = oauthError(data);
  if (oauth) {
    throw VkIdError.fromOAuth(oauth.error, oauth.description, 200);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new VkIdError('INVALID_RESPONSE', `VK ID answered ${path} with an unexpected body`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
