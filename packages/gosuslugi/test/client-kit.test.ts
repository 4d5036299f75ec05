/**
 * The ESIA and EPGU clients on core's client kit (issue 10 §3, issue 11 §3): the shared options
 * reach the transport, `clock` replaces `now` (which still works, warning once), EPGU's rate-limit
 * rule, the short `api-order` scope, and the simulator's maintenance page as a typed 503.
 */
import {
  createRateLimiter,
  type Logger,
  RateLimitError,
  ResponseTooLargeError,
  ServiceUnavailableError,
} from '@goskit/core';
import { createSoftwareGostSigner } from '@goskit/crypto';
import { createSimulator } from '@goskit/simulator';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { epguPortal } from '../../../mocks/simulator/src/portals/epgu/index.js';
import { demoEsiaClient, esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import {
  createEpguClient,
  createEsiaClient,
  EPGU_API_ORDER_SCOPE,
  EPGU_MAX_RESPONSE_BYTES,
  EPGU_TEST_URL,
  normaliseScopeName,
} from '../src/index.js';
import { loginThroughPages } from './helpers/browser-walk.js';
import { demoParent, SIM_REDIRECT, simulatorEsiaClient } from './helpers/simulator-client.js';

const sim = createSimulator({ seed: 'gosuslugi-client-kit', portals: [esiaPortal(), epguPortal()] });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers(...sim.handlers);
  for (const name of sim.faults.active()) {
    sim.faults.disable(name);
  }
});
afterAll(() => server.close());

const simClock = sim.clock;

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Partial<Logger> = { warn: (message) => warnings.push(message) };
  return { logger, warnings };
}

