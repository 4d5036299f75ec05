/** The outbox on the dashboard: the latest delivered notices, newest first, and what still waits. */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import { notificationsService } from '../../services/notifications.js';
import type { OutboxState } from './state.js';

const CHANNEL_TITLES: Record<string, string> = {
  lk: 'Личный кабинет',
  email: 'E-mail',
  sms: 'SMS',
  push: 'Push',
};

export const notificationsPanel: DashboardPanel<OutboxState> = {
  title: 'Уведомления (ЛК, e-mail, SMS, push) · notifications',
  render: ({ sim }) => {
    const outbox = sim.service(notificationsService);
    const delivered = outbox.find({ state: 'delivered' }).slice(-20).reverse();
    const pending = outbox.count({ state: 'pending' });
    const rows = delivered
      .map((notice) => {
        const to =
          notice.recipient.name ??
          notice.recipient.email ??
          notice.recipient.phone ??
          notice.recipient.oid ??
          '';
        const subject =
          notice.subject === undefined ? '' : `<strong>${escapeHtml(notice.subject)}</strong><br>`;
        return `<tr data-channel="${escapeHtml(notice.channel)}"><td>${escapeHtml(notice.time.slice(0, 19).replace('T', ' '))}</td><td>${escapeHtml(CHANNEL_TITLES[notice.channel] ?? notice.channel)}</td><td>${escapeHtml(to)}</td><td>${subject}${escapeHtml(notice.text)}</td></tr>`;
      })
      .join('');
    return `<p>Доставлено: ${outbox.count({ state: 'delivered' })}, ожидают доставки: ${pending}</p>
<table class="notices"><thead><tr><th>Время</th><th>Канал</th><th>Получатель</th><th>Текст</th></tr></thead><tbody>${rows || '<tr><td colspan="4">Пока пусто</td></tr>'}</tbody></table>`;
  },
};
