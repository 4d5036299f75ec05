/**
 * The gospochta portal's options and their defaults: tokens, signatures, the SLA (confirmation within
 * 5 minutes, 0.1% failures), the timing of letters and documents on the virtual clock, how addressees
 * behave, webhook retries. Everything a test may want to pin down is here; the data slice
 * (`data.gospochta`) may override the SLA per simulator.
 */
import { SimulatorError } from '../../engine/errors.js';

export type TokenAlgorithm = 'RS256' | 'ES256' | 'GOST3410_2012_256';
export type SignatureAlgorithm = 'GOST3410_2012_256' | 'RS256';

/** [min, max] milliseconds; a value is drawn uniformly per letter or document from its own stream. */
export type MsRange = readonly [number, number];

export interface GospochtaSlaOptions {
  /** Delivery confirmation (the first legal fact) within this long after acceptance. Default 300 000. */
  confirmWithinMs?: number | undefined;
  /** Share of letters that fail on the way (status `failed`). Default 0.001. */
  failureRate?: number | undefined;
  /** Share of letters confirmed after the deadline (to test SLA reports). Default 0. */
  lateRate?: number | undefined;
}

export interface GospochtaPortalOptions {
  /** Real origins MSW answers. Default ['https://geps.test.gosuslugi.ru']. */
  hosts?: string[];
  /** Access tokens: RS256 (default), ES256 or GOST3410_2012_256 (keys per seed). */
  tokenAlg?: TokenAlgorithm;
  /** Default 600. */
  tokenLifetimeSec?: number;
  /** `aud` of issued tokens. Default 'gospochta-api'. */
  audience?: string;
  /** Delivery acts, receipts (detached JWS) and agencies' documents (CMS). Default GOST3410_2012_256. */
  signatureAlg?: SignatureAlgorithm;
  sla?: GospochtaSlaOptions;
  timing?: {
    /** accepted → sent. Default 1 000. */
    sentAfterMs?: number;
    /** accepted → delivered. Default [10 000, 120 000], never past the SLA unless late. */
    deliveryMs?: MsRange;
    /** accepted → refused when the addressee has no consent flag. Default 30 000. */
    noConsentRefusalMs?: number;
    /** accepted → refused when no addressee has the СНИЛС. Default 5 000. */
    notFoundRefusalMs?: number;
    /** Document requests: pending → processing. Default 2 000. */
    documentProcessingMs?: number;
    /** Document requests: pending → ready. Default 10 000. */
    documentReadyMs?: number;
  };
  /** How addressees behave: share who read a delivered letter on their own, and when. Default none. */
  addressees?: { readRate?: number; readAfterMs?: MsRange };
  /** Lifetime of a document download link on the virtual clock. Default 600 000 (10 minutes). */
  documentLinkTtlMs?: number;
  webhooks?: {
    /** The fetch deliveries use. Default globalThis.fetch (pass undici's own fetch next to MSW). */
    fetch?: typeof fetch;
    /** Attempts before a delivery is given up. Default 8. */
    maxAttempts?: number;
    /** Wait before the 2nd attempt on the virtual clock, doubling after. Default 10 000. */
    firstRetryMs?: number;
    /** No answer within this long (real time) counts as a failed attempt. Default 10 000. */
    timeoutMs?: number;
    /** With a running clock, how often (real ms) due deliveries are sent. Default 1 000. */
    pollMs?: number;
  };
  /** Accepted packet clock skew, seconds. Default 300. */
  packetToleranceSec?: number;
  rateLimit?: { ratePerSecond?: number; burst?: number };
  /**
   * HTTP status of a SOAP fault: 'problem' (default) — the problem's own (400, 401, 403, 404, 422,
   * 429…, 500 for the portal's failures); 500 — always, as WS-I Basic Profile R1126 says.
   */
  soapFaultStatus?: 'problem' | 500;
}

export interface ResolvedSla {
  confirmWithinMs: number;
  failureRate: number;
  lateRate: number;
}

export interface ResolvedGospochtaOptions {
  hosts: string[];
  tokenAlg: TokenAlgorithm;
  tokenLifetimeSec: number;
  audience: string;
  signatureAlg: SignatureAlgorithm;
  sla: ResolvedSla;
  timing: {
    sentAfterMs: number;
    deliveryMs: MsRange;
    noConsentRefusalMs: number;
    notFoundRefusalMs: number;
    documentProcessingMs: number;
    documentReadyMs: number;
  };
  addressees: { readRate: number; readAfterMs: MsRange };
  documentLinkTtlMs: number;
  webhooks: {
    /** undefined: globalThis.fetch at the time of delivery (what MSW may have patched). */
    fetch: typeof fetch | undefined;
    maxAttempts: number;
    firstRetryMs: number;
    timeoutMs: number;
    pollMs: number;
  };
  packetToleranceSec: number;
  rateLimit: { ratePerSecond: number; burst: number };
  soapFaultStatus: 'problem' | 500;
}

export const DEFAULT_HOST = 'https://geps.test.gosuslugi.ru';

function bad(field: string, rule: string): never {
  throw new SimulatorError('INVALID_OPTIONS', `gospochtaPortal({ ${field} }): ${rule}`);
}

function rate(field: string, value: number | undefined, fallback: number): number {
  const out = value ?? fallback;
  if (!Number.isFinite(out) || out < 0 || out > 1) {
    bad(field, `must be a share from 0 to 1, got ${String(value)}`);
  }
  return out;
}

