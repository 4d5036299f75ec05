/**
 * A small Госпочта portal for the client's tests, on a real loopback socket (node:http, or node:https
 * requiring a client certificate). It speaks the contract with the package's own packet codec (verify
 * requests, build responses), checks bearer tokens, roles, idempotency keys, and keeps state on a
 * virtual clock. Faults can be queued per operation: a status, a reset before acting, or a lost
 * answer after acting (the case idempotency exists for). It is a test double until the simulator's
 * `gospochta` portal exists — not a second implementation to maintain.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { canonicalJson, utf8 } from '@goskit/crypto';
import {
  createPacketCodec,
  effectivePermissions,
  isRole,
  OPERATION_PERMISSIONS,
  type PacketCodec,
  PacketError,
  type PacketKey,
  type Role,
} from '../../../src/index.js';
import type { TestClock } from '../clock.js';
import { type Caller, PortalProblem, ROUTES, type RouteResult } from './routes.js';
import { createState, type PortalSigners, type PortalState } from './state.js';
import { createTokenIssuer, type PortalPerson, type PortalSystem, type TokenIssuer } from './tokens.js';

export const PORTAL_PREFIX = '/gospochta';

export type PortalFault =
  | { operation: string; kind: 'status'; status: number; retryAfter?: string; code?: string }
  | { operation: string; kind: 'reset' }
  | { operation: string; kind: 'lose-answer' }
  | { operation: string; kind: 'redirect'; location: string }
  | { operation: string; kind: 'tamper-response'; where: 'body' | 'mac' };

export interface TestPortalOptions {
  clock: TestClock;
  packetKeys: PacketKey[];
  systems: PortalSystem[];
  persons: PortalPerson[];
  signers: PortalSigners;
  tokenAlg?: 'RS256' | 'GOST3410_2012_256';
  tokenLifetimeSec?: number;
  esiaJwksUrl?: string;
  /** Token audience to issue (a wrong one makes clients refuse the token). */
  audience?: string;
}

export interface PortalAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Destroy the socket instead of answering. */
  drop?: boolean;
}

export interface TestPortal {
  readonly state: PortalState;
  readonly faults: PortalFault[];
  readonly tokens: TokenIssuer;
  readonly codec: PacketCodec;
  /** `http(s)://127.0.0.1:<port>/gospochta`, once listening. */
  url: string;
  listen(): Promise<string>;
  listenTls(tls: { key: string; cert: string; ca: string }): Promise<string>;
  close(): Promise<void>;
  /** POSTs an event to a subscription's URL as a webhook packet, retrying until a 2xx (at most `attempts`). */
  deliver(
    subscriptionId: string,
    event: Record<string, unknown> & { eventId: string },
    attempts?: number,
  ): Promise<number[]>;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): PortalAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: utf8(JSON.stringify(value)),
});

function problem(
  status: number,
  code: string,
  requestId: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): PortalAnswer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId, ...headers },
    body: utf8(
      JSON.stringify({
        type: 'https://github.com/goskit/goskit/blob/main/docs/gospochta.en.md#errors',
        title: code,
        status,
        code,
        requestId,
        ...extra,
      }),
    ),
  };
}

