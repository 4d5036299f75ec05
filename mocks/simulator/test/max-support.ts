/**
 * Shared by the max portal tests: the actions acting as people either in process (`maxControl`) or
 * over the control API of a running server, behind one shape, so the same story runs both ways.
 */
import type { CreateMaxChatInput, MaxActions, MaxBotSummary, MaxUserSummary } from '../src/index.js';

export interface PeopleDriver {
  bots(): Promise<MaxBotSummary[]>;
  users(role?: string): Promise<MaxUserSummary[]>;
  createChat(input: CreateMaxChatInput): Promise<{ chat_id: number; title: string; link: string }>;
  post(chatId: number, from: number | string, text: string, count?: number): Promise<string[]>;
  startDialog(user: number | string): Promise<number>;
  pressButton(user: number | string, mid: string, payload?: string): Promise<string>;
  renameChat(chatId: number, title: string): Promise<void>;
  /** The 09.2026 member-add restriction: `auto` follows the clock, which may run past 09.09.2026. */
  restriction(mode: 'auto' | 'on' | 'off'): Promise<void>;
}

export function inProcessDriver(actions: MaxActions): PeopleDriver {
  return {
    bots: async () => actions.bots(),
    users: async (role) => actions.users(role),
    createChat: async (input) =>
      actions.createChat(input) as unknown as { chat_id: number; title: string; link: string },
    post: async (chatId, from, text, count) => actions.post(chatId, from, text, count),
    startDialog: async (user) => actions.startDialog(user),
    pressButton: async (user, mid, payload) => actions.pressButton(user, mid, payload),
    renameChat: async (chatId, title) => actions.renameChat(chatId, title),
    restriction: async (mode) => {
      actions.restriction(mode);
    },
  };
}

export function httpDriver(origin: string): PeopleDriver {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/__goskit/max${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const data = (await response.json()) as T;
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(data)}`);
    }
    return data;
  };
  return {
    bots: async () => (await call<{ bots: MaxBotSummary[] }>('GET', '/bots')).bots,
    users: async (role) =>
      (await call<{ users: MaxUserSummary[] }>('GET', `/users${role ? `?role=${role}` : ''}`)).users,
    createChat: (input) => call('POST', '/chats', input),
    post: async (chatId, from, text, count) =>
      (await call<{ mids: string[] }>('POST', `/chats/${chatId}/messages`, { from, text, count })).mids,
    startDialog: async (user) => (await call<{ chatId: number }>('POST', '/dialogs', { user })).chatId,
    pressButton: async (user, mid, payload) =>
      (await call<{ callbackId: string }>('POST', '/callbacks', { user, mid, payload })).callbackId,
    renameChat: async (chatId, title) => {
      await call('PATCH', `/chats/${chatId}`, { title });
    },
    restriction: async (mode) => {
      await call('PUT', '/restriction', { mode });
    },
  };
}

/** Resolves when `predicate` holds, polling every 10 ms; rejects after `ms`. */
export async function until(predicate: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
