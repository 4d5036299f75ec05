import { ResponseValidationError } from '@goskit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEsiaClient,
  type EsiaClientOptions,
  EsiaError,
  EsiaScopeError,
  type EsiaTokens,
  esiaDateToIso,
  parseEsiaDate,
} from '../src/index.js';
import {
  accessClaims,
  BASE,
  CLIENT_ID,
  clientKeyPair,
  jwksOf,
  REDIRECT,
  rsaToken,
} from './helpers/esia-fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OID = '1000299353';
const PERSON = {
  stateFacts: ['EntityRoot'],
  firstName: 'Иван',
  lastName: 'Иванов',
  middleName: 'Иванович',
  birthDate: '08.03.1991',
  gender: 'M',
  trusted: true,
  citizenship: 'RUS',
  snils: '112-233-445 95',
  status: 'REGISTERED',
  eTag: 'E1',
};
const CONTACTS = [
  { stateFacts: ['Identifiable'], id: 1, type: 'MBT', vrfStu: 'VERIFIED', value: '+7(900)1234567' },
  { stateFacts: ['Identifiable'], id: 2, type: 'EML', vrfStu: 'VERIFIED', value: 'ivanov@example.ru' },
];

async function makeClient(extra: Partial<EsiaClientOptions> = {}) {
  return createEsiaClient({
    environment: 'test',
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    signer: clientKeyPair().signer,
    scopes: ['openid', 'fullname', 'contacts'],
    tokenKeys: { jwks: await jwksOf() },
    ...extra,
  });
}

async function tokens(overrides: Partial<EsiaTokens> = {}): Promise<EsiaTokens> {
  const access = accessClaims();
  return {
    accessToken: await rsaToken(access, 'access'),
    idToken: undefined,
    refreshToken: 'refresh-1',
    tokenType: 'Bearer',
    expiresAt: new Date((access.exp as number) * 1000),
    oid: OID,
    scopes: ['openid', 'fullname', 'contacts'],
    grantedScopes: [],
    sid: 'sid',
    claims: { access, id: undefined },
    ...overrides,
  };
}

