/**
 * One "instance" of an integrator's back-end, in its own process with its own Redis connection and
 * its own goskit clients. The multi-process test drives it over IPC: EPGU calls through a shared
 * Redis limiter, half an ESIA login (start here, finish in another process), a shared ESIA token.
 * Run by `node --import tsx` (sources, tsconfig paths), never on its own.
 */
import { createRateLimiter, type RateLimiter } from '@goskit/core';
import { createSoftwareGostSigner } from '@goskit/crypto';
import {
  createEpguClient,
  createEsiaClient,
  type EsiaClient,
  type EsiaTokens,
  epguPermissions,
} from '@goskit/gosuslugi';
import {
  connectRedis,
  createRedisRateLimiter,
  createSharedTokenProvider,
  type RedisConnection,
  RedisStore,
  type SharedTokenProvider,
} from '../../src/index.js';

export interface WorkerSetup {
  redisUrl: string;
  esiaBaseUrl: string;
  epguBaseUrl: string;
  clientId: string;
  privateKeyPem: string;
  certificatePem: string;
  redirectUri: string;
}

export type WorkerCommand =
  | { type: 'setup'; setup: WorkerSetup }
  | {
      type: 'epgu-create-order';
      accessToken: string;
      service: { region: string; serviceCode: string; targetCode: string };
    }
  | {
      type: 'epgu-burst';
      accessToken: string;
      calls: number;
      orderId: number;
      limiter: { shared: boolean; prefix: string; ratePerSecond: number; burst: number };
    }
  | { type: 'esia-start' }
  | { type: 'esia-finish'; callbackUrl: string }
  | { type: 'shared-token'; name: string }
  | { type: 'exit' };

let setup: WorkerSetup;
let connection: RedisConnection;
let esia: EsiaClient;
let tokenProvider: SharedTokenProvider<EsiaTokens> | undefined;

function describeError(error: unknown) {
  const e = error as { name?: string; code?: string; message?: string; status?: number };
  return { name: e?.name, code: e?.code, message: e?.message, status: e?.status };
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'setup': {
      setup = command.setup;
      connection = connectRedis(setup.redisUrl, { clientName: `worker-${process.pid}` });
      esia = createEsiaClient({
        environment: { baseUrl: setup.esiaBaseUrl },
        clientId: setup.clientId,
        redirectUri: setup.redirectUri,
        signer: createSoftwareGostSigner({
          privateKey: setup.privateKeyPem,
          certificate: setup.certificatePem,
        }),
        scopes: ['openid', 'fullname', 'http://lk.gosuslugi.ru/api-order'],
        accessType: 'offline',
        tokenKeys: { jwksUrl: `${setup.esiaBaseUrl}/aas/oauth2/jwks` },
        // pending logins live in Redis: any instance can finish what another started
        stateStore: new RedisStore({ redis: connection, prefix: 'mp:' }),
      });
      return process.pid;
    }
    case 'epgu-create-order': {
      const epgu = createEpguClient({
        environment: { baseUrl: setup.epguBaseUrl },
        accessToken: command.accessToken,
      });
      return (await epgu.createOrder(command.service)).orderId;
    }
    case 'epgu-burst': {
      const { limiter: l } = command;
      const limiter: RateLimiter = l.shared
        ? createRedisRateLimiter({
            redis: connection,
            prefix: l.prefix,
            ratePerSecond: l.ratePerSecond,
            burst: l.burst,
          })
        : createRateLimiter({ ratePerSecond: l.ratePerSecond, burst: l.burst });
      const epgu = createEpguClient({
        environment: { baseUrl: setup.epguBaseUrl },
        accessToken: command.accessToken,
        rateLimit: limiter,
        retry: false,
      });
      const outcomes = await Promise.all(
        Array.from({ length: command.calls }, () =>
          epgu.getOrder(command.orderId).then(
            () => 'ok',
            (error: unknown) => {
              const { status, code, message } = describeError(error);
              return status === 429 || code === 'RATE_LIMITED' ? '429' : `${status ?? code}: ${message}`;
            },
          ),
        ),
      );
      return outcomes;
    }
    case 'esia-start':
      // EPGU accepts the api-order scope only with the person's APIPGU consent (spec, Приложение 4).
      return esia.authorizationUrl({ permissions: epguPermissions('ООО «Демо школа»') });
    case 'esia-finish': {
      const tokens = await esia.handleCallback(command.callbackUrl);
      return tokens;
    }
    case 'shared-token': {
      tokenProvider ??= createSharedTokenProvider<EsiaTokens>({
        redis: connection,
        name: command.name,
        pollMs: 20,
        fetchToken: async (_reason, previous) => {
          const refreshToken = previous?.data?.refreshToken;
          if (!refreshToken) {
            throw new Error('no refresh token in the shared record');
          }
          const tokens = await esia.refresh(refreshToken);
          const next = { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
          return { token: next.accessToken, expiresAt: next.expiresAt, data: next };
        },
      });
      return tokenProvider.getToken();
    }
    case 'exit':
      await tokenProvider?.close();
      await connection?.close();
      setImmediate(() => process.exit(0));
      return 'bye';
  }
}

process.on('message', (message: { id: number; command: WorkerCommand }) => {
  handle(message.command).then(
    (value) => process.send?.({ id: message.id, ok: true, value }),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: describeError(error) }),
  );
});
// Ends with its parent, however the parent ends.
process.on('disconnect', () => process.exit(0));
