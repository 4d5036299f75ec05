/** The vkid portal's dashboard section: clients with their redirect URIs, sign-ins, live tokens. */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import type { VkIdState } from './state.js';

export const vkidPanel: DashboardPanel<VkIdState> = {
  title: 'VK ID (vkid)',
  render: ({ state, sim, origin }) => {
    const now = sim.clock.nowMs();
    const live = [...state.accessTokens.values()].filter(
      (record) =>
        !record.revoked && record.expiresAtMs > now && state.grants.get(record.grantId)?.revoked === false,
    ).length;
    const clients = [...state.clients.values()]
      .slice(0, 50)
      .map(
        (client) =>
          `<tr><td class="mono">${escapeHtml(client.clientId)}</td><td>${escapeHtml(client.title)}</td><td class="mono">${client.redirectUris.map((uri) => escapeHtml(uri)).join('<br>')}</td></tr>`,
      )
      .join('');
    return `<table><thead><tr><th>client_id</th><th>Приложение / app</th><th>redirect_uri</th></tr></thead><tbody>${clients}</tbody></table>
<p>Входов / sign-ins: ${escapeHtml(state.grants.size)}, действующих токенов / live tokens: ${escapeHtml(live)}, в процессе / in progress: ${escapeHtml(state.pending.size)}</p>
<p class="muted">authorize: <span class="mono">${escapeHtml(`${origin}/vkid/authorize`)}</span>, token: <span class="mono">${escapeHtml(`${origin}/vkid/oauth2/auth`)}</span> (<a class="mono" href="${escapeHtml(`${origin}/__goskit/vkid/clients`)}">/__goskit/vkid/clients</a>)</p>`;
  },
};
