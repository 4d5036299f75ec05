/**
 * The pages between /authorize and the redirect: GET/POST /auth (who signs in), GET/POST
 * /auth/profile (which profile: «Учебный профиль» only when linked), GET/POST /auth/consent
 * («Информация о себе» must be checked; «Отмена» → access_denied). The redirect carries code, state,
 * device_id, type=code_v2 and expires_in. An unknown or expired `rid` → the «Вход не найден» page.
 */
import { readForm } from '../../engine/request-body.js';
import { html } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { vkAccountsService } from '../../services/vk-accounts.js';
import { pendingLogin } from './authorize.js';
import { errorRedirect, expiredPage, redirect } from './errors.js';
import { issueCode } from './issue.js';
import type { ResolvedVkIdOptions } from './options.js';
import { consentPage, loginPage, profilePage } from './pages.js';
import { withQuery } from './redirect-uri.js';
import type { PendingLogin, VkIdState } from './state.js';

const DEMO_PER_ROLE = 4;

function demoAccounts(ctx: RouteContext<VkIdState>) {
  const accounts = ctx.sim.service(vkAccountsService).accounts();
  const shown = [];
  for (const role of ['teacher', 'admin', 'parent', 'student']) {
    shown.push(...accounts.filter((account) => account.role === role).slice(0, DEMO_PER_ROLE));
  }
  return shown;
}

function clientTitle(ctx: RouteContext<VkIdState>, pending: PendingLogin): string {
  return ctx.state.clients.get(pending.clientId)?.title ?? pending.clientId;
}

function rid(pending: PendingLogin): string {
  return encodeURIComponent(pending.id);
}

