/**
 * The e-diary, independent of any HTTP server: routes around @goskit/gosuslugi's ESIA and e-diary
 * clients.
 *   GET  /              the school's page: link button, the teacher's mark form, the administrator's file form
 *   GET  /link          → 302 to ESIA (login, password, confirmation code)
 *   GET  /callback      tokens from ESIA, then `linkEdiary`: children matched, connection registered
 *   GET  /notifications the parent's «Уведомления» in the personal account (their ESIA token)
 *   POST /marks         a teacher's mark → `sendRecords` (the parent is notified at once)
 *   POST /files         a data file → `transferFile`: checks, deviations report, accepted records sent
 *   GET  /feed          which feed server answers, and the failover events
 * `handle(request)` answers a plain object, so node:http (server.ts) and tests can both drive it.
 */
import { randomUUID } from 'node:crypto';
import { type FailoverEvent, GoskitError } from '@goskit/core';
import {
  createEdiaryClient,
  createEsiaClient,
  dayAt,
  type EdiaryClient,
  EdiaryError,
  type EsiaClient,
  EsiaError,
  type SchoolPupil,
} from '@goskit/gosuslugi';
import {
  errorPage,
  feedPage,
  homePage,
  linkedPage,
  markSentPage,
  type Notice,
  notificationsPage,
  reportPage,
} from './pages.js';
import { sampleMarksFile } from './sample-file.js';
import type { SimulatorLink } from './simulator-link.js';

/** The parent's data the link needs: names, birth dates and СНИЛС of the children. */
export const SCOPES = ['openid', 'fullname', 'kid_fullname', 'kid_birthdate', 'kid_snils'] as const;
export const SCHOOL = { id: 'school-77-1', title: 'Демо школа' };
const MARK_VALUES = new Set(['1', '2', '3', '4', '5', 'зч', 'нз', 'н', 'б', 'уп', 'осв', 'на']);
const FILE_NAME = /^[A-Za-z0-9._-]{1,120}$/;
const SESSION_COOKIE = 'ediary_sid';
/** Failover events kept for /feed. */
const KEPT_EVENTS = 50;
/** Parent sessions kept in memory; the oldest is dropped past it. */
const MAX_SESSIONS = 1000;

export interface AppRequest {
  method: string;
  url: URL;
  /** The urlencoded form of a POST. */
  form?: URLSearchParams;
  cookie?: string;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AppOptions {
  link: SimulatorLink;
  /** Where the browser reaches this app, e.g. http://localhost:3000. */
  appUrl: string;
  fetch?: typeof fetch;
  onError?: (error: unknown) => void;
}

export interface EdiaryApp {
  readonly esia: EsiaClient;
  readonly ediary: EdiaryClient;
  handle(request: AppRequest): Promise<AppResponse>;
}

interface ParentSession {
  oid: string;
  accessToken: string;
}

const html = (status: number, body: string, headers: Record<string, string> = {}): AppResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});
const redirect = (location: string): AppResponse => ({
  status: 302,
  headers: { location, 'cache-control': 'no-store' },
  body: '',
});
const badRequest = (message: string) => html(400, errorPage('Неверные данные', 'BAD_REQUEST', message));

