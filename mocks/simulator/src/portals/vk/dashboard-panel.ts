/**
 * The vk portal's dashboard section: the school community, tokens (by kind; the values are in
 * GET /__goskit/vk/tokens), people with and without a linked «учебный профиль», and the chats with
 * how many of their members are linked.
 */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import { inviteLink, peerOf } from './chats.js';
import type { VkState } from './state.js';

export const vkPanel: DashboardPanel<VkState> = {
  title: 'VK API · Сферум (vk)',
  render: ({ state, origin }) => {
    const kinds = new Map<string, number>();
    for (const token of state.tokens.values()) {
      kinds.set(token.kind, (kinds.get(token.kind) ?? 0) + 1);
    }
    const users = [...state.users.values()];
    const linked = users.filter((user) => user.educationProfile).length;
    const communities = [...state.communities.values()]
      .map(
        (group) => `<li>${escapeHtml(group.name)} <span class="mono">club${escapeHtml(group.id)}</span></li>`,
      )
      .join('');
    const chats = [...state.chats.values()]
      .slice(0, 50)
      .map((chat) => {
        const people = [...chat.members.keys()].filter((id) => id > 0);
        const ok = people.filter((id) => state.users.get(id)?.educationProfile === true).length;
        return `<tr><td class="mono">${escapeHtml(peerOf(chat.id))}</td><td>${escapeHtml(chat.title)}</td><td>${escapeHtml(chat.members.size)}</td><td>${escapeHtml(`${ok}/${people.length}`)}</td><td>${escapeHtml(chat.messageCount)}</td><td class="mono">${escapeHtml(inviteLink(chat))}</td></tr>`;
      })
      .join('');
    const tokens = [...kinds].map(([kind, count]) => `${escapeHtml(kind)}: ${escapeHtml(count)}`).join(', ');
    const api = `${origin}/vk/method/users.get`;
    return `<ul>${communities}</ul>
<p>Токены / tokens — ${tokens || '—'} (<a class="mono" href="${escapeHtml(`${origin}/__goskit/vk/tokens`)}">/__goskit/vk/tokens</a>)</p>
<p>Пользователи / users: ${escapeHtml(users.length)}, учебный профиль ✓ ${escapeHtml(linked)}, ✗ ${escapeHtml(users.length - linked)}</p>
<table><thead><tr><th>peer_id</th><th>Чат / chat</th><th>members</th><th>✓ linked</th><th>messages</th><th>invite</th></tr></thead><tbody>${chats}</tbody></table>
<p class="muted">API: <span class="mono">${escapeHtml(api)}</span> (vk-io: <span class="mono">apiBaseUrl: '${escapeHtml(`${origin}/vk/method`)}'</span>)</p>`;
  },
};
