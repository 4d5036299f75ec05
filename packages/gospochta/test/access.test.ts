/**
 * Access against the goskit simulator's gospochta portal: client-credentials tokens fetched once for
 * concurrent callers and refreshed ahead of expiry; every token verified (allow-list, signature, iss,
 * aud, exp, role) before it is used; permissions checked locally and by the portal (403 naming the
 * permission) for every role × operation; a person signed in at the simulator's ESIA (real HTTP,
 * through @goskit/gosuslugi) and exchanged for a Gospochta token at the same simulator.
 */

import { createTokenProvider } from '@goskit/core';
import { createSoftwareGostSigner, signJws, toBase64Url, utf8 } from '@goskit/crypto';
import { createEsiaClient } from '@goskit/gosuslugi';
import { demoEsiaClient } from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThroughPages } from '../../gosuslugi/test/helpers/browser-walk.js';
import {
  AuthFailedError,
  createGospochtaClient,
  esiaSignIn,
  type GospochtaClient,
  OPERATION_PERMISSIONS,
  type OperationId,
  PermissionDeniedError,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  TokenInvalidError,
} from '../src/index.js';
import { minimalPdf } from './helpers/pdf.js';
import {
  ADMIN,
  createWorld,
  PARENT,
  PARENT_SYSTEM,
  SCHOOL,
  type SystemLogin,
  type World,
} from './helpers/setup.js';

let world: World;
beforeAll(async () => {
  world = await createWorld({
    data: {
      systems: [
        { clientId: 'rogue-1', clientSecret: 'rogue-secret-0001', role: 'superuser' },
        {
          clientId: 'reader-1',
          clientSecret: 'reader-secret-0001',
          role: 'operator',
          permissions: ['letters:read'],
        },
      ],
    },
  });
});
afterAll(() => world.close());

const system = (clientId: string): SystemLogin => {
  const secrets: Record<string, string> = {
    'rogue-1': 'rogue-secret-0001',
    'reader-1': 'reader-secret-0001',
  };
  return clientId === 'admin-1' ? ADMIN : { clientId, clientSecret: secrets[clientId] as string };
};

/** A token signed by a key the portal does not publish, under the portal's own key id. */
async function forge(claims: Record<string, unknown>): Promise<string> {
  const jwks = (await (await fetch(`${world.url}/oauth2/jwks`)).json()) as {
    keys: { kid: string }[];
  };
  const stranger = (await globalThis.crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const now = Math.floor(world.clock.now() / 1000);
  return signJws(
    JSON.stringify({ iss: world.url, aud: 'gospochta-api', iat: now, exp: now + 600, ...claims }),
    stranger.privateKey,
    { alg: 'RS256', kid: jwks.keys[0]?.kid as string, typ: 'JWT' },
  );
}

describe('tokens', () => {
  it('fetches one token for concurrent callers and refreshes it ahead of expiry', async () => {
    const school = world.client(SCHOOL);
    const before = world.state().tokensIssued;
    const sessions = await Promise.all(Array.from({ length: 8 }, () => school.session()));
    expect(new Set(sessions.map((s) => s.subject))).toEqual(new Set(['sys-demo-school']));
    expect(world.state().tokensIssued).toBe(before + 1);
    const first = await school.auth.getAccessToken();
    world.clock.advance(530_000); // lifetime 600 s, refreshed 60 s ahead
    expect(await school.auth.getAccessToken()).toBe(first);
    world.clock.advance(15_000);
    const second = await school.auth.getAccessToken();
    expect(second).not.toBe(first);
    expect(world.state().tokensIssued).toBe(before + 2);
    const claims = await school.auth.claims();
    expect(claims).toMatchObject({ subject: 'sys-demo-school', clientId: SCHOOL.clientId, role: 'operator' });
    expect(claims?.expiresAt.getTime()).toBeGreaterThan(world.clock.now());
  });

  it('reports a wrong client secret as AuthFailedError without the secret', async () => {
    const client = world.client({ ...SCHOOL, clientSecret: 'wrong-secret-123456' });
    const error = await client.session().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFailedError);
    expect(error).toMatchObject({ oauthError: 'invalid_client', status: 401 });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
  });

  it('refuses tokens with a wrong audience, issuer, signature, algorithm, expiry or role', async () => {
    const expectReason = async (client: GospochtaClient, reason: string) => {
      const error = await client.session().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenInvalidError);
      expect((error as TokenInvalidError).reason).toBe(reason);
    };
    const other = await createWorld({ portal: { audience: 'another-api' } });
    try {
      await expectReason(other.client(SCHOOL), 'TOKEN_CLAIM_INVALID');
    } finally {
      await other.close();
    }
    await expectReason(
      world.client(SCHOOL, { tokens: { issuer: 'https://elsewhere.example/gospochta' } }),
      'TOKEN_CLAIM_INVALID',
    );
    await expectReason(world.client(system('rogue-1')), 'ROLE_UNKNOWN');

    const provided = (token: string) =>
      world.client(SCHOOL, {
        auth: {
          type: 'token_provider',
          tokenProvider: createTokenProvider({
            fetchToken: async () => ({ token, expiresAt: world.clock.now() + 60_000 }),
            clock: world.clock,
          }),
        },
      });
    const claims = { sub: 'sys-demo-school', client_id: SCHOOL.clientId, role: 'operator' };
    await expectReason(provided(await forge(claims)), 'SIGNATURE_MISMATCH');
    const unsigned = `${toBase64Url(utf8('{"alg":"none","typ":"JWT"}'))}.${toBase64Url(utf8(JSON.stringify({ ...claims, iss: world.url, aud: 'gospochta-api', exp: 9e9 })))}.`;
    await expectReason(provided(unsigned), 'ALGORITHM_NOT_ALLOWED');
    const hs256 = await signJws(
      JSON.stringify({ ...claims, iss: world.url, aud: 'gospochta-api', exp: 9e9 }),
      utf8('a-shared-secret-of-32-bytes-long!'),
      { alg: 'HS256' },
    );
    await expectReason(provided(hs256), 'ALGORITHM_NOT_ALLOWED');
    const stale = await world.client(SCHOOL).auth.getAccessToken();
    world.clock.advance(700_000);
    await expectReason(provided(stale), 'TOKEN_EXPIRED');
  }, 60_000);

  it('verifies GOST3410_2012_256 tokens against pinned certificates, and refuses them outside the allow-list', async () => {
    const gost = await createWorld({ portal: { tokenAlg: 'GOST3410_2012_256' } });
    try {
      const pinned = gost.client(SCHOOL, {
        tokens: { keys: { certificates: [gost.trust.tokenCertificate] } },
      });
      expect((await pinned.session()).role).toBe('operator');
      const rsOnly = gost.client(SCHOOL, {
        tokens: { keys: { certificates: [gost.trust.tokenCertificate] }, algorithms: ['RS256'] },
      });
      await expect(rsOnly.session()).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
        reason: 'ALGORITHM_NOT_ALLOWED',
      });
    } finally {
      await gost.close();
    }
  }, 60_000);
});