export function createApp(options: AppOptions): EdiaryApp {
  const { link, appUrl } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const events: FailoverEvent[] = [];
  const sessions = new Map<string, ParentSession>();
  const register = new Map<string, SchoolPupil>(link.pupils.map((pupil) => [pupil.id, pupil]));

  const esia = createEsiaClient({
    environment: { baseUrl: link.urls.esia },
    clientId: link.clientId,
    redirectUri: `${appUrl}/callback`,
    signer: link.signer,
    scopes: SCOPES,
    tokenKeys: { jwksUrl: `${link.urls.esia}/aas/oauth2/jwks` },
    clock: link.clock,
    fetch: fetchImpl,
  });
  const ediary = createEdiaryClient({
    environment: { baseUrl: link.urls.feed, backupUrls: [link.urls.feedBackup] },
    esia,
    school: SCHOOL,
    pupils: link.pupils,
    clock: link.clock,
    fetch: fetchImpl,
    timeout: 5000,
    retry: { limit: 3, backoff: { baseMs: 50, capMs: 500 } },
    failover: {
      failureThreshold: 2,
      recoverAfterMs: 30_000,
      health: { path: '/api/ediary/v1/health', intervalMs: 10_000 },
      onEvent: (event) => {
        events.push(event);
        if (events.length > KEPT_EVENTS) {
          events.shift();
        }
      },
    },
  });

  function sessionOf(request: AppRequest): ParentSession | undefined {
    const id = /(?:^|;\s*)ediary_sid=([0-9a-f-]{36})(?:;|$)/.exec(request.cookie ?? '')?.[1];
    return id === undefined ? undefined : sessions.get(id);
  }

  async function home(request: AppRequest): Promise<AppResponse> {
    const session = sessionOf(request);
    let linkedPupils: SchoolPupil[] | string;
    try {
      linkedPupils = [...(await ediary.linkedPupils())].flatMap((id) => register.get(id) ?? []);
    } catch (error) {
      linkedPupils = `Лента Госуслуг не ответила: ${error instanceof Error ? error.message : String(error)}`;
    }
    const first = typeof linkedPupils === 'string' ? undefined : linkedPupils[0];
    return html(
      200,
      homePage({
        schoolTitle: `${SCHOOL.title}: электронный дневник`,
        link: session === undefined ? undefined : await ediary.getLink(session.oid),
        linkedPupils,
        sampleFile: sampleMarksFile(SCHOOL.id, (first ?? link.pupils[0])?.id ?? 'pupil-1', link.clock.now()),
        activeServer: ediary.activeServer.name,
      }),
    );
  }

  async function callback(request: AppRequest): Promise<AppResponse> {
    const tokens = await esia.handleCallback(request.url);
    const result = await ediary.linkEdiary(esia.session(tokens));
    const id = randomUUID();
    sessions.set(id, { oid: tokens.oid, accessToken: tokens.accessToken });
    if (sessions.size > MAX_SESSIONS) {
      sessions.delete(sessions.keys().next().value as string);
    }
    return html(200, linkedPage(result.link, result.matching, result.created, result.server), {
      'set-cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`,
    });
  }

  async function notifications(request: AppRequest): Promise<AppResponse> {
    const session = sessionOf(request);
    if (session === undefined) {
      return html(200, notificationsPage([], false));
    }
    const response = await fetchImpl(`${link.urls.notifications}/api/lk/v1/notifications`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return html(502, errorPage('Уведомления', `HTTP ${response.status}`, 'Личный кабинет не ответил'));
    }
    const { items } = (await response.json()) as { items: Notice[] };
    return html(200, notificationsPage(items, true));
  }

  async function mark(form: URLSearchParams): Promise<AppResponse> {
    const pupilId = form.get('pupilId') ?? '';
    const subject = (form.get('subject') ?? '').trim();
    const value = form.get('value') ?? '';
    if (!register.has(pupilId)) {
      return badRequest('pupilId: такого ученика нет в школе / no such pupil');
    }
    if (subject.length < 1 || subject.length > 100) {
      return badRequest('subject: 1–100 символов / 1–100 characters');
    }
    if (!MARK_VALUES.has(value)) {
      return badRequest('value: оценка 1–5 или текстовая отметка / a mark 1–5 or a text mark');
    }
    const summary = await ediary.sendRecords('marks', [
      { id: `m-${randomUUID()}`, pupilId, date: dayAt(link.clock.now(), 180), subject, value },
    ]);
    return html(200, markSentPage(summary));
  }

  async function file(form: URLSearchParams): Promise<AppResponse> {
    const fileName = form.get('fileName') ?? '';
    const content = form.get('content') ?? '';
    if (!FILE_NAME.test(fileName)) {
      return badRequest('fileName: 1–120 символов A–Z a–z 0–9 . _ - / 1–120 of A–Z a–z 0–9 . _ -');
    }
    if (content.trim().length === 0) {
      return badRequest('content: файл пуст / the file is empty');
    }
    const { report, transfer, administratorNotified } = await ediary.transferFile(content, { fileName });
    return html(200, reportPage(report, transfer, administratorNotified));
  }

  async function route(request: AppRequest): Promise<AppResponse> {
    const { pathname } = request.url;
    if (request.method === 'POST') {
      const form = request.form ?? new URLSearchParams();
      if (pathname === '/marks') {
        return mark(form);
      }
      if (pathname === '/files') {
        return file(form);
      }
      return html(405, errorPage('Ошибка', 'METHOD_NOT_ALLOWED', 'POST only on /marks and /files'));
    }
    switch (pathname) {
      case '/':
        return home(request);
      case '/link': {
        const { url } = await esia.authorizationUrl();
        return redirect(url);
      }
      case '/callback':
        return callback(request);
      case '/notifications':
        return notifications(request);
      case '/feed':
        return html(200, feedPage(ediary.activeServer.name, events));
      default:
        return html(404, errorPage('Нет такой страницы', 'NOT_FOUND', pathname.slice(0, 100)));
    }
  }

  return {
    esia,
    ediary,
    async handle(request) {
      try {
        // ESIA checks timestamps against the simulator's clock, which a test or a user may move.
        await link.clock.sync();
        return await route(request);
      } catch (error) {
        if (error instanceof EsiaError) {
          return html(
            400,
            errorPage('Вход через Госуслуги не удался', error.esiaCode ?? error.code, error.message),
          );
        }
        if (error instanceof EdiaryError) {
          return html(
            error.status !== undefined && error.status >= 500 ? 502 : 400,
            errorPage('Госуслуги отказали', error.code, error.message),
          );
        }
        if (error instanceof GoskitError) {
          // Both feed servers failed, or the retry limit was spent: the portal's trouble, not ours.
          return html(502, errorPage('Госуслуги не отвечают', error.code, error.message));
        }
        options.onError?.(error);
        return html(500, errorPage('Ошибка', 'INTERNAL', 'Что-то пошло не так. Попробуйте ещё раз.'));
      }
    },
  };
}