function ms(field: string, value: number | undefined, fallback: number, min = 0): number {
  const out = value ?? fallback;
  if (!Number.isFinite(out) || out < min || out > 366 * 86_400_000) {
    bad(field, `must be milliseconds from ${min} to a year, got ${String(value)}`);
  }
  return Math.round(out);
}

function range(field: string, value: MsRange | undefined, fallback: MsRange): MsRange {
  const [min, max] = value ?? fallback;
  const low = ms(`${field}[0]`, min, fallback[0]);
  const high = ms(`${field}[1]`, max, fallback[1]);
  if (high < low) {
    bad(field, `[min, max] with min ≤ max, got [${low}, ${high}]`);
  }
  return [low, high];
}

/** Checks the SLA part (options or `data.gospochta.sla`) and fills the defaults. */
export function resolveSla(input: GospochtaSlaOptions | undefined, base?: ResolvedSla): ResolvedSla {
  return {
    confirmWithinMs: ms(
      'sla.confirmWithinMs',
      input?.confirmWithinMs,
      base?.confirmWithinMs ?? 300_000,
      1000,
    ),
    failureRate: rate('sla.failureRate', input?.failureRate, base?.failureRate ?? 0.001),
    lateRate: rate('sla.lateRate', input?.lateRate, base?.lateRate ?? 0),
  };
}

export function resolveGospochtaOptions(options: GospochtaPortalOptions): ResolvedGospochtaOptions {
  const sla = resolveSla(options.sla);
  const timing = options.timing ?? {};
  const sentAfterMs = ms('timing.sentAfterMs', timing.sentAfterMs, 1000);
  const ceiling = Math.max(sentAfterMs, sla.confirmWithinMs - 1000);
  const deliveryMs = range('timing.deliveryMs', timing.deliveryMs, [
    Math.min(10_000, ceiling),
    Math.min(120_000, ceiling),
  ]);
  if (deliveryMs[0] < sentAfterMs) {
    bad('timing.deliveryMs', `must start after timing.sentAfterMs (${sentAfterMs})`);
  }
  const tokenAlg = options.tokenAlg ?? 'RS256';
  if (!['RS256', 'ES256', 'GOST3410_2012_256'].includes(tokenAlg)) {
    bad('tokenAlg', `RS256, ES256 or GOST3410_2012_256, got ${String(tokenAlg)}`);
  }
  const signatureAlg = options.signatureAlg ?? 'GOST3410_2012_256';
  if (!['RS256', 'GOST3410_2012_256'].includes(signatureAlg)) {
    bad('signatureAlg', `RS256 or GOST3410_2012_256, got ${String(signatureAlg)}`);
  }
  const tokenLifetimeSec = options.tokenLifetimeSec ?? 600;
  if (!Number.isInteger(tokenLifetimeSec) || tokenLifetimeSec < 10 || tokenLifetimeSec > 86_400) {
    bad('tokenLifetimeSec', `an integer from 10 to 86400, got ${String(tokenLifetimeSec)}`);
  }
  const webhooks = options.webhooks ?? {};
  const maxAttempts = webhooks.maxAttempts ?? 8;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) {
    bad('webhooks.maxAttempts', `an integer from 1 to 20, got ${String(maxAttempts)}`);
  }
  const packetToleranceSec = options.packetToleranceSec ?? 300;
  if (!Number.isFinite(packetToleranceSec) || packetToleranceSec <= 0 || packetToleranceSec > 86_400) {
    bad('packetToleranceSec', `seconds in (0, 86400], got ${String(packetToleranceSec)}`);
  }
  const hosts = options.hosts ?? [DEFAULT_HOST];
  return {
    hosts,
    tokenAlg,
    tokenLifetimeSec,
    audience: options.audience ?? 'gospochta-api',
    signatureAlg,
    sla,
    timing: {
      sentAfterMs,
      deliveryMs,
      noConsentRefusalMs: ms('timing.noConsentRefusalMs', timing.noConsentRefusalMs, 30_000, sentAfterMs),
      notFoundRefusalMs: ms('timing.notFoundRefusalMs', timing.notFoundRefusalMs, 5_000),
      documentProcessingMs: ms('timing.documentProcessingMs', timing.documentProcessingMs, 2_000),
      documentReadyMs: ms('timing.documentReadyMs', timing.documentReadyMs, 10_000),
    },
    addressees: {
      readRate: rate('addressees.readRate', options.addressees?.readRate, 0),
      readAfterMs: range('addressees.readAfterMs', options.addressees?.readAfterMs, [60_000, 86_400_000]),
    },
    documentLinkTtlMs: ms('documentLinkTtlMs', options.documentLinkTtlMs, 600_000, 1000),
    webhooks: {
      fetch: webhooks.fetch,
      maxAttempts,
      firstRetryMs: ms('webhooks.firstRetryMs', webhooks.firstRetryMs, 10_000, 1),
      timeoutMs: ms('webhooks.timeoutMs', webhooks.timeoutMs, 10_000, 1),
      pollMs: ms('webhooks.pollMs', webhooks.pollMs, 1_000, 10),
    },
    packetToleranceSec,
    soapFaultStatus: options.soapFaultStatus === 500 ? 500 : 'problem',
    rateLimit: {
      ratePerSecond: options.rateLimit?.ratePerSecond ?? 50,
      burst: options.rateLimit?.burst ?? 100,
    },
  };
}