describe('person data', () => {
  it('follows a link-list collection, one request per element, typed', async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${BASE}/rs/prns/${OID}/ctts`, ({ request }) => {
        paths.push(new URL(request.url).search);
        return HttpResponse.json({
          stateFacts: ['hasSize'],
          size: 2,
          elements: CONTACTS.map((c) => `${BASE}/rs/prns/${OID}/ctts/${c.id}`),
        });
      }),
      http.get(`${BASE}/rs/prns/${OID}/ctts/:id`, ({ params, request }) => {
        expect(request.headers.get('authorization')).toMatch(/^Bearer ey/);
        paths.push(`/ctts/${params.id}`);
        return HttpResponse.json(CONTACTS.find((c) => String(c.id) === params.id));
      }),
    );
    const esia = await makeClient({ collectionMode: 'links' });
    const contacts = await esia.person((await tokens()).accessToken).contacts();
    expect(contacts.map((c) => c.value)).toEqual(['+7(900)1234567', 'ivanov@example.ru']);
    expect(paths).toEqual(['', '/ctts/1', '/ctts/2']);
  });

  it('asks for embed=(elements) by default and validates the inline elements', async () => {
    server.use(
      http.get(`${BASE}/rs/prns/${OID}/addrs`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('embed')).toBe('(elements)');
        return HttpResponse.json({
          stateFacts: ['hasSize'],
          size: 1,
          elements: [
            { stateFacts: ['Identifiable'], id: 11, type: 'PRG', addressStr: 'г. Москва, ул. Ленина, д. 1' },
          ],
        });
      }),
    );
    const esia = await makeClient();
    const [address] = await esia.person(await tokens().then((t) => t.accessToken)).addresses();
    expect(address).toMatchObject({ type: 'PRG', addressStr: 'г. Москва, ул. Ленина, д. 1' });
  });

  it('embeds collections into the person in one call', async () => {
    server.use(
      http.get(`${BASE}/rs/prns/${OID}`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('embed')).toBe('(contacts.elements,documents.elements)');
        return HttpResponse.json({
          ...PERSON,
          contacts: { stateFacts: ['hasSize'], size: 2, elements: CONTACTS },
          documents: {
            stateFacts: ['hasSize'],
            size: 1,
            elements: [
              {
                id: 21,
                type: 'RF_PASSPORT',
                vrfStu: 'VERIFIED',
                series: '4510',
                number: '123456',
                issueDate: '08.03.2011',
              },
            ],
          },
        });
      }),
    );
    const esia = await makeClient();
    const person = await esia
      .person(await tokens().then((t) => t.accessToken))
      .get({ embed: ['contacts', 'documents'] });
    expect(person.lastName).toBe('Иванов');
    expect(person.contacts?.[1]?.type).toBe('EML');
    expect(person.documents?.[0]?.issueDate).toBe('08.03.2011');
    expect(esiaDateToIso(person.birthDate)).toBe('1991-03-08');
  });

  it('turns a 403 into EsiaScopeError naming the missing scope', async () => {
    server.use(
      http.get(`${BASE}/rs/prns/${OID}/addrs`, () =>
        HttpResponse.json({ code: 'FORBIDDEN', message: 'no scope' }, { status: 403 }),
      ),
      http.get(`${BASE}/rs/prns/${OID}/kids`, () =>
        HttpResponse.json({ code: 'FORBIDDEN', message: 'no' }, { status: 403 }),
      ),
    );
    const esia = await makeClient();
    const person = esia.person((await tokens()).accessToken);
    const error = (await person.addresses().catch((e: unknown) => e)) as EsiaScopeError;
    expect(error).toBeInstanceOf(EsiaScopeError);
    expect(error).toMatchObject({
      code: 'MISSING_SCOPE',
      resource: 'addrs',
      missingScope: 'addresses',
      status: 403,
    });
    expect(error.hint?.ru).toContain('addresses');
    await expect(person.kids()).rejects.toMatchObject({ missingScope: 'kid_fullname' });
  });

  it('rejects an invalid СНИЛС from the portal without echoing it', async () => {
    server.use(
      http.get(`${BASE}/rs/prns/${OID}`, () => HttpResponse.json({ ...PERSON, snils: '112-233-445 00' })),
    );
    const esia = await makeClient();
    const error = await esia
      .person((await tokens()).accessToken)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(String((error as Error).message)).not.toContain('112-233-445');
  });

  it('a 401 with a session refreshes once (single-flight) and repeats the call', async () => {
    const fresh = await rsaToken(accessClaims({ 'urn:esia:sid': 'fresh-session' }), 'access');
    let refreshes = 0;
    server.use(
      http.post(`${BASE}/aas/oauth2/v3/te`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        expect(form.get('grant_type')).toBe('refresh_token');
        refreshes += 1;
        return HttpResponse.json({
          access_token: fresh,
          refresh_token: 'refresh-2',
          state: form.get('state'),
          token_type: 'Bearer',
          expires_in: 3600,
        });
      }),
      http.get(`${BASE}/rs/prns/${OID}`, ({ request }) =>
        request.headers.get('authorization') === `Bearer ${fresh}`
          ? HttpResponse.json(PERSON)
          : HttpResponse.json({ code: 'UNAUTHORIZED', message: 'revoked' }, { status: 401 }),
      ),
    );
    const esia = await makeClient();
    const persisted: EsiaTokens[] = [];
    const session = esia.session(await tokens(), { onRefresh: (t) => void persisted.push(t) });
    const person = esia.person(session);
    const [a, b] = await Promise.all([person.get(), person.get()]);
    expect(a.firstName).toBe('Иван');
    expect(b.firstName).toBe('Иван');
    expect(refreshes).toBe(1);
    expect(session.tokens.refreshToken).toBe('refresh-2');
    expect(persisted).toHaveLength(1);
  });

  it('a 401 with a bare token is EsiaError UNAUTHORIZED', async () => {
    server.use(
      http.get(`${BASE}/rs/prns/${OID}/vhls`, () =>
        HttpResponse.json({ code: 'UNAUTHORIZED', message: 'x' }, { status: 401 }),
      ),
    );
    const esia = await makeClient();
    const error = await esia
      .person((await tokens()).accessToken)
      .vehicles()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiaError);
    expect((error as EsiaError).code).toBe('UNAUTHORIZED');
  });

  it('a session accepts tokens read back from JSON (expiresAt as a string)', async () => {
    server.use(http.get(`${BASE}/rs/prns/${OID}`, () => HttpResponse.json(PERSON)));
    const esia = await makeClient();
    const stored = JSON.parse(JSON.stringify(await tokens())) as EsiaTokens;
    const session = esia.session(stored);
    expect(session.tokens.expiresAt).toBeInstanceOf(Date);
    expect((await esia.person(session).get()).lastName).toBe('Иванов');
  });

  it('a session without refresh token cannot refresh', async () => {
    const esia = await makeClient();
    const session = esia.session(
      await tokens({ refreshToken: undefined, expiresAt: new Date(Date.now() - 1000) }),
    );
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'REFRESH_UNAVAILABLE' });
  });

  it('reads organisations and refuses a link to another origin', async () => {
    server.use(
      http.get(`${BASE}/rs/orgs/1000000001`, () =>
        HttpResponse.json({
          oid: 1000000001,
          fullName: 'МБОУ «Демо школа»',
          ogrn: '1027700132195',
          inn: '7707083893',
        }),
      ),
      http.get(`${BASE}/rs/prns/${OID}/orgs`, () =>
        HttpResponse.json({ stateFacts: ['hasSize'], size: 1, elements: ['https://evil.example/steal'] }),
      ),
    );
    const esia = await makeClient();
    const person = esia.person((await tokens()).accessToken);
    expect((await person.organisation(1000000001)).ogrn).toBe('1027700132195');
    await expect(person.organisations()).rejects.toThrow(/refusing to send credentials/);
  });
});

describe('ESIA dates', () => {
  it('parses dd.MM.yyyy and refuses impossible dates', () => {
    expect(parseEsiaDate('08.03.1991')?.toISOString()).toBe('1991-03-08T00:00:00.000Z');
    expect(parseEsiaDate('30.02.2020')).toBeUndefined();
    expect(parseEsiaDate('1991-03-08')).toBeUndefined();
    expect(parseEsiaDate(undefined)).toBeUndefined();
  });
});