export async function createTestPortal(options: TestPortalOptions): Promise<TestPortal> {
  const state = createState(options.persons);
  const faults: PortalFault[] = [];
  const tokens = await createTokenIssuer({
    clock: options.clock,
    alg: options.tokenAlg ?? 'RS256',
    lifetimeSec: options.tokenLifetimeSec ?? 600,
    ...(options.audience ? { audience: options.audience } : {}),
    ...(options.esiaJwksUrl ? { esiaJwksUrl: options.esiaJwksUrl } : {}),
  });
  const codec = createPacketCodec({ keys: { keys: options.packetKeys }, clock: options.clock });
  const linkSecret = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let server: Server | undefined;
  const portal: TestPortal = {
    state,
    faults,
    tokens,
    codec,
    url: '',
    listen: () => start(createHttpServer(serve), 'http'),
    listenTls: (tls) =>
      start(createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, serve), 'https'),
    async close() {
      const current = server;
      server = undefined;
      if (current) {
        current.closeAllConnections();
        await new Promise<void>((resolve) => current.close(() => resolve()));
      }
    },
    async deliver(subscriptionId, event, attempts = 3) {
      const hook = state.webhooks.get(subscriptionId);
      if (!hook) {
        throw new Error(`no subscription ${subscriptionId}`);
      }
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const packet = await codec.buildWebhook({
          subscriptionId,
          deliveryId: `dlv_${event.eventId}_${attempt}`,
          event,
        });
        const response = await fetch(hook.url, {
          method: 'POST',
          headers: packet.headers,
          body: packet.body as Uint8Array<ArrayBuffer>,
        });
        await response.arrayBuffer();
        statuses.push(response.status);
        if (response.ok) {
          break;
        }
      }
      return statuses;
    },
  };

  function start(created: Server, scheme: 'http' | 'https'): Promise<string> {
    server = created;
    return new Promise((resolve) => {
      created.listen(0, '127.0.0.1', () => {
        portal.url = `${scheme}://127.0.0.1:${(created.address() as AddressInfo).port}${PORTAL_PREFIX}`;
        resolve(portal.url);
      });
    });
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') {
        headers[name] = value;
      }
    }
    const answer = await handle(
      request.method ?? 'GET',
      request.url ?? '/',
      headers,
      new Uint8Array(Buffer.concat(chunks)),
    );
    if (answer.drop) {
      request.socket.destroy();
      return;
    }
    state.wire.push({ direction: 'out', headers: answer.headers, body: answer.body });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  async function handle(
    method: string,
    rawUrl: string,
    headers: Record<string, string>,
    body: Uint8Array,
  ): Promise<PortalAnswer> {
    state.wire.push({ direction: 'in', headers, body });
    const url = new URL(rawUrl, 'http://portal.invalid');
    if (!url.pathname.startsWith(`${PORTAL_PREFIX}/`)) {
      return problem(404, 'NOT_FOUND', 'none');
    }
    const path = url.pathname.slice(PORTAL_PREFIX.length);
    const issuer = portal.url;
    if (path === '/oauth2/jwks' && method === 'GET') {
      return json(200, await tokens.jwks());
    }
    if (path === '/oauth2/token' && method === 'POST') {
      return token(headers, body, issuer);
    }
    const requestId = headers['x-request-id'] ?? 'missing';
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
    if (!route) {
      return problem(404, 'NOT_FOUND', requestId);
    }
    const operation = route.operation;
    const fault = takeFault(operation);
    if (fault?.kind === 'reset') {
      return { status: 0, headers: {}, body: new Uint8Array(0), drop: true };
    }
    if (fault?.kind === 'redirect') {
      return {
        status: 307,
        headers: { location: fault.location, 'x-request-id': requestId },
        body: new Uint8Array(0),
      };
    }
    if (fault?.kind === 'status') {
      return problem(
        fault.status,
        fault.code ?? (fault.status === 503 ? 'UNAVAILABLE' : 'INTERNAL'),
        requestId,
        {},
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    let caller: Caller | undefined;
    const answer = await (async (): Promise<PortalAnswer> => {
      const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
      const claims = bearer ? await tokens.verify(bearer, issuer) : undefined;
      if (!claims) {
        return problem(
          401,
          'UNAUTHORIZED',
          requestId,
          {},
          { 'www-authenticate': 'Bearer realm="gospochta", error="invalid_token"' },
        );
      }
      const role = String(claims.role);
      if (!isRole(role)) {
        return problem(403, 'ROLE_UNKNOWN', requestId, { role });
      }
      const permissions = [
        ...effectivePermissions(
          role as Role,
          Array.isArray(claims.permissions) ? (claims.permissions as string[]) : undefined,
        ),
      ];
      const system = options.systems.find((s) => s.clientId === claims.client_id);
      const person = state.persons.find((p) => p.oid === claims.sub);
      caller = {
        clientId: String(claims.client_id),
        subject: String(claims.sub),
        role,
        permissions,
        expiresAt: Number(claims.exp) * 1000,
        ...(system?.organisation && !person ? { organisation: system.organisation } : {}),
        ...(person ? { person } : {}),
      };
      const needed = OPERATION_PERMISSIONS[operation];
      if (needed !== null && !permissions.includes(needed)) {
        return problem(
          403,
          'PERMISSION_DENIED',
          requestId,
          { missingPermission: needed, role },
          {
            'www-authenticate': `Bearer realm="gospochta", error="insufficient_scope", scope="${needed}"`,
          },
        );
      }
      const target = `${path}${url.search}`;
      let verified: Awaited<ReturnType<PacketCodec['verifyRequest']>>;
      try {
        verified = await codec.verifyRequest({ method, target, headers, body });
      } catch (error) {
        if (error instanceof PacketError) {
          return problem(400, 'PACKET_REJECTED', requestId, {
            packetCheck: error.check,
            ...(error.field ? { field: error.field } : {}),
          });
        }
        throw error;
      }
      const decrypted = (verified.json ?? {}) as Record<string, unknown>;
      const idempotent =
        operation === 'sendLetter' || operation === 'createPayment' || operation === 'requestDocument';
      let slot: string | undefined;
      let fingerprint = '';
      if (idempotent) {
        if (verified.idempotencyKey === undefined) {
          if (operation !== 'requestDocument') {
            return problem(400, 'IDEMPOTENCY_KEY_REQUIRED', requestId);
          }
        } else {
          slot = `${caller.clientId}:${caller.subject}:${operation}:${verified.idempotencyKey}`;
          fingerprint = await requestFingerprint(decrypted);
          const seen = state.idempotency.get(slot);
          if (seen && seen.fingerprint !== fingerprint) {
            return problem(422, 'IDEMPOTENCY_KEY_REUSED', requestId);
          }
          if (seen && !seen.done) {
            return problem(409, 'IDEMPOTENCY_IN_PROGRESS', requestId, {}, { 'retry-after': '1' });
          }
          if (seen) {
            return respond(
              verified.kid,
              requestId,
              { status: seen.status, json: seen.json },
              { 'idempotent-replayed': 'true' },
            );
          }
          state.idempotency.set(slot, { fingerprint, status: 0, json: undefined, done: false });
        }
      }
      let result: RouteResult;
      try {
        const match = route.pattern.exec(path);
        result = await route.handle({
          params: { ...match?.groups },
          query: url.searchParams,
          json: decrypted,
          caller,
          now: options.clock.now(),
          state,
          signers: options.signers,
          linkSecret,
        });
      } catch (error) {
        if (slot) {
          state.idempotency.delete(slot);
        }
        if (error instanceof PortalProblem) {
          return problem(error.status, error.code, requestId, error.extra, error.headers);
        }
        throw error;
      }
      if (slot) {
        state.idempotency.set(slot, { fingerprint, status: result.status, json: result.json, done: true });
      }
      if (fault?.kind === 'lose-answer') {
        return { status: 0, headers: {}, body: new Uint8Array(0), drop: true };
      }
      const built = await respond(verified.kid, requestId, result, result.headers ?? {});
      if (fault?.kind === 'tamper-response') {
        tamper(built, fault.where);
      }
      return built;
    })();
    state.audit.push({
      requestId,
      at: options.clock.now(),
      operation,
      ...(caller ? { role: caller.role, subject: caller.subject } : {}),
      status: answer.status,
      ...(answer.status >= 400 ? { code: JSON.parse(new TextDecoder().decode(answer.body)).code } : {}),
    });
    return answer;
  }

  async function respond(
    kid: string,
    requestId: string,
    result: RouteResult,
    extra: Record<string, string>,
  ): Promise<PortalAnswer> {
    const built = await codec.buildResponse({
      status: result.status,
      requestId,
      kid,
      ...(result.bytes
        ? { bytes: result.bytes, contentType: result.contentType ?? 'application/octet-stream' }
        : { json: result.json }),
    });
    return { status: result.status, headers: { ...built.headers, ...extra }, body: built.body };
  }

  function takeFault(operation: string): PortalFault | undefined {
    const index = faults.findIndex((f) => f.operation === operation);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  }

  async function token(
    headers: Record<string, string>,
    body: Uint8Array,
    issuer: string,
  ): Promise<PortalAnswer> {
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const basic = /^Basic (.+)$/.exec(headers.authorization ?? '')?.[1];
    const [rawId = '', rawSecret = ''] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':')
      : [];
    const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    const system = options.systems.find(
      (s) => s.clientId === decode(rawId) && s.clientSecret === decode(rawSecret),
    );
    if (!system) {
      return json(
        401,
        { error: 'invalid_client', error_description: 'unknown client or wrong secret' },
        { 'www-authenticate': 'Basic realm="gospochta"' },
      );
    }
    const scope = form.get('scope')?.split(' ').filter(Boolean);
    const grant = form.get('grant_type');
    let claims: Record<string, unknown>;
    if (grant === 'client_credentials') {
      claims = {
        sub: system.subject,
        client_id: system.clientId,
        role: system.role,
        ...(system.permissions || scope ? { permissions: scope ?? system.permissions } : {}),
      };
    } else if (grant === 'urn:ietf:params:oauth:grant-type:token-exchange') {
      const oid = await tokens.esiaSubject(form.get('subject_token') ?? '');
      const person = oid === undefined ? undefined : state.persons.find((p) => p.oid === oid);
      if (!person) {
        return json(400, {
          error: 'invalid_grant',
          error_description: 'the ESIA token does not verify or names nobody known',
        });
      }
      claims = {
        sub: person.oid,
        client_id: system.clientId,
        role: 'client',
        ...(scope ? { permissions: scope } : {}),
      };
    } else {
      return json(400, { error: 'unsupported_grant_type' });
    }
    const issued = await tokens.issue(claims, issuer);
    state.tokensIssued += 1;
    return json(
      200,
      { access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn },
      { 'cache-control': 'no-store' },
    );
  }

  return portal;
}

/** The contract's idempotency fingerprint: attachment contents and signatures are left out (their hashes stay). */
async function requestFingerprint(body: Record<string, unknown>): Promise<string> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  if (Array.isArray(copy.attachments)) {
    for (const attachment of copy.attachments as Record<string, unknown>[]) {
      delete attachment.content;
      delete attachment.signature;
    }
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(utf8(canonicalJson(copy))));
  return Buffer.from(digest).toString('hex');
}

function tamper(answer: PortalAnswer, where: 'body' | 'mac'): void {
  if (where === 'mac') {
    const header = answer.headers['x-gospochta-packet'] as string;
    const last = header.at(-2) === 'A' ? 'B' : 'A';
    answer.headers['x-gospochta-packet'] = `${header.slice(0, -2)}${last}${header.at(-1)}`;
    return;
  }
  const bytes = new Uint8Array(answer.body);
  const index = bytes.length >> 1;
  bytes[index] = (bytes[index] as number) ^ 0x01;
  answer.body = bytes;
}
