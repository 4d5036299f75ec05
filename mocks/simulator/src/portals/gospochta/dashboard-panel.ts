/**
 * The portal's section of the dashboard: the outbox (status of each letter), the inbox, delivery acts
 * and payments — the latest of each — with counts and webhook deliveries. Personal data is shown by
 * initials only; everything from state is escaped.
 */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel, PortalRuntime } from '../../engine/types.js';
import type { World } from './letters/lifecycle.js';
import { type GospochtaState, iso } from './state.js';
import { syncWorld } from './world.js';

const LATEST = 8;

function table(headings: string[], rows: string[][]): string {
  if (rows.length === 0) {
    return '<p class="muted">—</p>';
  }
  const head = headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function initials(...parts: (string | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => `${[...part][0]}.`)
    .join(' ');
}

function rubles(kopecks: number): string {
  return `${(kopecks / 100).toFixed(2)} ₽`;
}

export function gospochtaPanel(
  worldOf: (state: GospochtaState, sim: PortalRuntime) => World,
): DashboardPanel<GospochtaState> {
  return {
    title: 'Госпочта · outbox, inbox, acts, payments',
    render: ({ state, sim, origin }) => {
      syncWorld(worldOf(state, sim), sim.clock.now());
      const outgoing = [...state.outgoing.values()];
      const byStatus = new Map<string, number>();
      for (const letter of outgoing) {
        byStatus.set(letter.status, (byStatus.get(letter.status) ?? 0) + 1);
      }
      const counts = [...byStatus].map(([status, count]) => `${status} ${count}`).join(', ') || 'none';
      const outbox = outgoing
        .slice(-LATEST)
        .reverse()
        .map((letter) => [
          letter.id,
          letter.status,
          letter.documentType,
          letter.subject.slice(0, 60),
          initials(letter.recipient.lastName, letter.recipient.firstName),
          letter.senderClientId,
        ]);
      const inbox = [...state.incoming.values()]
        .slice(-LATEST)
        .reverse()
        .map((letter) => [
          letter.id,
          letter.readAt === undefined ? 'new' : 'read',
          letter.documentType,
          letter.subject.slice(0, 60),
          letter.sender.name.slice(0, 40),
          iso(letter.receivedAt),
        ]);
      const acts = outgoing
        .filter(
          (letter) =>
            letter.status === 'delivered' ||
            letter.status === 'read' ||
            letter.status === 'refused' ||
            letter.status === 'failed',
        )
        .slice(-LATEST)
        .reverse()
        .map((letter) => [
          `act_${letter.id}_${letter.status}`,
          letter.status,
          letter.refusalReason ?? letter.failureReason ?? '',
          iso(letter.history[letter.history.length - 1]?.at ?? letter.acceptedAt),
        ]);
      const payments = [...state.payments.values()]
        .slice(-LATEST)
        .reverse()
        .map((payment) => [
          payment.id,
          payment.uin,
          rubles(payment.amount),
          iso(payment.createdAt),
          payment.clientId,
        ]);
      const delivered = [...state.deliveries.values()].filter(
        (delivery) => delivery.status === 'delivered',
      ).length;
      const api = `${origin}/gospochta`;
      return `<p>Letters: ${escapeHtml(outgoing.length)} (${escapeHtml(counts)}) · payments: ${escapeHtml(state.payments.size)} · webhook deliveries: ${escapeHtml(delivered)} delivered, ${escapeHtml(state.pendingDeliveries.size)} pending</p>
<h3>Outbox</h3>${table(['letter', 'status', 'type', 'subject', 'addressee', 'sender'], outbox)}
<h3>Inbox</h3>${table(['letter', 'status', 'type', 'subject', 'sender', 'received'], inbox)}
<h3>Delivery acts</h3>${table(['act', 'legal fact', 'reason', 'issued'], acts)}
<h3>Payments</h3>${table(['payment', 'УИН', 'amount', 'paid', 'system'], payments)}
<p class="muted">API <a class="mono" href="${escapeHtml(`${api}/oauth2/jwks`)}">${escapeHtml(api)}</a> · SOAP <a class="mono" href="${escapeHtml(`${api}/soap?wsdl`)}">WSDL</a> · control <span class="mono">${escapeHtml(`${origin}/__goskit/gospochta/trust`)}</span></p>`;
    },
  };
}
