/**
 * random_id idempotency: VK remembers a send per sender, peer and random_id, and the same random_id
 * again returns the first message id without posting twice. 0 turns the check off (as in VK). The
 * window is an option (default one hour) [unconfirmed]; entries are dropped oldest first, bounded.
 */
import { MAX_SENT_KEPT, type SentMessage, type VkState } from './state.js';

export function sentKey(fromId: number, peerId: number, randomId: string): string | undefined {
  return randomId === '0' ? undefined : `${fromId}:${peerId}:${randomId}`;
}

/** The earlier send with this key still inside the window, if any. */
export function earlierSend(
  state: VkState,
  key: string | undefined,
  nowMs: number,
  windowMs: number,
): SentMessage | undefined {
  forgetOld(state, nowMs, windowMs);
  if (key === undefined) {
    return undefined;
  }
  const sent = state.sent.get(key);
  return sent !== undefined && nowMs - sent.atMs < windowMs ? sent : undefined;
}

export function rememberSend(state: VkState, key: string | undefined, sent: SentMessage): void {
  if (key === undefined) {
    return;
  }
  state.sent.set(key, sent);
  if (state.sent.size > MAX_SENT_KEPT) {
    const oldest = state.sent.keys().next().value;
    if (oldest !== undefined) {
      state.sent.delete(oldest);
    }
  }
}

function forgetOld(state: VkState, nowMs: number, windowMs: number): void {
  for (const [key, sent] of state.sent) {
    if (nowMs - sent.atMs < windowMs) {
      return;
    }
    state.sent.delete(key);
  }
}