export function flowRoutes(options: ResolvedVkIdOptions): RouteDefinition<VkIdState>[] {
  const pendingOf = (ctx: RouteContext<VkIdState>, id: string | null | undefined) =>
    pendingLogin(ctx.state, id, ctx.sim.clock.nowMs(), options.loginTtlMs);

  const showLogin = (
    ctx: RouteContext<VkIdState>,
    pending: PendingLogin,
    login: string,
    error?: string,
    status = 200,
  ): SimResponse =>
    html(
      loginPage({
        base: ctx.request.baseUrl,
        rid: pending.id,
        clientTitle: clientTitle(ctx, pending),
        login,
        demo: demoAccounts(ctx),
        ...(error === undefined ? {} : { error }),
      }),
      status,
    );

  const showProfile = (
    ctx: RouteContext<VkIdState>,
    pending: PendingLogin,
    error?: string,
    status = 200,
  ): SimResponse => {
    const account = ctx.sim.service(vkAccountsService).account(pending.userId ?? 0);
    if (account === undefined) {
      return redirect(`${ctx.request.baseUrl}/auth?rid=${rid(pending)}`);
    }
    return html(
      profilePage({
        base: ctx.request.baseUrl,
        rid: pending.id,
        account,
        schoolName: ctx.sim.demo.organisation.shortName,
        ...(error === undefined ? {} : { error }),
      }),
      status,
    );
  };

  const showConsent = (
    ctx: RouteContext<VkIdState>,
    pending: PendingLogin,
    error?: string,
    status = 200,
  ): SimResponse =>
    html(
      consentPage({
        base: ctx.request.baseUrl,
        rid: pending.id,
        clientTitle: clientTitle(ctx, pending),
        profile: pending.profile ?? 'personal',
        scopes: pending.scopes,
        ...(error === undefined ? {} : { error }),
      }),
      status,
    );

  return [
    {
      method: 'GET',
      path: '/auth',
      operation: 'login.page',
      handler: (ctx) => {
        const pending = pendingOf(ctx, ctx.request.query.get('rid'));
        return pending === undefined
          ? expiredPage()
          : showLogin(ctx, pending, ctx.request.query.get('login') ?? '');
      },
    },
    {
      method: 'POST',
      path: '/auth',
      operation: 'login.submit',
      handler: (ctx) => {
        const form = readForm(ctx.request);
        const pending = pendingOf(ctx, form.rid);
        if (pending === undefined) {
          return expiredPage();
        }
        const login = (form.login ?? '').slice(0, 200);
        const account = ctx.sim.service(vkAccountsService).findByLogin(login);
        if (account === undefined) {
          return showLogin(ctx, pending, login, 'Аккаунт с таким телефоном или почтой не найден', 401);
        }
        pending.userId = account.id;
        delete pending.profile;
        return redirect(`${ctx.request.baseUrl}/auth/profile?rid=${rid(pending)}`);
      },
    },
    {
      method: 'GET',
      path: '/auth/profile',
      operation: 'profile.page',
      handler: (ctx) => {
        const pending = pendingOf(ctx, ctx.request.query.get('rid'));
        return pending === undefined ? expiredPage() : showProfile(ctx, pending);
      },
    },
    {
      method: 'POST',
      path: '/auth/profile',
      operation: 'profile.submit',
      handler: (ctx) => {
        const form = readForm(ctx.request);
        const pending = pendingOf(ctx, form.rid);
        if (pending === undefined) {
          return expiredPage();
        }
        const account = ctx.sim.service(vkAccountsService).account(pending.userId ?? 0);
        if (account === undefined) {
          return redirect(`${ctx.request.baseUrl}/auth?rid=${rid(pending)}`);
        }
        const profile = form.profile;
        if (profile !== 'personal' && profile !== 'education') {
          return showProfile(ctx, pending, 'Выберите профиль', 400);
        }
        if (profile === 'education' && !account.educationProfile) {
          return showProfile(ctx, pending, 'Учебный профиль не привязан', 400);
        }
        pending.profile = profile;
        return redirect(`${ctx.request.baseUrl}/auth/consent?rid=${rid(pending)}`);
      },
    },
    {
      method: 'GET',
      path: '/auth/consent',
      operation: 'consent.page',
      handler: (ctx) => {
        const pending = pendingOf(ctx, ctx.request.query.get('rid'));
        if (pending === undefined) {
          return expiredPage();
        }
        return pending.profile === undefined
          ? redirect(`${ctx.request.baseUrl}/auth/profile?rid=${rid(pending)}`)
          : showConsent(ctx, pending);
      },
    },
    {
      method: 'POST',
      path: '/auth/consent',
      operation: 'consent.submit',
      handler: (ctx) => {
        const form = readForm(ctx.request);
        const pending = pendingOf(ctx, form.rid);
        if (pending === undefined) {
          return expiredPage();
        }
        if (pending.userId === undefined || pending.profile === undefined) {
          return redirect(`${ctx.request.baseUrl}/auth/profile?rid=${rid(pending)}`);
        }
        if (form.decision === 'deny') {
          ctx.state.pending.delete(pending.id);
          return errorRedirect(
            pending.redirectUri,
            'access_denied',
            'the user cancelled the sign-in',
            pending.state,
          );
        }
        if (form.personal_info !== 'on') {
          return showConsent(ctx, pending, 'Отметьте «Информация о себе», чтобы продолжить', 400);
        }
        const scopes = pending.scopes.filter(
          (scope) => (scope !== 'email' || form.email === 'on') && (scope !== 'phone' || form.phone === 'on'),
        );
        ctx.state.pending.delete(pending.id);
        const { code, deviceId } = issueCode(
          ctx.state,
          ctx.sim.random,
          { ...pending, scopes, userId: pending.userId },
          ctx.sim.clock.nowMs(),
          options,
        );
        return redirect(
          withQuery(pending.redirectUri, {
            code,
            state: pending.state,
            device_id: deviceId,
            type: 'code_v2',
            expires_in: String(Math.round(options.codeTtlMs / 1000)),
          }),
        );
      },
    },
  ];
}
