/** The login form: demo personas (one click fills the login), login / password / SMS code, demo hints. */
import type { DemoData } from '../../engine/types.js';
import { escapeHtml, page } from './html.js';
import { fullName, loginPersonas, ROLE_TITLES } from './personas.js';

export interface LoginPageModel {
  basePath: string;
  requestId: string;
  clientTitle: string;
  login: string;
  error?: string;
  /** A captcha-like question shown after a lock. */
  question?: string;
  locked?: boolean;
  confirmationCode: string;
}

export function renderLoginPage(demo: DemoData, model: LoginPageModel): string {
  const rid = encodeURIComponent(model.requestId);
  const personas = loginPersonas(demo)
    .map(
      (persona) =>
        `<li><a href="${escapeHtml(`${model.basePath}/login?rid=${rid}&login=${encodeURIComponent(persona.login)}`)}">${escapeHtml(fullName(persona))}</a>` +
        ` <span class="hint">(${escapeHtml(ROLE_TITLES[persona.role])}; логин ${escapeHtml(persona.login)}, пароль ${escapeHtml(persona.password)})</span></li>`,
    )
    .join('\n');
  const error = model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : '';
  const question = model.question
    ? `<label for="check">Дополнительная проверка: ${escapeHtml(model.question)}</label>
<input type="text" id="check" name="check" autocomplete="off" required>`
    : '';
  const disabled = model.locked ? ' disabled' : '';
  return page(
    'Вход — Госуслуги',
    `<h1>Вход</h1>
<p class="hint">Для входа в систему «${escapeHtml(model.clientTitle)}»</p>
${error}
<form method="post" action="${escapeHtml(`${model.basePath}/login`)}">
<input type="hidden" name="rid" value="${escapeHtml(model.requestId)}">
<label for="login">Телефон / Email / СНИЛС / логин</label>
<input type="text" id="login" name="login" value="${escapeHtml(model.login)}" autocomplete="username" required>
<label for="password">Пароль</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<label for="code">Код подтверждения из СМС</label>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<p class="hint">Демо: код подтверждения ${escapeHtml(model.confirmationCode)}</p>
${question}
<button type="submit"${disabled}>Войти</button>
</form>
<h2 style="font-size:16px;margin-top:24px">Демо-пользователи</h2>
<ul class="personas">
${personas}
</ul>`,
  );
}
