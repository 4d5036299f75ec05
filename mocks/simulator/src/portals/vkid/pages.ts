/**
 * VK ID's pages as the seed shows them: sign in (a phone or e-mail; the demo people are one click
 * away), choose a profile («Учебный профиль» when the person linked one), and allow «Информация о
 * себе» (Имя, Отчество, Пол, Дата рождения) before «Продолжить».
 */
import type { VkAccount } from '../../services/vk-accounts.js';
import { escapeHtml, page } from './html.js';

export interface LoginPageModel {
  base: string;
  rid: string;
  clientTitle: string;
  login: string;
  error?: string;
  demo: readonly VkAccount[];
}

const ROLE = new Map([
  ['teacher', 'учитель'],
  ['admin', 'директор'],
  ['parent', 'родитель'],
  ['student', 'ученик'],
]);

export function loginPage(model: LoginPageModel): string {
  const rid = encodeURIComponent(model.rid);
  const accounts = model.demo
    .map((account) => {
      const href = `${model.base}/auth?rid=${rid}&login=${encodeURIComponent(account.login)}`;
      const mark = account.educationProfile ? '✓ учебный профиль' : '✗ без учебного профиля';
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(`${account.lastName} ${account.firstName}`)}</a> <span class="hint">(${escapeHtml(ROLE.get(account.role ?? '') ?? 'пользователь')}, ${escapeHtml(mark)})</span></li>`;
    })
    .join('\n');
  const error =
    model.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(model.error)}</p>`;
  return page(
    'Вход — VK ID',
    `<h1>Вход в VK ID</h1>
<p class="hint">для входа в «${escapeHtml(model.clientTitle)}»</p>
${error}
<form method="post" action="${escapeHtml(`${model.base}/auth`)}">
<input type="hidden" name="rid" value="${escapeHtml(model.rid)}">
<label for="login">Телефон или почта</label>
<input type="text" id="login" name="login" value="${escapeHtml(model.login)}" autocomplete="username" required>
<button type="submit">Войти</button>
</form>
<h2 style="font-size:15px;margin-top:22px">Демо-аккаунты</h2>
<ul class="accounts">
${accounts}
</ul>`,
  );
}

export interface ProfilePageModel {
  base: string;
  rid: string;
  account: VkAccount;
  schoolName: string;
  error?: string;
}

export function profilePage(model: ProfilePageModel): string {
  const { account } = model;
  const education = account.educationProfile
    ? `<label class="option"><input type="radio" name="profile" value="education" checked>
<span><b>Учебный профиль</b><br><span class="hint">${escapeHtml(`${account.lastName} ${account.firstName} ${account.middleName}`)} · ${escapeHtml(model.schoolName)}</span></span></label>`
    : `<label class="option disabled"><input type="radio" name="profile" value="education" disabled>
<span><b>Учебный профиль</b><br><span class="hint">Не привязан. Привяжите учебный профиль в Сферуме.</span></span></label>`;
  const error =
    model.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(model.error)}</p>`;
  return page(
    'Выбор профиля — VK ID',
    `<h1>Выберите профиль</h1>
${error}
<form method="post" action="${escapeHtml(`${model.base}/auth/profile`)}">
<input type="hidden" name="rid" value="${escapeHtml(model.rid)}">
${education}
<label class="option"><input type="radio" name="profile" value="personal"${account.educationProfile ? '' : ' checked'}>
<span><b>Личный профиль</b><br><span class="hint">${escapeHtml(`${account.firstName} ${account.lastName}`)}</span></span></label>
<button type="submit">Продолжить</button>
</form>`,
  );
}

export interface ConsentPageModel {
  base: string;
  rid: string;
  clientTitle: string;
  profile: 'personal' | 'education';
  scopes: readonly string[];
  error?: string;
}

export function consentPage(model: ConsentPageModel): string {
  const details =
    model.profile === 'education' ? 'Имя, Отчество, Пол, Дата рождения' : 'Имя, Фамилия, Пол, Дата рождения';
  const extra = [
    model.scopes.includes('email')
      ? '<label class="option"><input type="checkbox" name="email" checked> Почта</label>'
      : '',
    model.scopes.includes('phone')
      ? '<label class="option"><input type="checkbox" name="phone" checked> Телефон</label>'
      : '',
  ].join('');
  const error =
    model.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(model.error)}</p>`;
  return page(
    'Доступ к данным — VK ID',
    `<h1>«${escapeHtml(model.clientTitle)}» запрашивает доступ</h1>
${error}
<form method="post" action="${escapeHtml(`${model.base}/auth/consent`)}">
<input type="hidden" name="rid" value="${escapeHtml(model.rid)}">
<label class="option"><input type="checkbox" id="personal_info" name="personal_info">
<span><b>Информация о себе</b><br><span class="hint">${escapeHtml(details)}</span></span></label>
${extra}
<button type="submit" name="decision" value="allow">Продолжить</button>
<button type="submit" name="decision" value="deny" class="secondary">Отмена</button>
</form>`,
  );
}
