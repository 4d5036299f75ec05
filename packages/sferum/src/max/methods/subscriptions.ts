/**
 * Webhook subscriptions: list, subscribe (`https://` on port 443 since 25.05.2026 — plain http is
 * accepted here only for a loopback address, where the goskit simulator can be told to allow it —
 * with a secret of 5–256 characters `[A-Za-z0-9_-]`), unsubscribe. While a subscription exists MAX
 * refuses long polling (405).
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { MAX_UPDATE_TYPES, type MaxSubscription, type MaxUpdateType } from '../models.js';
import { REPEATABLE } from '../retry-policy.js';
import { subscriptionsSchema, successSchema } from '../schemas.js';
import { signalOf } from './bot.js';

export interface SubscribeInput extends CallOptions {
  url: string;
  /** Sent back in `X-Max-Bot-Api-Secret` with every delivery; check it (createMaxWebhookHandler does). */
  secret?: string;
  /** Only these update types; default all. */
  updateTypes?: readonly MaxUpdateType[];
}

export const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{5,256}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const KNOWN_TYPES: ReadonlySet<string> = new Set(MAX_UPDATE_TYPES);

export function checkWebhookSecret(secret: unknown, field = 'secret'): string {
  if (typeof secret !== 'string' || !WEBHOOK_SECRET_PATTERN.test(secret)) {
    throw new MaxInputError(field, 'webhook-secret', {
      ru: 'Секрет webhook — от 5 до 256 символов: латинские буквы, цифры, «_» и «-».',
      en: 'A webhook secret is 5 to 256 characters: Latin letters, digits, "_" and "-".',
    });
  }
  return secret;
}

export function checkWebhookUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  const ok =
    url !== undefined &&
    url.username === '' &&
    url.password === '' &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
  if (!ok) {
    throw new MaxInputError('url', 'https', {
      ru: 'Адрес webhook — https:// (порт 443; http допускается только для localhost в разработке).',
      en: 'A webhook URL is https:// (port 443; http only for localhost during development).',
    });
  }
  return value as string;
}

export function checkUpdateTypes(types: readonly string[], field: string): MaxUpdateType[] {
  if (!Array.isArray(types)) {
    throw new MaxInputError(field, 'list', {
      ru: `${field} — список типов событий.`,
      en: `${field} is a list of update types.`,
    });
  }
  return types.map((type, index) => {
    if (!KNOWN_TYPES.has(type)) {
      throw new MaxInputError(`${field}[${index}]`, 'update-type', {
        ru: `Неизвестный тип события; допустимы: ${MAX_UPDATE_TYPES.join(', ')}.`,
        en: `Unknown update type; valid: ${MAX_UPDATE_TYPES.join(', ')}.`,
      });
    }
    return type as MaxUpdateType;
  });
}

export async function listSubscriptions(
  context: MaxContext,
  options: CallOptions = {},
): Promise<MaxSubscription[]> {
  const answer = await maxCall<{ subscriptions: MaxSubscription[] }, typeof subscriptionsSchema>(context, {
    method: 'GET',
    path: '/subscriptions',
    schema: subscriptionsSchema,
    ...signalOf(options),
  });
  return answer.subscriptions;
}

export async function subscribe(context: MaxContext, input: SubscribeInput): Promise<void> {
  const json: Record<string, unknown> = { url: checkWebhookUrl(input.url) };
  if (input.secret !== undefined) {
    json.secret = checkWebhookSecret(input.secret);
  }
  if (input.updateTypes !== undefined) {
    json.update_types = checkUpdateTypes(input.updateTypes, 'updateTypes');
  }
  await maxCall(context, {
    method: 'POST',
    path: '/subscriptions',
    json,
    schema: successSchema,
    retry: REPEATABLE,
    ...signalOf(input),
  });
}

export async function unsubscribe(
  context: MaxContext,
  url: string,
  options: CallOptions = {},
): Promise<void> {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) {
    throw new MaxInputError('url', 'url', { ru: 'Нужен адрес подписки.', en: 'Give the subscription URL.' });
  }
  await maxCall(context, {
    method: 'DELETE',
    path: '/subscriptions',
    query: { url },
    schema: successSchema,
    ...signalOf(options),
  });
}
