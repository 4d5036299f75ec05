/**
 * The flow of a production EPGU integration (ofstudio/go-api-epgu, issue 18), redone with goskit's
 * own clients and written once for two targets: in process through MSW on the real hosts, and
 * against the standalone server over 127.0.0.1. Sign-in with the person's APIPGU consent
 * (`permissions`, scope `openid`) → dictionaries → create an order → push its archive into it in one
 * chunk and in three 5 MB chunks (`archive.z001`…, no `meta`; the 5-minute window) → poll to the final status → the
 * files inside the archive and the result → cancel another order; then the seven refusals (no token,
 * wrong scope, another user's order, malformed multipart, oversized file, rate limit, expired token).
 * Each answer is checked for the status and body the spec (API ЕПГУ v1.12.1, Приложение 4) lists:
 * `{code, message}` for 400/403/409, no body for 204/401/429.
 */
import type { SimulatorControl } from '@goskit/simulator';
import { completeEsiaLogin, demoEsiaSystem, type SimulatorTarget, simulatorClock } from '@goskit/simulator';
import { expect, it } from 'vitest';
import type { Simulator } from '../../../mocks/simulator/src/engine/types.js';
import { callPortalControl } from '../../../mocks/simulator/src/testing/portal-control.js';
import { orderArchive, REQ_XML } from '../../../mocks/simulator/test/fixtures/zip-writer.js';
import {
  createEpguClient,
  createEsiaClient,
  type EpguClient,
  type EpguClientOptions,
  EpguError,
  type EsiaClient,
  type EsiaSession,
  epguPermissions,
} from '../src/index.js';

export interface FlowTarget {
  /** The simulator behind the target (its journal is read directly). */
  sim: Simulator;
  /** What the test helpers get: the simulator, or a control client of its server. */
  target: () => Simulator | SimulatorControl;
  esiaBase: () => string;
  epguBase: () => string;
  /** Moves the virtual clock as this target's user would. */
  advance: (duration: string) => Promise<void>;
}

/** The simulator both targets run: the spec's limits, no seeded failures, a small single-push limit. */
export const FLOW_SIM_OPTIONS = {
  seed: 'epgu-production-flow',
  epgu: { outcomes: { validationErrorRate: 0, filesFailedRate: 0 }, maxArchiveBytes: 64 * 1024 },
} as const;