describe('ESIA client on the client kit', () => {
  it('signs its timestamp on the given clock; the deprecated now still works and warns once', async () => {
    const at = Date.parse('2031-05-06T07:08:09Z');
    const esia = simulatorEsiaClient(sim, { scopes: ['openid'], clock: { now: () => at } });
    const { url } = await esia.authorizationUrl();
    expect(new URL(url).searchParams.get('timestamp')).toBe('2031.05.06 10:08:09 +0300');

    const { logger, warnings } = recordingLogger();
    const demo = demoEsiaClient(sim);
    const legacyOptions = {
      environment: 'test' as const,
      clientId: demo.clientId,
      redirectUri: SIM_REDIRECT,
      signer: createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem }),
      tokenKeys: { jwksUrl: 'https://esia-portal1.test.gosuslugi.ru/aas/oauth2/jwks' },
      scopes: ['openid'],
      now: () => at,
      logger,
    };
    const legacyUrl = new URL((await createEsiaClient(legacyOptions).authorizationUrl()).url);
    expect(legacyUrl.searchParams.get('timestamp')).toBe('2031.05.06 10:08:09 +0300');
    createEsiaClient(legacyOptions);
    expect(
      warnings.filter((w) => w.includes("createEsiaClient: the 'now' option is renamed 'clock'")),
    ).toHaveLength(1);
  });

  it('passes the shared options (headers, userAgent, maxResponseBytes) to its transport', async () => {
    const seen: Headers[] = [];
    server.use(
      http.post('https://esia-portal1.test.gosuslugi.ru/aas/oauth2/v3/te', ({ request }) => {
        seen.push(request.headers);
        return HttpResponse.text('x'.repeat(5000), { headers: { 'content-type': 'application/json' } });
      }),
    );
    const esia = simulatorEsiaClient(sim, {
      scopes: ['openid'],
      clock: simClock,
      headers: { 'x-integration': 'school-42' },
      userAgent: 'school-portal/2.0',
      maxResponseBytes: 1000,
    });
    await expect(esia.clientCredentials(['openid'])).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(seen[0]?.get('x-integration')).toBe('school-42');
    expect(seen[0]?.get('user-agent')).toBe('school-portal/2.0');
  });

  it('writes the short api-order scope out in full, signs that, and ESIA (the simulator) accepts it', async () => {
    expect(normaliseScopeName('api-order')).toBe(EPGU_API_ORDER_SCOPE);
    expect(normaliseScopeName('openid')).toBe('openid');
    const esia = simulatorEsiaClient(sim, {
      scopes: ['openid', 'api-order', EPGU_API_ORDER_SCOPE],
      clock: simClock,
    });
    const { url } = await esia.authorizationUrl();
    const params = new URL(url).searchParams;
    expect(params.get('scope')).toBe(`openid ${EPGU_API_ORDER_SCOPE}`);
    // The simulator checks the signature over the scope it received (the normalised one) and knows
    // only the URL form: the whole login goes through.
    const tokens = await esia.handleCallback(await loginThroughPages(url, SIM_REDIRECT, demoParent(sim)));
    expect(tokens.scopes.some((scope) => scope.startsWith(EPGU_API_ORDER_SCOPE))).toBe(true);
    // EPGU reads the token, and, as the spec's Приложение 4 says, wants the person's APIPGU consent
    // besides the scope (epgu-production-flow-cases.ts signs in with it).
    const epgu = createEpguClient({ environment: 'test', accessToken: tokens.accessToken, clock: simClock });
    await expect(epgu.getOrdersStatus([1])).rejects.toMatchObject({
      epguCode: 'access_denied_person_permissions',
      status: 403,
    });
  });

  it('the maintenance scenario surfaces as ServiceUnavailableError with its Retry-After, not a rate limit', async () => {
    const esia = simulatorEsiaClient(sim, { scopes: ['openid'], clock: simClock });
    sim.faults.enable('maintenance');
    const error = await esia.clientCredentials(['openid']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 3_600_000, code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('EPGU client on the client kit', () => {
  it('maintenance: getOrdersStatus fails with ServiceUnavailableError carrying retryAfterMs', async () => {
    const epgu = createEpguClient({ environment: 'test', accessToken: 'any', clock: simClock });
    sim.faults.enable('maintenance');
    const error = (await epgu.getOrdersStatus([1]).catch((e: unknown) => e)) as ServiceUnavailableError;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.body).toContain('Технические работы');
  });

  it('rate limits: limits tunes the built-in windows, rateLimit replaces them, both is an error', () => {
    const shared = createRateLimiter({ ratePerSecond: 5 });
    expect(createEpguClient({ environment: 'test', accessToken: 't', rateLimit: shared }).rateLimiter).toBe(
      shared,
    );
    const own = createEpguClient({ environment: 'test', accessToken: 't', rateLimit: { ratePerSecond: 1 } });
    expect(own.rateLimiter).not.toBe(shared);
    expect(() =>
      createEpguClient({
        environment: 'test',
        accessToken: 't',
        rateLimit: shared,
        limits: { perMinute: 10 },
      }),
    ).toThrow(/rateLimit .* or limits .*, not both/);

    const { logger, warnings } = recordingLogger();
    const legacy = createEpguClient({ environment: 'test', accessToken: 't', limits: shared, logger });
    expect(legacy.rateLimiter).toBe(shared);
    expect(warnings).toEqual([expect.stringContaining("a RateLimiter in 'limits' is deprecated")]);
  });

  it('an error body past 64 KiB is cut without waiting for the rest (MSW clones every body)', async () => {
    server.use(
      http.post(`${EPGU_TEST_URL}/api/gusmev/order`, () =>
        HttpResponse.text('e'.repeat(200_000), { status: 500, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const epgu = createEpguClient({ environment: 'test', accessToken: 't', retry: false, timeout: 5000 });
    const started = performance.now();
    const error = await epgu
      .createOrder({ region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, truncated: true });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('downloadFile obeys the client limit (64 MiB by default) and a per-call maxBytes', async () => {
    expect(EPGU_MAX_RESPONSE_BYTES).toBe(64 * 1024 * 1024);
    server.use(
      http.get(`${EPGU_TEST_URL}/api/storage/v2/files/:id/:type/download`, () =>
        HttpResponse.arrayBuffer(new Uint8Array(4096).buffer, {
          headers: { 'content-type': 'application/zip' },
        }),
      ),
    );
    const epgu = createEpguClient({ environment: 'test', accessToken: 't' });
    const input = { objectId: 1, objectType: 2, mnemonic: 'm' };
    await expect(epgu.downloadFile(input)).resolves.toHaveLength(4096);
    await expect(epgu.downloadFile({ ...input, maxBytes: 1024 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    const tight = createEpguClient({ environment: 'test', accessToken: 't', maxResponseBytes: 1024 });
    await expect(tight.downloadFile(input)).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      limit: 1024,
    });
  });
});
