/** The max portal's dashboard section: the bots (token masked), their queues and webhooks, the chats people made. */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import { restrictionActive } from './options.js';
import type { MaxState } from './state.js';

export const maxPanel: DashboardPanel<MaxState> = {
  title: 'MAX (Сферум в MAX) · bots and chats',
  render: ({ state, sim, origin }) => {
    const bots = [...state.bots.values()]
      .map(
        (bot) =>
          `<tr><td>${escapeHtml(bot.name)}</td><td class="mono">@${escapeHtml(bot.username)}</td><td class="mono">${escapeHtml(bot.userId)}</td><td class="mono">${escapeHtml(`${bot.token.slice(0, 6)}…`)}</td><td>${escapeHtml(bot.log.entries.length)}</td><td class="mono">${escapeHtml(bot.subscription?.url ?? '—')}</td><td>${escapeHtml(bot.deliveries.length)}</td></tr>`,
      )
      .join('');
    const chats = [...state.chats.values()]
      .filter((chat) => chat.type !== 'dialog')
      .slice(0, 50)
      .map((chat) => {
        const botsIn = [...chat.members.keys()].filter((id) => state.bots.has(id)).length;
        return `<tr><td>${escapeHtml(chat.title ?? '')}</td><td class="mono">${escapeHtml(chat.chat_id)}</td><td>${escapeHtml(chat.members.size)}</td><td>${botsIn > 0 ? 'yes' : 'no'}</td></tr>`;
      })
      .join('');
    const restriction = restrictionActive(state.settings, sim.clock.nowMs()) ? 'on' : 'off';
    const control = `${origin}/__goskit/max/bots`;
    return `<table><thead><tr><th>bot</th><th>username</th><th>user id</th><th>token</th><th>queued updates</th><th>webhook</th><th>pending deliveries</th></tr></thead><tbody>${bots}</tbody></table>
<table><thead><tr><th>chat</th><th>chat_id</th><th>members</th><th>bot in it</th></tr></thead><tbody>${chats}</tbody></table>
<p class="muted">Member-add restriction (09.2026): ${escapeHtml(restriction)} (${escapeHtml(state.settings.memberAddRestriction)}) · http webhooks to loopback: ${state.settings.allowHttpLoopbackWebhooks ? 'allowed' : 'refused'} · tokens: <a class="mono" href="${escapeHtml(control)}">${escapeHtml(control)}</a></p>`;
  },
};