const SERVICE = { region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' };
const REDIRECT = 'http://localhost:3000/callback';
const CHUNK = 5_000_000;
const UTC_PAGE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

/**
 * Sends a request on through the global fetch (MSW in process) after `change` edited its headers and
 * body — what a misbehaving proxy between the client and EPGU would do.
 */
async function resend(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  change: (headers: Record<string, string>, body: Uint8Array | undefined) => Uint8Array | undefined,
): Promise<Response> {
  const request = new Request(input, init);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const body = change(headers, bytes);
  return fetch(request.url, {
    method: request.method,
    headers,
    ...(body === undefined ? {} : { body: body as Uint8Array<ArrayBuffer> }),
    ...(init?.signal ? { signal: init.signal } : {}),
  });
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

/** An EPGU refusal with a `{code, message}` body: its status, code and a non-empty message. */
async function expectEpguRefusal(
  promise: Promise<unknown>,
  status: number,
  code: string,
): Promise<EpguError> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(EpguError);
  const epgu = error as EpguError;
  expect({ status: epgu.status, code: epgu.epguCode }).toEqual({ status, code });
  return epgu;
}

/** A body-less refusal (401, 429): core's HttpError with the status and an empty body. */
async function expectBareRefusal(promise: Promise<unknown>, status: number): Promise<void> {
  const error = (await refusal(promise)) as { status?: number; body?: string };
  expect(error).not.toBeInstanceOf(EpguError);
  expect(error.status).toBe(status);
  expect(error.body ?? '').toBe('');
}

/** The simulator's journal: the last answer had this status and no body at all. */
function expectBareAnswer(t: FlowTarget, status: number): void {
  const entry = t.sim.journal.entries().at(-1);
  expect(entry?.status).toBe(status);
  expect(entry?.responseBodyBytes ?? 0).toBe(0);
}

export function productionFlowCases(t: FlowTarget): void {
  let target: SimulatorTarget;
  let session: EsiaSession;
  /** The main sign-in's ESIA client and person (the system renews tokens with them). */
  let signedIn: { esia: EsiaClient; oid: string } | undefined;
  let epgu: EpguClient;
  let pushedOrder = 0;
  let started = 0;

  /** Signs a persona in through the login and consent pages; `permissions` as go-api-epgu sends them. */
  async function signIn(
    persona: string | { login: string; password: string },
    scopes: string[],
    permissions?: string,
  ): Promise<EsiaSession> {
    const system = await demoEsiaSystem(target);
    const clock = await simulatorClock(target);
    const esia = createEsiaClient({
      environment: { baseUrl: t.esiaBase() },
      clientId: system.clientId,
      redirectUri: REDIRECT,
      signer: system.signer,
      scopes,
      accessType: 'offline',
      tokenKeys: { jwksUrl: `${t.esiaBase()}/aas/oauth2/jwks` },
      clock,
    });
    const { url } = await esia.authorizationUrl(permissions === undefined ? {} : { permissions });
    const tokens = await esia.handleCallback(await completeEsiaLogin(url, { persona }));
    signedIn ??= { esia, oid: tokens.oid };
    return esia.session(tokens);
  }

  /** An EPGU client on the session's token provider, or on a fixed `accessToken` when given. */
  async function client(extra: Partial<EpguClientOptions> = {}): Promise<EpguClient> {
    const auth = extra.accessToken === undefined ? { tokenProvider: session.tokenProvider } : {};
    return createEpguClient({
      environment: { baseUrl: t.epguBase() },
      clock: await simulatorClock(target),
      ...auth,
      ...extra,
    });
  }

  it('signs in with scope openid and the APIPGU consent: a day-long token carrying the consent', async () => {
    target = t.target();
    started = t.sim.clock.now();
    session = await signIn('ivan.ivanov', ['openid'], epguPermissions('ООО «Демо школа»'));
    epgu = await client();
    const token = await session.tokenProvider.getToken();
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
      iat: number;
      permissions: { sysname: string; scopes: { sysname: string }[] }[];
    };
    expect(claims.exp - claims.iat).toBe(86_400);
    expect(claims.permissions[0]?.sysname).toBe('APIPGU');
    expect(claims.permissions[0]?.scopes.map((scope) => scope.sysname)).toContain(
      'http://lk.gosuslugi.ru/api-order',
    );
  });

  it('reads dictionaries without a token; an unknown code is NSI error 7 inside a 200', async () => {
    const bic = await epgu.dictionary('EXTERNAL_BIC', { pageNum: 1, pageSize: 5 });
    expect(bic.total).toBeGreaterThan(0);
    expect(bic.items[0]).toMatchObject({ value: expect.any(String), title: expect.any(String) });
    const error = await refusal(epgu.dictionary('NO_SUCH_DICTIONARY'));
    expect(error).toBeInstanceOf(EpguError);
    expect(error).toMatchObject({ code: 'DICTIONARY_ERROR', epguCode: '7', status: 200 });
    const answer = t.sim.journal
      .entries()
      .findLast((entry) => entry.operation === 'getDictionary' && entry.path.endsWith('NO_SUCH_DICTIONARY'));
    expect(answer?.status).toBe(200);
    // (the journal redacts every `code` field, so the code itself is checked on the error above)
    expect(JSON.parse(answer?.responseBody ?? '{}')).toMatchObject({
      error: { message: 'Entity not found' },
      total: 0,
      items: [],
    });
  });

  it('creates an order and pushes its archive in one chunk: orderId, chunk 0 of 1, file, no meta → 200', async () => {
    const { orderId } = await epgu.createOrder(SERVICE);
    expect(String(orderId)).toMatch(/^\d{10}$/);
    const archive = orderArchive(4096);
    expect(await epgu.pushChunked({ orderId, file: archive })).toEqual({ orderId, chunks: 1 });
    const sent = t.sim.journal.entries().findLast((entry) => entry.operation === 'pushChunk');
    expect(sent?.status).toBe(200);
    expect(sent?.requestBody).toContain('name="orderId"');
    expect(sent?.requestBody).toContain('filename="archive.zip"');
    expect(sent?.requestBody).not.toContain('name="meta"');
  });

  it('pushes a 10 MB archive into another order in three chunks (archive.z001…z003, no meta): 206, 206, 200', async () => {
    const before = t.sim.journal.count({ portal: 'epgu', operation: 'pushChunk' });
    const { orderId } = await epgu.createOrder(SERVICE);
    pushedOrder = orderId;
    const archive = orderArchive(2 * CHUNK + 4096, 7);
    const progress: number[] = [];
    const result = await epgu.pushChunked({
      orderId,
      file: archive,
      chunkSize: CHUNK,
      onChunk: (step) => progress.push(step.chunk),
    });
    expect(result).toEqual({ orderId, chunks: 3 });
    expect(progress).toEqual([0, 1, 2]);
    const chunks = t.sim.journal.entries().filter((entry) => entry.operation === 'pushChunk');
    const ours = chunks.slice(-3);
    expect(ours.map((entry) => entry.status)).toEqual([206, 206, 200]);
    expect(ours.map((entry) => /filename="([^"]+)"/.exec(entry.requestBody ?? '')?.[1])).toEqual([
      'archive.z001',
      'archive.z002',
      'archive.z003',
    ]);
    for (const entry of ours) {
      expect(entry.requestBody).not.toContain('name="meta"');
      expect(JSON.parse(entry.responseBody ?? '{}')).toMatchObject({ orderId });
    }
    expect(t.sim.journal.count({ portal: 'epgu', operation: 'pushChunk' })).toBe(before + 3);
  });

  it('the 5-minute window holds on EPGU too: a chunk after it → 409 push_denied, the upload dropped', async () => {
    const { orderId } = await epgu.createOrder(SERVICE);
    let calls = 0;
    const frozen = t.sim.clock.now();
    // A client whose own clock stands still (so its window check passes), on a link where six
    // minutes pass before the second chunk gets through.
    const slow = await client({
      clock: { now: () => frozen },
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        calls += 1;
        if (calls === 2) {
          await t.advance('PT6M');
        }
        return resend(input, init, (_headers, body) => body);
      },
    });
    const before = t.sim.journal.entries().length;
    await expectEpguRefusal(
      slow.pushChunked({ orderId, file: orderArchive(2 * CHUNK + 4096, 9), chunkSize: CHUNK }),
      409,
      'push_denied',
    );
    expect(
      t.sim.journal
        .entries()
        .slice(before)
        .map((entry) => entry.status),
    ).toEqual([206, 409]);
    // The order is still a draft: the whole archive goes again from chunk 0.
    expect(await epgu.pushChunked({ orderId, file: orderArchive(4096) })).toEqual({ orderId, chunks: 1 });
  });

  it('polls until the order closes, then downloads the files inside the archive and the result', async () => {
    let status = 0;
    for (let step = 0; step < 40 && status !== 3; step += 1) {
      await t.advance('PT30S');
      const [item] = await epgu.getOrdersStatus([pushedOrder]);
      expect(item?.orderSearchStatus).toBe('FOUND');
      expect(item?.status?.updated).toMatch(UTC_PAGE_TIME);
      status = item?.status?.statusId ?? 0;
    }
    expect(status).toBe(3); // «Услуга оказана»
    const details = await epgu.getOrder(pushedOrder);
    expect(details.code).toBe('OK');
    const order = details.order;
    expect(order).toMatchObject({ id: pushedOrder, orderStatusId: 3, closed: true, hasResult: true });
    const names = order.orderAttachmentFiles.map((file) => file.fileName);
    expect(names).toEqual(expect.arrayContaining(['req.xml', 'trans.xml']));
    const request = order.orderAttachmentFiles.find((file) => file.fileName === 'req.xml');
    const bytes = await epgu.downloadFile({ link: request?.link ?? '' });
    expect(new TextDecoder().decode(bytes)).toBe(REQ_XML);
    const result = order.orderResponseFiles[0];
    expect(result?.link).toMatch(/^terrabyte:\/\/00\/\d+\/[^/]+\/\d+$/);
    const pdf = await epgu.downloadFile({ link: result?.link ?? '' });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    // The status pages speak UTC (footnote 6): the change is listed after the flow began, not before.
    const changed = [];
    for await (const item of epgu.getUpdatedAfter({ updatedAfter: started, pageSize: 10 })) {
      changed.push(item);
    }
    const mine = changed.find((item) => item.orderId === pushedOrder);
    expect(mine?.status?.statusId).toBe(3);
    expect(Date.parse(`${mine?.status?.updated}Z`)).toBeGreaterThan(started);
    expect(Date.parse(`${mine?.status?.updated}Z`)).toBeLessThanOrEqual(t.sim.clock.now());
  });

  it('cancels another order (reason sent), then refuses a second cancel: 409 cancel_not_allowed', async () => {
    const { orderId } = await epgu.createOrder(SERVICE);
    expect(await epgu.cancel(orderId, { reason: 'Заявитель передумал' })).toEqual({
      code: 'OK',
      message: null,
    });
    const details = await epgu.getOrder(orderId);
    expect(details.order).toMatchObject({ orderStatusId: 10, closed: true });
    const error = await expectEpguRefusal(epgu.cancel(orderId), 409, 'cancel_not_allowed');
    expect(error.message).toContain('cancel_not_allowed');
    // A finished order cannot be cancelled either.
    await expectEpguRefusal(epgu.cancel(pushedOrder), 409, 'cancel_not_allowed');
  });

  it('an unknown order is a bare 204 → EpguError not_found (getOrder and cancel)', async () => {
    const before = t.sim.journal.entries().length;
    await expectEpguRefusal(epgu.getOrder(1_999_999_999), 204, 'not_found');
    await expectEpguRefusal(epgu.cancel(1_999_999_999), 204, 'not_found');
    const answers = t.sim.journal.entries().slice(before);
    expect(answers.map((entry) => [entry.status, entry.responseBodyBytes ?? 0])).toEqual([
      [204, 0],
      [204, 0],
    ]);
  });

  it('refusal 1 — no token: 401 without a body', async () => {
    const anonymous = await client({
      accessToken: 'unused',
      retry: false,
      // What an integration without a token sends: no Authorization header at all.
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        resend(input, init, (headers, body) => {
          delete headers.authorization;
          return body;
        }),
    });
    await expectBareRefusal(anonymous.createOrder(SERVICE), 401);
    expectBareAnswer(t, 401);
  });

  it('refusal 2 — the api-order scope without the APIPGU consent: 403 access_denied_person_permissions', async () => {
    const scopeOnly = await signIn('ivan.ivanov', ['openid', 'fullname', 'http://lk.gosuslugi.ru/api-order']);
    const refused = await client({ tokenProvider: scopeOnly.tokenProvider });
    const error = await expectEpguRefusal(
      refused.createOrder(SERVICE),
      403,
      'access_denied_person_permissions',
    );
    expect(error.hint?.en).toContain('APIPGU');
    const answer = JSON.parse(t.sim.journal.entries().at(-1)?.responseBody ?? '{}') as Record<
      string,
      unknown
    >;
    expect(Object.keys(answer).sort()).toEqual(['code', 'message']);
  });

  it("refusal 3 — another user's order: 403 order_access (details, cancel, push, download)", async () => {
    const other = t.sim.demo.personas.find(
      (persona) => persona.role === 'parent' && persona.trusted && persona.login !== 'ivan.ivanov',
    );
    expect(other).toBeDefined();
    const stranger = await signIn(
      { login: other?.login ?? '', password: other?.password ?? '' },
      ['openid'],
      epguPermissions('ООО «Демо школа»'),
    );
    const theirs = await client({ tokenProvider: stranger.tokenProvider });
    await expectEpguRefusal(theirs.getOrder(pushedOrder), 403, 'order_access');
    await expectEpguRefusal(theirs.cancel(pushedOrder), 403, 'order_access');
    const { orderId } = await epgu.createOrder(SERVICE);
    await expectEpguRefusal(theirs.pushChunked({ orderId, file: orderArchive(2048) }), 403, 'order_access');
    const attachment = (await epgu.getOrder(pushedOrder)).order.orderAttachmentFiles[0];
    await expectEpguRefusal(theirs.downloadFile({ link: attachment?.link ?? '' }), 403, 'order_access');
  });

  it('refusal 4 — malformed multipart (a proxy cut the closing boundary): 400 bad_request', async () => {
    const cutting = await client({
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        resend(input, init, (_headers, body) => body?.subarray(0, body.length - 8)),
    });
    const { orderId } = await epgu.createOrder(SERVICE);
    const error = await expectEpguRefusal(
      cutting.pushChunked({ orderId, file: orderArchive(2048) }),
      400,
      'bad_request',
    );
    expect(error.message).toMatch(/multipart/);
  });

  it('refusal 5 — an oversized file: 400 bad_request (the spec lists no 413)', async () => {
    const error = await expectEpguRefusal(
      epgu.push({ meta: SERVICE, file: orderArchive(64 * 1024 + 1) }),
      400,
      'bad_request',
    );
    expect(error.message).toMatch(/file/);
    expect(t.sim.journal.entries().at(-1)?.status).toBe(400);
  });

  it('refusal 6 — the rate limit of the system (all its users): 429 without a body', async () => {
    await callPortalControl(target, 'epgu', 'POST', '/systems', {
      clientId: 'GOSKIT_DEMO',
      limits: { perMinute: 3 },
    });
    const limited = await client({ retry: false });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        await limited.getOrdersStatus([pushedOrder]).then(
          () => 200,
          (error: { status?: number }) => error.status ?? 0,
        ),
      );
    }
    expect(statuses).toContain(429);
    await expectBareRefusal(limited.getOrdersStatus([pushedOrder]), 429);
    expectBareAnswer(t, 429);
    // The next calendar minute lets the system in again.
    await t.advance('PT1M');
    expect((await limited.getOrdersStatus([pushedOrder]))[0]?.orderSearchStatus).toBe('FOUND');
    await callPortalControl(target, 'epgu', 'POST', '/systems', { clientId: 'GOSKIT_DEMO' });
  });

  it('refusal 7 — an expired token (a day on the virtual clock): 401 without a body', async () => {
    const fixed = await client({
      accessToken: await session.tokenProvider.getToken(),
    });
    expect((await fixed.getOrdersStatus([pushedOrder]))[0]?.orderSearchStatus).toBe('FOUND');
    await t.advance('P1DT1M');
    await expectBareRefusal(fixed.getOrdersStatus([pushedOrder]), 401);
    expectBareAnswer(t, 401);
    // The session refreshes (the consent lasts a week): the same calls go through again.
    expect((await epgu.getOrdersStatus([pushedOrder]))[0]?.orderSearchStatus).toBe('FOUND');
    // So does the system without the person: client_credentials with prm_chg?oid=… (go-api-epgu's
    // token update) gives a day-long token carrying the consent, which EPGU accepts.
    const renewed = await signedIn?.esia.clientCredentials(`prm_chg?oid=${signedIn.oid}`);
    expect(renewed?.expiresAt.getTime()).toBe(t.sim.clock.now() + 86_400_000);
    const bySystem = await client({ accessToken: renewed?.accessToken ?? '' });
    expect((await bySystem.getOrdersStatus([pushedOrder]))[0]?.orderSearchStatus).toBe('FOUND');
    expect(t.sim.contractViolations()).toEqual([]);
  });
}
