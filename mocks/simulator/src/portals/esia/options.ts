/**
 * Options of the ESIA portal. Every behaviour the reference marks [unconfirmed] is a switch here,
 * with the most plausible choice as default (see docs/esia-portal.md).
 */
/** Refresh signed-string variants, named after the clients that use them (see @goskit/crypto esiaSignedString). */
export type EsiaRefreshVariant = 'ilimurzin' | 'aisgorod';

export type EsiaTokenAlg = 'RS256' | 'GOST3410_2012_256';

export interface EsiaPortalOptions {
  /** Token, code and id_token signature algorithm. Default 'RS256' (ESIA lets each system choose). */
  tokenAlg?: EsiaTokenAlg;
  /** Accepted distance between the request `timestamp` and the virtual clock, minutes. Default 5. */
  timestampSkewMinutes?: number;
  /** Authorization code lifetime, seconds. Default 240 (exp = iat + 240 in real codes). */
  codeTtlSeconds?: number;
  /** Access/id token lifetime, seconds. Default 3600 (exp = iat + 3600 in decoded real tokens). */
  accessTtlSeconds?: number;
  /**
   * Lifetime of a token issued under consents (`permissions`, e.g. APIPGU for EPGU), seconds — the
   * first login's and every `prm_chg?oid=` renewal's. Default 86 400: «Время жизни маркера доступа
   * ЕСИА для работы с АПИ ЕПГУ составляет 1 сутки» (go-api-epgu) [one source; unconfirmed].
   */
  permissionTokenTtlSeconds?: number;
  /** When a refresh_token is issued [unconfirmed]. Default 'offline' (only with access_type=offline). */
  refreshTokens?: 'offline' | 'always' | 'never';
  /** Which string the refresh_token client_secret signs [unconfirmed]. Default 'ilimurzin'; 'either' accepts both. */
  refreshSignedString?: EsiaRefreshVariant | 'either';
  /** Whether a code may be exchanged twice [unconfirmed]. Default true (second use → ESIA-007011). */
  singleUseCodes?: boolean;
  /** v3/te must send a state other than the v2/ac one (the reference: "a new UUID") [unconfirmed]. Default true. */
  requireNewState?: boolean;
  /** Wrong passwords in a row before the lock. Default 3. */
  maxPasswordAttempts?: number;
  /** Lock after too many wrong passwords, virtual minutes. Default 5. */
  lockMinutes?: number;
  /** The fixed SMS confirmation code shown on the login page as a demo hint. Default '123456'. */
  confirmationCode?: string;
  /** How long a pending authorization request waits for the login, virtual minutes. Default 30. */
  loginTimeoutMinutes?: number;
  /** Registered redirect URIs match by 'prefix' (default, [unconfirmed]) or 'exact'. */
  redirectUriMatch?: 'prefix' | 'exact';
  /** Rate limit of the portal (HTTP 429 + Retry-After). Default 50 requests/s, burst 100. */
  rateLimit?: { ratePerSecond?: number; burst?: number };
  /** JWT `iss`. Default: the test stand's 'http://esia-portal1.test.gosuslugi.ru/'; production host → production iss. */
  issuer?: string;
  /**
   * Byte order of the GOST client_secret signature that verifies. Default 'openssl': the order real
   * ESIA checks — what OpenSSL writes, and what clients send after reversing CryptoPro's csptest
   * output (ilimurzin/esia, go-api-epgu) [unconfirmed]; a CryptoPro-order signature gets ESIA-007053
   * naming the mistake. 'either' (lenient) also accepts the reversed order.
   */
  signatureByteOrder?: 'openssl' | 'either';
}

export interface ResolvedEsiaOptions {
  tokenAlg: EsiaTokenAlg;
  timestampSkewMinutes: number;
  codeTtlSeconds: number;
  accessTtlSeconds: number;
  permissionTokenTtlSeconds: number;
  refreshTokens: 'offline' | 'always' | 'never';
  refreshSignedString: EsiaRefreshVariant | 'either';
  singleUseCodes: boolean;
  requireNewState: boolean;
  maxPasswordAttempts: number;
  lockMinutes: number;
  confirmationCode: string;
  loginTimeoutMinutes: number;
  redirectUriMatch: 'prefix' | 'exact';
  rateLimit: { ratePerSecond: number; burst: number };
  issuer: string | undefined;
  signatureByteOrder: 'openssl' | 'either';
}

export const TEST_ISSUER = 'http://esia-portal1.test.gosuslugi.ru/';
export const PRODUCTION_ISSUER = 'http://esia.gosuslugi.ru/';
export const ESIA_HOSTS = ['https://esia-portal1.test.gosuslugi.ru', 'https://esia.gosuslugi.ru'];

export function resolveEsiaOptions(options: EsiaPortalOptions = {}): ResolvedEsiaOptions {
  return {
    tokenAlg: options.tokenAlg ?? 'RS256',
    timestampSkewMinutes: options.timestampSkewMinutes ?? 5,
    codeTtlSeconds: options.codeTtlSeconds ?? 240,
    accessTtlSeconds: options.accessTtlSeconds ?? 3600,
    permissionTokenTtlSeconds: options.permissionTokenTtlSeconds ?? 86_400,
    refreshTokens: options.refreshTokens ?? 'offline',
    refreshSignedString: options.refreshSignedString ?? 'ilimurzin',
    singleUseCodes: options.singleUseCodes ?? true,
    requireNewState: options.requireNewState ?? true,
    maxPasswordAttempts: options.maxPasswordAttempts ?? 3,
    lockMinutes: options.lockMinutes ?? 5,
    confirmationCode: options.confirmationCode ?? '123456',
    loginTimeoutMinutes: options.loginTimeoutMinutes ?? 30,
    redirectUriMatch: options.redirectUriMatch ?? 'prefix',
    rateLimit: {
      ratePerSecond: options.rateLimit?.ratePerSecond ?? 50,
      burst: options.rateLimit?.burst ?? 100,
    },
    issuer: options.issuer,
    signatureByteOrder: options.signatureByteOrder ?? 'openssl',
  };
}

/** The `iss` for a request: production host → production issuer, anything else → the test stand's. */
export function issuerFor(options: ResolvedEsiaOptions, baseUrl: string): string {
  if (options.issuer) {
    return options.issuer;
  }
  return baseUrl.startsWith('https://esia.gosuslugi.ru') ? PRODUCTION_ISSUER : TEST_ISSUER;
}
