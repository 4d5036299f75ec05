/**
 * A `fetch` that presents a client certificate (mutual TLS), for `createGospochtaClient({ tls })` or
 * any core transport. Node 20's global fetch has no public way to set a client certificate, so this
 * uses undici's own `fetch` with an undici `Agent` whose `connect` carries `{ cert, key, ca }`.
 * The material is checked at once with node:tls (unreadable PEM, wrong passphrase, key that does not
 * match the certificate) and the leaf certificate's validity with node:crypto, so a bad setup fails
 * here with a TlsConfigError naming the part, not later as an opaque handshake error.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext, type TLSSocket } from 'node:tls';
import type { Clock } from '@goskit/core';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { TlsConfigError } from '../errors/tls-config-error.js';
import { TlsRejectedError } from '../errors/tls-rejected-error.js';
import { probeHandshake } from './handshake-probe.js';
import { tlsRejection } from './tls-failure.js';
import { readTlsMaterial, type TlsMaterial } from './tls-material.js';

export interface ClientTlsOptions {
  /** The client certificate, PEM, optionally followed by its intermediate chain. */
  cert: TlsMaterial;
  /** Its private key, PEM (PKCS#8 or traditional), encrypted when `passphrase` is given. */
  key: TlsMaterial;
  passphrase?: string;
  /** CA certificate(s) the portal's server certificate must chain to. Default: Node's bundled roots. */
  ca?: TlsMaterial | readonly TlsMaterial[];
  /** SNI / name checked in the server certificate. Default: the URL's host. */
  servername?: string;
  /** Default 'TLSv1.2'. */
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Refuse a client certificate that is expired or not yet valid, before connecting. Default true. */
  checkValidity?: boolean;
  /** Clock for the validity check. */
  clock?: Clock;
  /**
   * How long an idle connection is kept for the next request, ms — also the cap on what the portal's
   * `Keep-Alive: timeout=` hint may ask for. Default: undici's (4 s, or the hint less one second).
   */
  keepAliveTimeoutMs?: number;
}

/** What a client certificate is, for logs and checks (no key material). */
export interface ClientCertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  fingerprint256: string;
}

export interface MtlsFetch {
  fetch: typeof fetch;
  certificate: ClientCertificateInfo;
  /** Closes the agent's sockets. */
  close(): Promise<void>;
}

function classify(error: unknown): { part: 'cert' | 'key' | 'passphrase' | 'pair' | 'ca'; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (/bad decrypt|bad password|passphrase/i.test(message)) {
    return { part: 'passphrase', reason: 'wrong-passphrase' };
  }
  if (/key values mismatch|KEY_VALUES_MISMATCH/i.test(message)) {
    return { part: 'pair', reason: 'key-mismatch' };
  }
  if (/PRIVATE KEY|DECODER|key/i.test(message)) {
    return { part: 'key', reason: 'unreadable' };
  }
  return { part: 'cert', reason: 'unreadable' };
}

/**
 * The portal closed the connection right after the handshake: it refused our certificate. Name the
 * likely reason from what the client can see itself — its validity on the real clock, and whether it
 * was issued by one of the CAs it trusts for the portal (goskit's portals issue client certificates
 * from the CA that signs their server certificate).
 */
function refusedCertificate(
  leaf: X509Certificate,
  ca: Buffer[] | undefined,
  cause: unknown,
): TlsRejectedError {
  const now = Date.now();
  if (now > Date.parse(leaf.validTo)) {
    return new TlsRejectedError(
      'expired',
      `the portal closed the connection: the client certificate expired at ${new Date(leaf.validTo).toISOString()}`,
      { cause },
    );
  }
  if (now < Date.parse(leaf.validFrom)) {
    return new TlsRejectedError(
      'expired',
      'the portal closed the connection: the client certificate is not valid yet',
      { cause },
    );
  }
  if (ca && ca.length > 0) {
    const issued = ca.some((item) => {
      try {
        const authority = new X509Certificate(item);
        return leaf.checkIssued(authority) && leaf.verify(authority.publicKey);
      } catch {
        return false;
      }
    });
    if (!issued) {
      return new TlsRejectedError(
        'unknown-ca',
        "the portal closed the connection: the client certificate was not issued by the portal's CA",
        { cause },
      );
    }
  }
  return new TlsRejectedError(
    'refused',
    'the portal closed the connection right after the TLS handshake: it refused the client certificate',
    { cause },
  );
}

/** Sessions kept per client, at most this many origins (a client talks to one portal). */
const MAX_SESSIONS = 16;

/**
 * undici's connector keeps TLS sessions behind WeakRefs, so the first garbage collection forgets them
 * and the next connection makes a full handshake (both certificates sent and verified again). This
 * one keeps the newest session of each origin, and hands it to the next connection to resume.
 */