/** One representative call per operation, for the role × operation matrix. */
function callFor(client: GospochtaClient, operation: OperationId): Promise<unknown> | undefined {
  const person = { lastName: PARENT.lastName, firstName: PARENT.firstName, snils: PARENT.snils };
  const calls: Partial<Record<OperationId, () => Promise<unknown>>> = {
    getSession: () => client.session(),
    getRoleMatrix: () => client.roleMatrix(),
    listInbox: () => client.letters.listInbox(),
    getLetter: () => client.letters.get('in_000001'),
    downloadAttachment: () => client.letters.downloadAttachment('in_000001', 'in_000001_scan'),
    markLetterRead: () => client.letters.markRead('in_000001'),
    listOutbox: () => client.outbox.listPage(),
    sendLetter: () =>
      client.outbox.send({
        recipient: person,
        documentType: 'notice',
        subject: 'Матрица ролей',
        attachments: [{ name: 'a.pdf', mediaType: 'application/pdf', content: minimalPdf(['matrix']) }],
      }),
    getOutgoingLetter: () => client.outbox.get('ltr_000001'),
    getDeliveryAct: () => client.outbox.deliveryAct('ltr_000001'),
    getDeliveryActPdf: () => client.outbox.deliveryActPdf('ltr_000001'),
    listWebhooks: () => client.webhooks.list(),
    createWebhook: () =>
      client.webhooks.create({ url: 'http://127.0.0.1:9/hook', events: ['letter.status_changed'] }),
    deleteWebhook: () => client.webhooks.delete('wh_999999'),
    searchCharges: () => client.payments.findCharges({ uin: world.uin }),
    listPayments: () => client.payments.list().toArray({ limit: 1 }),
    createPayment: () => client.payments.pay({ uin: world.uin, amount: 1, payer: person }),
    getPayment: () => client.payments.get('pay_999999'),
    getReceipt: () => client.payments.receipt('pay_999999'),
    getReceiptPdf: () => client.payments.receiptPdf('pay_999999'),
    listDocumentRequests: () => client.documents.list().toArray({ limit: 1 }),
    requestDocument: () => client.documents.request({ kind: 'other' }),
    getDocumentRequest: () => client.documents.get('req_999999'),
    renewDocumentLink: () => client.documents.renewLink('doc_999999'),
    downloadDocument: () =>
      client.documents.download(
        {
          id: 'doc_999999',
          name: 'x.pdf',
          mediaType: 'application/pdf',
          size: 1,
          sha256: '0'.repeat(64),
          streebog256: '0'.repeat(64),
          signature: 'AA==',
          link: {
            url: `/v1/documents/doc_999999/content?expires=9999999999999&sig=${'a'.repeat(43)}`,
            expiresAt: '2099-01-01T00:00:00Z',
          },
        },
        { renew: false },
      ),
    listAudit: () => client.audit().toArray({ limit: 1 }),
  };
  return calls[operation]?.();
}

