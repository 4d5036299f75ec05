/**
 * The consent page's section for `permissions`: per consent its type, the organisation that receives
 * the data, the purpose, the actions, the scopes and how long it lasts — what the person agrees to
 * before EPGU lets the system file orders on their behalf.
 */
import { escapeHtml } from './html.js';
import { ACTION_TITLES, CONSENT_TYPES, PURPOSE_TITLES, type RequestedPermission } from './permissions.js';
import { scopeTitle } from './scopes.js';

const titleOf = (table: Readonly<Record<string, string>>, name: string) =>
  (Object.hasOwn(table, name) ? table[name] : undefined) ?? name;

/** «365 дн.», «7 дн. 2 ч», «30 мин» — the consent's lifetime in words. */
export function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? `${days} дн.` : '',
    hours > 0 ? `${hours} ч` : '',
    rest > 0 && days === 0 ? `${rest} мин` : '',
  ].filter((part) => part !== '');
  return parts.join(' ') || `${minutes} мин`;
}

function list(names: readonly string[], title: (name: string) => string): string {
  return names
    .map((name) => `<li>${escapeHtml(title(name))} <span class="hint">(${escapeHtml(name)})</span></li>`)
    .join('');
}

export function permissionsSection(permissions: readonly RequestedPermission[], systemTitle: string): string {
  if (permissions.length === 0) {
    return '';
  }
  const blocks = permissions.map((permission) => {
    const type = CONSENT_TYPES.get(permission.sysname);
    const responsible = permission.responsibleObject ?? systemTitle;
    return `<section class="permission" data-sysname="${escapeHtml(permission.sysname)}">
<h2>Согласие: ${escapeHtml(type?.title ?? permission.sysname)} <span class="hint">(${escapeHtml(permission.sysname)})</span></h2>
<p>Получатель: ${escapeHtml(responsible)}</p>
<p>Срок действия согласия: ${escapeHtml(durationText(permission.expireMinutes))}</p>
<p>Цель:</p><ul class="purposes">${list(permission.purposes, (name) => titleOf(PURPOSE_TITLES, name))}</ul>
<p>Действия:</p><ul class="actions">${list(permission.actions, (name) => titleOf(ACTION_TITLES, name))}</ul>
<p>Данные:</p><ul class="scopes">${list(permission.scopes, scopeTitle)}</ul>
</section>`;
  });
  return `<h2>Согласия на обработку данных</h2>\n${blocks.join('\n')}`;
}
