/**
 * Who hears what. An update goes to a bot's webhook when it has one (filtered by its `update_types`),
 * otherwise into its polling queue, waking its waiting polls. In a group, `bot_added`, `bot_removed`
 * and `chat_title_changed` reach every bot in the chat; messages and member changes reach only bots
 * that are admins with `read_all_messages` (the reference: "Message and member events reach the bot
 * only if it is an admin with read_all_messages"). Dialogs are always heard.
 */
import type { PortalRuntime } from '../../engine/types.js';
import { liveOf, type MaxLive } from './live.js';
import type { BotRecord, ChatRecord, MaxState, UpdateJson } from './state.js';
import { appendUpdate } from './update-log.js';

/** Everything an action needs: the state, the portal runtime (clock) and the live side. */
export interface MaxWorld {
  state: MaxState;
  runtime: PortalRuntime;
  live: MaxLive;
}

export function worldOf(state: MaxState, runtime: PortalRuntime): MaxWorld {
  return { state, runtime, live: liveOf(state, runtime) };
}

export function emit(world: MaxWorld, bot: BotRecord, update: UpdateJson): void {
  const { state, live } = world;
  const subscription = bot.subscription;
  if (subscription !== null) {
    if (subscription.update_types === null || subscription.update_types.includes(update.update_type)) {
      state.seq.delivery += 1;
      bot.deliveries.push({
        id: state.seq.delivery,
        update,
        attempts: 0,
        nextAt: live.now,
        firstFailureAt: null,
        lastError: null,
      });
      live.kick();
    }
    return;
  }
  appendUpdate(bot.log, update, state.config.maxQueuedUpdates);
  live.notify(bot.userId);
}

export type Audience = 'all-bots' | 'readers';

/** Sends an update to the bots of a chat that may hear it (`except` leaves one out). */
export function broadcast(
  world: MaxWorld,
  chat: ChatRecord,
  audience: Audience,
  update: UpdateJson,
  except?: number,
): void {
  for (const member of chat.members.values()) {
    const bot = world.state.bots.get(member.user_id);
    if (bot === undefined || member.user_id === except) {
      continue;
    }
    const hears =
      chat.type === 'dialog' ||
      audience === 'all-bots' ||
      (member.is_admin && (member.permissions?.includes('read_all_messages') ?? false));
    if (hears) {
      emit(world, bot, update);
    }
  }
}