describe('roles × operations', () => {
  const clients = (checkPermissions: boolean): Record<Role, GospochtaClient> => ({
    operator: world.client(SCHOOL, { checkPermissions }),
    client: world.client(PARENT_SYSTEM, { checkPermissions }),
    admin: world.client(system('admin-1'), { checkPermissions }),
  });
  const apiOperations = (Object.keys(OPERATION_PERMISSIONS) as OperationId[]).filter(
    (op) => op !== 'issueToken' && op !== 'getJwks',
  );

  for (const checkPermissions of [false, true]) {
    it(`every pair is allowed or refused as the matrix says (${checkPermissions ? 'refused before sending' : 'refused by the portal'})`, async () => {
      const byRole = clients(checkPermissions);
      const outcomes: string[] = [];
      for (const role of ROLES) {
        for (const operation of apiOperations) {
          const needed = OPERATION_PERMISSIONS[operation];
          const allowed = needed === null || ROLE_PERMISSIONS[role].includes(needed);
          const error = await (callFor(byRole[role], operation) as Promise<unknown>).then(
            () => undefined,
            (e: unknown) => e,
          );
          if (allowed) {
            expect(error, `${role} × ${operation}`).not.toBeInstanceOf(PermissionDeniedError);
          } else {
            expect(error, `${role} × ${operation}`).toBeInstanceOf(PermissionDeniedError);
            expect(error).toMatchObject({
              missingPermission: needed,
              role,
              source: checkPermissions ? 'local' : 'portal',
            });
          }
          outcomes.push(`${role}:${operation}:${allowed ? 'allowed' : 'denied'}`);
        }
      }
      expect(outcomes).toHaveLength(ROLES.length * apiOperations.length);
    });
  }

  it('narrows a role to the permissions its token names', async () => {
    const reader = world.client(system('reader-1'));
    expect(await reader.auth.can('letters:read')).toBe(true);
    expect(await reader.auth.can('letters:send')).toBe(false);
    await expect(reader.outbox.listPage()).rejects.toMatchObject({
      missingPermission: 'letters:send',
      source: 'local',
    });
    expect((await reader.session()).permissions).toEqual(['letters:read']);
  });
});

describe('a person signed in through ESIA', () => {
  it('exchanges the ESIA token from @goskit/gosuslugi for a Gospochta token, and re-exchanges ahead of expiry', async () => {
    // One standalone simulator with both portals, on real HTTP: the browser walk needs pages.
    const gp = await createWorld({ transport: 'http' });
    const sim = gp.sim;
    const esiaBase = (gp.server as NonNullable<typeof gp.server>).baseUrl('esia');
    try {
      const demo = demoEsiaClient(sim);
      const esia = createEsiaClient({
        environment: { baseUrl: esiaBase },
        clientId: demo.clientId,
        redirectUri: 'http://localhost:3000/callback',
        signer: createSoftwareGostSigner({
          privateKey: demo.privateKeyPem,
          certificate: demo.certificatePem,
        }),
        scopes: ['openid', 'fullname', 'snils'],
        accessType: 'offline',
        tokenKeys: { jwksUrl: `${esiaBase}/aas/oauth2/jwks` },
        clock: sim.clock,
      });
      const signIn = esiaSignIn(esia, { clientId: SCHOOL.clientId, clientSecret: SCHOOL.clientSecret });
      const { url } = await signIn.authorizationUrl();
      const callback = await loginThroughPages(url, 'http://localhost:3000/callback', {
        login: PARENT.login,
        password: PARENT.password,
      });
      const { auth, oid } = await signIn.complete(callback);
      expect(oid).toBe(PARENT.oid);
      const client = createGospochtaClient({
        baseUrl: gp.url,
        auth,
        packetKeys: { keys: [gp.key] },
        clock: gp.clock,
      });
      const session = await client.session();
      expect(session).toMatchObject({ subject: PARENT.oid, role: 'client', clientId: SCHOOL.clientId });
      const issued = gp.state().tokensIssued;
      gp.clock.advance(560_000);
      await client.session();
      expect(gp.state().tokensIssued).toBe(issued + 1);
      // An ESIA token the portal cannot verify is refused by the token endpoint.
      const forged = createGospochtaClient({
        baseUrl: gp.url,
        auth: {
          type: 'esia',
          clientId: SCHOOL.clientId,
          clientSecret: SCHOOL.clientSecret,
          esia: async () => 'not-an-esia-token',
        },
        packetKeys: { keys: [gp.key] },
        clock: gp.clock,
      });
      await expect(forged.session()).rejects.toMatchObject({
        code: 'AUTH_FAILED',
        oauthError: 'invalid_grant',
      });
    } finally {
      await gp.close();
    }
  }, 60_000);
});
