/**
 * Keys and tokens for the ESIA unit tests: a GOST client key + certificate (what the vendor
 * registers), and ESIA's own token keys (RSA and GOST) to issue access/id tokens like ESIA does.
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  type GostPublicKey,
  generateGostKeyPair,
  type Signer,
  signGostJwt,
  signJws,
} from '@goskit/crypto';

export const BASE = 'https://esia-portal1.test.gosuslugi.ru';
export const ISSUER = 'http://esia-portal1.test.gosuslugi.ru/';
export const CLIENT_ID = 'GOSKIT_TEST';
export const REDIRECT = 'https://school.example/callback';

export interface ClientKeys {
  signer: Signer;
  publicKey: GostPublicKey;
  certificatePem: string;
  certificateDer: Uint8Array;
}

let clientKeys: ClientKeys | undefined;

export function clientKeyPair(): ClientKeys {
  if (!clientKeys) {
    const pair = generateGostKeyPair();
    const cert = createSelfSignedCertificate({
      privateKey: pair.privateKey,
      subject: 'CN=GOSKIT_TEST,O=test',
    });
    clientKeys = {
      signer: createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: cert.der }),
      publicKey: pair.publicKey,
      certificatePem: cert.pem,
      certificateDer: cert.der,
    };
  }
  return clientKeys;
}

export interface IssuerKeys {
  rsa: CryptoKeyPair;
  rsaJwk: Record<string, unknown>;
  gostPrivate: ReturnType<typeof generateGostKeyPair>['privateKey'];
  gostCertificatePem: string;
}

const issuers = new Map<string, Promise<IssuerKeys>>();

/** ESIA's token keys (one set per label, so a test can "rotate" to another). */
export function issuerKeys(label = 'main'): Promise<IssuerKeys> {
  let keys = issuers.get(label);
  if (!keys) {
    keys = (async () => {
      const rsa = (await crypto.subtle.generateKey(
        {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: Uint8Array.of(1, 0, 1),
          hash: 'SHA-256',
        },
        true,
        ['sign', 'verify'],
      )) as CryptoKeyPair;
      const jwk = await crypto.subtle.exportKey('jwk', rsa.publicKey);
      const gost = generateGostKeyPair();
      const cert = createSelfSignedCertificate({ privateKey: gost.privateKey, subject: `CN=ESIA ${label}` });
      return {
        rsa,
        rsaJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid: `rsa-${label}`, alg: 'RS256', use: 'sig' },
        gostPrivate: gost.privateKey,
        gostCertificatePem: cert.pem,
      };
    })();
    issuers.set(label, keys);
  }
  return keys;
}

const nowSec = () => Math.floor(Date.now() / 1000);

export function accessClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSec();
  return {
    nbf: iat,
    scope: 'openid fullname?oid=1000299353 snils?oid=1000299353',
    iss: ISSUER,
    'urn:esia:sid': 'a1b2c3d4-0000-4000-8000-000000000001',
    'urn:esia:sbj_id': 1000299353,
    exp: iat + 3600,
    iat,
    client_id: CLIENT_ID,
    ...overrides,
  };
}

export function idClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSec();
  return {
    aud: CLIENT_ID,
    sub: 1000299353,
    nbf: iat,
    amr: 'PWD',
    'urn:esia:amd': 'PWD',
    auth_time: iat,
    iss: ISSUER,
    'urn:esia:sid': 'a1b2c3d4-0000-4000-8000-000000000001',
    'urn:esia:sbj': { typ: 'P', is_tru: true, oid: 1000299353, nam: 'OID.1000299353', lvl: 'PR' },
    exp: iat + 3600,
    iat,
    ...overrides,
  };
}

export async function rsaToken(
  claims: Record<string, unknown>,
  sbt: string,
  label = 'main',
): Promise<string> {
  const keys = await issuerKeys(label);
  return signJws(JSON.stringify(claims), keys.rsa.privateKey, {
    alg: 'RS256',
    kid: `rsa-${label}`,
    typ: 'JWT',
    header: { ver: 1, sbt },
  });
}

export async function gostToken(
  claims: Record<string, unknown>,
  sbt: string,
  label = 'main',
): Promise<string> {
  const keys = await issuerKeys(label);
  return signGostJwt(claims, keys.gostPrivate, { header: { ver: 1, sbt } });
}

/** A JWT with alg none (what fr05t1k's mock issues): must never be accepted. */
export function noneToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export async function jwksOf(label = 'main'): Promise<{ keys: Record<string, unknown>[] }> {
  const keys = await issuerKeys(label);
  return { keys: [keys.rsaJwk] };
}

/** The signed strings of the reference, spelled out here independently of @goskit/crypto. */
export const signedString = {
  ac: (p: URLSearchParams) =>
    `${p.get('client_id')}${p.get('scope')}${p.get('scope_org') ?? ''}${p.get('timestamp')}${p.get('state')}${p.get('redirect_uri')}`,
  te: (p: URLSearchParams) =>
    `${p.get('client_id')}${p.get('scope')}${p.get('scope_org') ?? ''}${p.get('timestamp')}${p.get('state')}${p.get('redirect_uri')}${p.get('code')}`,
};

export function decodeBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
