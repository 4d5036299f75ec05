/**
 * Webhook subscriptions. The URL must be `https://` on port 443 (plain http and other ports are
 * refused since 25.05.2026) unless the portal allows http to loopback for local development; the
 * secret is 5–256 characters of `[A-Za-z0-9_-]`. One subscription per bot: a new URL replaces the old.
 * While it exists, updates are delivered there and long polling answers 405. Unsubscribing hands the
 * undelivered updates back to the polling queue.
 */
import { json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { payload } from '../fault.js';
import { botRoute, jsonBody, stringField } from '../route.js';
import type { MaxSettings, MaxState } from '../state.js';
import { subscriptionView } from '../views.js';
import { endSubscription } from '../webhook-delivery.js';

const SECRET = /^[A-Za-z0-9_-]{5,256}$/;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const UPDATE_TYPES = new Set([
  'message_created',
  'message_callback',
  'message_edited',
  'message_removed',
  'bot_added',
  'bot_removed',
  'user_added',
  'user_removed',
  'bot_started',
  'bot_stopped',
  'chat_title_changed',
  'dialog_muted',
  'dialog_unmuted',
  'dialog_cleared',
  'dialog_removed',
  'message_chat_created',
  'bot_admin_permissions_changed',
]);

/** Checks a webhook URL against MAX's rules (and the loopback allowance); returns it normalised. */
export function checkWebhookUrl(text: string, settings: MaxSettings): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw payload('Webhook URL is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw payload('Webhook URL must not carry credentials');
  }
  const loopback = settings.allowHttpLoopbackWebhooks && LOOPBACK.test(url.hostname);
  if (url.protocol === 'https:' && (url.port === '' || loopback)) {
    return url.href;
  }
  if (url.protocol === 'http:' && loopback) {
    return url.href;
  }
  if (url.protocol === 'https:') {
    throw payload('Webhook URL must use port 443');
  }
  throw payload(
    settings.allowHttpLoopbackWebhooks
      ? 'Webhook URL must be https:// (http:// only to a loopback address)'
      : 'Webhook URL must be https:// (HTTP is not supported since 25.05.2026)',
  );
}

export const subscriptionRoutes: RouteDefinition<MaxState>[] = [
  botRoute('GET', '/subscriptions', 'subscriptions.list', ({ bot }) =>
    json({ subscriptions: bot.subscription === null ? [] : [subscriptionView(bot.subscription)] }),
  ),
  botRoute('POST', '/subscriptions', 'subscriptions.add', ({ world, bot, request }) => {
    const body = jsonBody(request);
    const urlText = stringField(body, 'url', 2048, 1);
    if (urlText === undefined) {
      throw payload("Field 'url' is required");
    }
    const url = checkWebhookUrl(urlText, world.state.settings);
    const secret = stringField(body, 'secret', 256);
    if (secret !== undefined && !SECRET.test(secret)) {
      throw payload("Field 'secret' must be 5 to 256 characters of A-Z, a-z, 0-9, '_' and '-'");
    }
    const types = Object.hasOwn(body, 'update_types') ? body.update_types : undefined;
    if (types !== undefined && types !== null) {
      if (
        !Array.isArray(types) ||
        types.some((type) => typeof type !== 'string' || !UPDATE_TYPES.has(type))
      ) {
        throw payload("Field 'update_types' must list known update types");
      }
    }
    const version = stringField(body, 'version', 40);
    // A new URL replaces the old one; deliveries still pending go to the new URL.
    bot.subscription = {
      url,
      secret: secret ?? null,
      update_types: Array.isArray(types) && types.length > 0 ? [...new Set(types as string[])] : null,
      version: version ?? null,
      time: world.live.now,
    };
    world.live.kick();
    return json({ success: true });
  }),
  botRoute('DELETE', '/subscriptions', 'subscriptions.delete', ({ world, bot, request }) => {
    const url = request.query.get('url');
    if (url === null || url === '') {
      throw payload("Parameter 'url' is required");
    }
    if (bot.subscription === null || (bot.subscription.url !== url && !sameUrl(bot.subscription.url, url))) {
      return json({ success: false, message: 'No subscription with this URL' });
    }
    endSubscription(world.state, bot);
    world.live.notify(bot.userId);
    return json({ success: true });
  }),
];

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}
