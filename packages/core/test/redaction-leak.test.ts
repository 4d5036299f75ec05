import { inspect } from 'node:util';
import { createLogger, createTokenProvider, createTransport, type LogFields, redactText } from '@goskit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/test-server.js';

const SECRETS = {
  bearer: 'opaque-bearer-token-7f3a9c',
  cookie: 'cookie-session-secret-42',
  urlToken: 'url-access-token-secret',
  urlCode: 'auth-code-secret-xyz',
  clientSecret: 'form-client-secret-123',
  password: 'P4ssw0rd-secret!',
  jsonAccessToken: 'json-access-token-secret',
  jsonRefreshToken: 'json-refresh-token-secret',
  snilsFormatted: '123-456-789 01',
  snilsDigits: '12345678901',
  passport: '45 08 123456',
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // The portal echoes everything back and sets a cookie: secrets arrive in responses too.
  server.respond((req, res) => {
    const status = req.url?.startsWith('/fail') ? 500 : 200;
    res.writeHead(status, {
      'content-type': 'application/json',
      'set-cookie': `sid=${SECRETS.cookie}; HttpOnly`,
      'x-request-id': 'req-1',
    });
    res.end(JSON.stringify({ url: req.url, headers: req.headers, body: req.body }));
  });
});
afterAll(() => server.close());

describe('nothing secret reaches the logs', () => {
  it('captures every record of calls full of secrets and finds none of them', async () => {
    const records: string[] = [];
    const capture = (level: string) => (message: string, fields?: LogFields) =>
      records.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const transport = createTransport({
      baseUrl: server.url,
      logger: {
        debug: capture('debug'),
        info: capture('info'),
        warn: capture('warn'),
        error: capture('error'),
      },
      logBodies: true,
      auth: createTokenProvider({
        fetchToken: async () => ({ token: SECRETS.bearer, expiresAt: Date.now() + 3_600_000 }),
      }),
      retry: { limit: 1, backoff: { baseMs: 1, capMs: 1 } },
    });

    await transport.get('/profile', { headers: { Cookie: `session=${SECRETS.cookie}` } });
    await transport.get(`/callback?access_token=${SECRETS.urlToken}&code=${SECRETS.urlCode}&state=s1`);
    await transport.post('/token', {
      form: {
        grant_type: 'password',
        client_id: 'demo',
        client_secret: SECRETS.clientSecret,
        password: SECRETS.password,
      },
    });
    await transport.post('/people', {
      json: {
        access_token: SECRETS.jsonAccessToken,
        refresh_token: SECRETS.jsonRefreshToken,
        person: { snils: SECRETS.snilsFormatted, passport: SECRETS.passport },
        note: `СНИЛС ${SECRETS.snilsDigits}, паспорт ${SECRETS.passport}`,
      },
    });
    const failure = await transport
      .get(`/fail?token=${SECRETS.urlToken}`, { headers: { 'X-Note': `snils ${SECRETS.snilsFormatted}` } })
      .catch((e: unknown) => e);

    // The calls really were logged, with bodies — the scan below is meaningful.
    expect(records.filter((r) => r.startsWith('debug goskit request {'))).toHaveLength(6);
    expect(records.some((r) => r.startsWith('info goskit retry'))).toBe(true);
    expect(records.join('\n')).toContain('[REDACTED]');
    expect(records.join('\n')).toContain('grant_type=password');

    const everything = [...records, String(failure), inspect(failure), JSON.stringify(failure)].join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(everything.includes(secret), `${name} leaked`).toBe(false);
      expect(everything.includes(encodeURIComponent(secret)), `${name} leaked (url-encoded)`).toBe(false);
    }
  });

  it('redacts messages and fields of a createLogger even when callers pass secrets directly', () => {
    const records: unknown[] = [];
    const logger = createLogger({
      sink: { warn: (...args: unknown[]) => records.push(args) },
      level: 'debug',
    });
    logger.warn(`login failed for СНИЛС ${SECRETS.snilsFormatted} with Bearer ${SECRETS.bearer}`, {
      authorization: `Bearer ${SECRETS.bearer}`,
      url: `https://esia.example/x?client_secret=${SECRETS.clientSecret}`,
      body: `password=${SECRETS.password}&user=ivanov`,
      contentType: 'application/x-www-form-urlencoded',
      error: new Error(`passport ${SECRETS.passport} rejected`),
      nested: { deeper: { access_token: SECRETS.jsonAccessToken, list: [SECRETS.snilsDigits] } },
    });
    const text = JSON.stringify(records);
    expect(text).toContain('ivanov');
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('property: generated personal data never survives redaction', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const filler = fc.string({
    unit: fc.constantFrom(...'abcxyz АБВгде:;,.()"\'\n\t_'.split('')),
    maxLength: 20,
  });
  const snils = fc
    .tuple(digits(9), digits(2), fc.constantFrom('formatted', 'dashed', 'plain'))
    .map(([body, check, style]) =>
      style === 'plain'
        ? body + check
        : `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6, 9)}${style === 'dashed' ? '-' : ' '}${check}`,
    );
  const passport = fc
    .tuple(digits(2), digits(2), digits(6), fc.constantFrom(' ', ''), fc.constantFrom(' ', '', ' № '))
    .map(([a, b, number, gap, sep]) => `${a}${gap}${b}${sep}${number}`);

  it('СНИЛС in any surrounding text (free text and logged JSON)', () => {
    fc.assert(
      fc.property(filler, snils, filler, (before, value, after) => {
        const line = `${before}${value}${after}`;
        expect(redactText(line)).not.toContain(value);
        const records: unknown[] = [];
        createLogger({ sink: { error: (...args: unknown[]) => records.push(args) } }).error(line, {
          note: line,
        });
        expect(JSON.stringify(records)).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });

  it('passport series and number in any surrounding text', () => {
    fc.assert(
      fc.property(filler, passport, filler, (before, value, after) => {
        expect(redactText(`${before}${value}${after}`)).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});
