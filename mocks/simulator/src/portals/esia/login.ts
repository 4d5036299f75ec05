/**
 * GET/POST /login — the login page of a pending authorization request. Wrong passwords are counted
 * per login; after `maxPasswordAttempts` in a row the login is locked for `lockMinutes` of virtual
 * time, and the next try also needs the answer to a check question (ESIA shows a captcha there).
 */
import { html } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { param, readForm } from './form.js';
import { page } from './html.js';
import { renderLoginPage } from './login-page.js';
import type { ResolvedEsiaOptions } from './options.js';
import { personaByLogin } from './personas.js';
import { redirect } from './redirects.js';
import type { EsiaState, LoginAttempts, PendingAuthorization } from './state.js';

/** The pending request of `rid`, or undefined when unknown or older than the login timeout. */
export function pendingRequest(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  rid: string | undefined,
): PendingAuthorization | undefined {
  const pending = rid === undefined ? undefined : ctx.state.requests.get(rid);
  if (!pending) {
    return undefined;
  }
  if (ctx.sim.clock.now() - pending.createdMs > options.loginTimeoutMinutes * 60_000) {
    ctx.state.requests.delete(pending.id);
    return undefined;
  }
  return pending;
}

export function expiredPage(): SimResponse {
  return html(
    page(
      'Сеанс входа устарел — Госуслуги',
      '<h1>Сеанс входа устарел</h1><p class="error">Запрос на вход не найден или устарел. Вернитесь в систему и начните вход заново.</p>',
    ),
    400,
  );
}

/** A question whose answer is derived from the login and the lock time (deterministic, no state). */
export function checkQuestion(login: string, lockedUntilMs: number): { text: string; answer: string } {
  let hash = lockedUntilMs % 97;
  for (const char of login) {
    hash = (hash * 31 + char.charCodeAt(0)) % 10007;
  }
  const a = 2 + (hash % 8);
  const b = 3 + (Math.floor(hash / 8) % 7);
  return { text: `сколько будет ${a} + ${b}?`, answer: String(a + b) };
}

function clientTitle(ctx: RouteContext<EsiaState>, pending: PendingAuthorization): string {
  return ctx.state.clients.get(pending.clientId)?.title ?? pending.clientId;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** HH:mm of the virtual clock in Moscow time, for the lock message. */
function moscowTime(ms: number): string {
  const date = new Date(ms + 3 * 3_600_000);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

export function loginRoutes(options: ResolvedEsiaOptions): RouteDefinition<EsiaState>[] {
  const render = (
    ctx: RouteContext<EsiaState>,
    pending: PendingAuthorization,
    login: string,
    extra: { error?: string; attempts?: LoginAttempts | undefined },
    status = 200,
  ): SimResponse => {
    const attempts = extra.attempts;
    const now = ctx.sim.clock.now();
    const locked = attempts !== undefined && attempts.lockedUntilMs > now;
    const question =
      attempts?.needsCheck && !locked
        ? checkQuestion(login.toLowerCase(), attempts.lockedUntilMs).text
        : undefined;
    return html(
      renderLoginPage(ctx.sim.demo, {
        basePath: ctx.request.baseUrl,
        requestId: pending.id,
        clientTitle: clientTitle(ctx, pending),
        login,
        confirmationCode: options.confirmationCode,
        locked,
        ...(extra.error === undefined ? {} : { error: extra.error }),
        ...(question === undefined ? {} : { question }),
      }),
      status,
    );
  };

  const show: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/login',
    operation: 'login.page',
    handler: (ctx) => {
      const pending = pendingRequest(ctx, options, param(ctx.request.query, 'rid'));
      if (!pending) {
        return expiredPage();
      }
      const login = ctx.request.query.get('login') ?? '';
      return render(ctx, pending, login, { attempts: ctx.state.attempts.get(login.toLowerCase()) });
    },
  };

  const submit: RouteDefinition<EsiaState> = {
    method: 'POST',
    path: '/login',
    operation: 'login.submit',
    handler: (ctx) => {
      const form = readForm(ctx.request);
      const pending = pendingRequest(ctx, options, param(form, 'rid'));
      if (!pending) {
        return expiredPage();
      }
      const login = (form.get('login') ?? '').trim();
      const key = login.toLowerCase();
      const now = ctx.sim.clock.now();
      const attempts = ctx.state.attempts.get(key) ?? { failures: 0, lockedUntilMs: 0, needsCheck: false };
      if (attempts.lockedUntilMs > now) {
        const error = `Вход временно заблокирован из-за неверного пароля. Попробуйте после ${moscowTime(attempts.lockedUntilMs)} (мск).`;
        return render(ctx, pending, login, { error, attempts });
      }
      if (attempts.needsCheck) {
        const expected = checkQuestion(key, attempts.lockedUntilMs).answer;
        if ((form.get('check') ?? '').trim() !== expected) {
          return render(ctx, pending, login, { error: 'Неверный ответ на проверочный вопрос.', attempts });
        }
      }
      const persona = personaByLogin(ctx.sim.demo, login);
      if (!persona || persona.password !== (form.get('password') ?? '')) {
        attempts.failures += 1;
        let error: string;
        if (attempts.failures >= options.maxPasswordAttempts) {
          attempts.failures = 0;
          attempts.lockedUntilMs = now + options.lockMinutes * 60_000;
          attempts.needsCheck = true;
          error = `Неверный пароль введён ${options.maxPasswordAttempts} раза подряд. Вход заблокирован на ${options.lockMinutes} мин., до ${moscowTime(attempts.lockedUntilMs)} (мск).`;
        } else {
          error = `Неверный логин или пароль. Осталось попыток: ${options.maxPasswordAttempts - attempts.failures}.`;
        }
        ctx.state.attempts.set(key, attempts);
        return render(ctx, pending, login, { error, attempts });
      }
      if ((form.get('code') ?? '').trim() !== options.confirmationCode) {
        return render(ctx, pending, login, { error: 'Неверный код подтверждения из СМС.', attempts });
      }
      ctx.state.attempts.delete(key);
      pending.oid = persona.oid;
      pending.authTimeMs = now;
      return redirect(`${ctx.request.baseUrl}/consent?rid=${encodeURIComponent(pending.id)}`);
    },
  };
  return [show, submit];
}