function resumingConnector(connectOptions: buildConnector.BuildOptions): buildConnector.connector {
  const sessions = new Map<string, Buffer>();
  return (target, callback) => {
    const key = `${target.servername ?? ''}|${target.hostname}:${target.port}`;
    const session = sessions.get(key);
    const connect = buildConnector({
      ...connectOptions,
      maxCachedSessions: 0,
      ...(session === undefined ? {} : { session }),
    });
    // undici's connector returns the socket it made (its type says void).
    const socket = connect(target, callback) as unknown as TLSSocket | undefined;
    socket?.on?.('session', (next: Buffer) => {
      sessions.delete(key);
      if (sessions.size >= MAX_SESSIONS) {
        sessions.delete(sessions.keys().next().value as string);
      }
      sessions.set(key, next);
    });
  };
}

export function createMtlsFetch(options: ClientTlsOptions): MtlsFetch {
  if (!options || options.cert === undefined || options.key === undefined) {
    throw new TlsConfigError('cert', 'missing', 'tls needs both cert and key');
  }
  const cert = readTlsMaterial(options.cert, 'cert');
  const key = readTlsMaterial(options.key, 'key');
  const caList = options.ca === undefined ? undefined : Array.isArray(options.ca) ? options.ca : [options.ca];
  const ca = caList?.map((item) => readTlsMaterial(item as TlsMaterial, 'ca'));
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch (cause) {
    throw new TlsConfigError('cert', 'unreadable', 'cert is not a PEM or DER certificate', { cause });
  }
  if (ca) {
    ca.forEach((item, index) => {
      try {
        new X509Certificate(item);
      } catch (cause) {
        throw new TlsConfigError('ca', 'unreadable', `ca[${index}] is not a PEM or DER certificate`, {
          cause,
        });
      }
    });
  }
  try {
    createSecureContext({
      cert,
      key,
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
  } catch (cause) {
    const { part, reason } = classify(cause);
    throw new TlsConfigError(
      part,
      reason,
      `the client ${part === 'pair' ? 'key does not match the certificate' : `${part} cannot be used`}`,
      {
        cause,
      },
    );
  }
  // OpenSSL keeps a key of another type (an RSA key beside an EC certificate) in a slot of its own
  // without complaint: compare the pair itself.
  let matches = false;
  try {
    matches = leaf.checkPrivateKey(
      createPrivateKey({
        key,
        ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
      }),
    );
  } catch {
    matches = false;
  }
  if (!matches) {
    throw new TlsConfigError('pair', 'key-mismatch', 'the client key does not match the certificate');
  }
  const info: ClientCertificateInfo = {
    subject: leaf.subject,
    issuer: leaf.issuer,
    serialNumber: leaf.serialNumber,
    validFrom: new Date(leaf.validFrom),
    validTo: new Date(leaf.validTo),
    fingerprint256: leaf.fingerprint256,
  };
  if (options.checkValidity ?? true) {
    const now = (options.clock ?? { now: () => Date.now() }).now();
    if (now > info.validTo.getTime()) {
      throw new TlsConfigError(
        'cert',
        'expired',
        `the client certificate expired at ${info.validTo.toISOString()}`,
      );
    }
    if (now < info.validFrom.getTime()) {
      throw new TlsConfigError(
        'cert',
        'not-yet-valid',
        `the client certificate is valid only from ${info.validFrom.toISOString()}`,
      );
    }
  }
  const connectOptions = {
    cert,
    key,
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    ...(ca ? { ca } : {}),
    ...(options.servername === undefined ? {} : { servername: options.servername }),
    minVersion: options.minVersion ?? ('TLSv1.2' as const),
    rejectUnauthorized: true,
  };
  // One agent for the client's life: its connections stay open between requests (keep-alive), and a
  // new connection resumes the last TLS session instead of a full handshake with certificates.
  const agent = new Agent({
    ...(options.keepAliveTimeoutMs === undefined
      ? {}
      : { keepAliveTimeout: options.keepAliveTimeoutMs, keepAliveMaxTimeout: options.keepAliveTimeoutMs }),
    connect: resumingConnector(connectOptions),
  });
  const mtlsFetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await undiciFetch(input as Parameters<typeof undiciFetch>[0], {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher: agent,
      });
    } catch (error) {
      if (init?.signal?.aborted || tlsRejection(error)) {
        throw error;
      }
      // A bare close tells nothing: ask the handshake itself what the portal objected to.
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.protocol !== 'https:') {
        throw error;
      }
      const outcome = await probeHandshake(url, connectOptions);
      if (outcome.kind === 'alert' && tlsRejection(outcome.error)) {
        throw tlsRejection(outcome.error);
      }
      if (outcome.kind === 'closed-after-handshake') {
        throw refusedCertificate(leaf, ca, error);
      }
      throw error;
    }
  }) as unknown as typeof fetch;
  return { fetch: mtlsFetch, certificate: info, close: () => agent.close() };
}
