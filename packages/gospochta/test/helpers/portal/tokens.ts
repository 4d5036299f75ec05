/**
 * The test portal's token endpoint: client credentials for registered systems and RFC 8693 exchange
 * of a real ESIA access token (verified against the ESIA simulator's JWKS) for a person. Tokens are
 * RS256 JWTs (JWKS at /oauth2/jwks) or GOST3410_2012_256 (verified by certificate).
 */
import {
  createSelfSignedCertificate,
  generateGostKeyPair,
  type JwtKeyResolver,
  remoteJwksKeys,
  signGostJwt,
  signJws,
  verifyJwt,
} from '@goskit/crypto';
import type { TestClock } from '../clock.js';

export interface PortalSystem {
  clientId: string;
  clientSecret: string;
  /** Any string: a role outside operator/client/admin is issued as it is (the client must refuse it). */
  role: string;
  subject: string;
  organisation?: { name: string; ogrn?: string; inn?: string };
  /** Narrower permissions written into the token. */
  permissions?: readonly string[];
}

export interface PortalPerson {
  oid: string;
  snils: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  inn?: string;
  /** The Gosuslugi profile's consent to receive ГЭПС letters. */
  consent: boolean;
}

export interface TokenIssuerOptions {
  clock: TestClock;
  alg: 'RS256' | 'GOST3410_2012_256';
  lifetimeSec: number;
  audience?: string;
  esiaJwksUrl?: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export interface TokenIssuer {
  jwks(): Promise<{ keys: Record<string, unknown>[] }>;
  /** Certificates of GOST token keys (clients pin them). */
  readonly certificates: string[];
  issue(claims: Record<string, unknown>, issuer: string): Promise<IssuedToken>;
  verify(token: string, issuer: string): Promise<Record<string, unknown> | undefined>;
  esiaSubject(token: string): Promise<string | undefined>;
  /** Signs a token with a key the portal does not publish (for negative tests). */
  forge(claims: Record<string, unknown>, issuer: string): Promise<string>;
}

export async function createTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const params = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  const rsa = (await globalThis.crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const stranger = (await globalThis.crypto.subtle.generateKey(params, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const gost = generateGostKeyPair('tc26-256-A');
  const gostCertificate = createSelfSignedCertificate({
    privateKey: gost.privateKey,
    subject: 'CN=Gospochta tokens (test)',
    days: 30,
  });
  const jwk = {
    ...(await globalThis.crypto.subtle.exportKey('jwk', rsa.publicKey)),
    kid: 'portal-rs-1',
    alg: 'RS256',
    use: 'sig',
  };
  const audience = options.audience ?? 'gospochta-api';
  const esiaKeys: JwtKeyResolver | undefined = options.esiaJwksUrl
    ? remoteJwksKeys(options.esiaJwksUrl)
    : undefined;
  const body = (claims: Record<string, unknown>, issuer: string) => {
    const now = Math.floor(options.clock.now() / 1000);
    return {
      iss: issuer,
      aud: audience,
      iat: now,
      exp: now + options.lifetimeSec,
      jti: globalThis.crypto.randomUUID(),
      ...claims,
    };
  };
  return {
    async jwks() {
      return { keys: [jwk as unknown as Record<string, unknown>] };
    },
    certificates: [gostCertificate.pem],
    async issue(claims, issuer) {
      const payload = body(claims, issuer);
      const token =
        options.alg === 'RS256'
          ? await signJws(JSON.stringify(payload), rsa.privateKey, {
              alg: 'RS256',
              kid: 'portal-rs-1',
              typ: 'JWT',
            })
          : await signGostJwt(payload, gost.privateKey);
      return { token, expiresIn: options.lifetimeSec };
    },
    async verify(token, issuer) {
      try {
        const { payload } = await verifyJwt(token, {
          algorithms: ['RS256', 'GOST3410_2012_256'],
          keys: {
            resolve: async (header) =>
              header.alg === 'GOST3410_2012_256'
                ? [{ kind: 'gost', key: gost.publicKey }]
                : [{ kind: 'jose', key: rsa.publicKey }],
          },
          issuer,
          audience,
          now: () => options.clock.now(),
        });
        return payload;
      } catch {
        return undefined;
      }
    },
    async esiaSubject(token) {
      if (!esiaKeys) {
        return undefined;
      }
      try {
        const { payload } = await verifyJwt(token, {
          algorithms: ['RS256', 'GOST3410_2012_256'],
          keys: esiaKeys,
          now: () => options.clock.now(),
          clockToleranceSec: 300,
        });
        const oid = payload['urn:esia:sbj_id'];
        return oid === undefined ? undefined : String(oid);
      } catch {
        return undefined;
      }
    },
    async forge(claims, issuer) {
      return signJws(JSON.stringify(body(claims, issuer)), stranger.privateKey, {
        alg: 'RS256',
        kid: 'portal-rs-1',
        typ: 'JWT',
      });
    },
  };
}
