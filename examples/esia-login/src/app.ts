/**
 * The application, independent of any HTTP server: three routes around @goskit/gosuslugi.
 *   GET /login    → 302 to ESIA's authorization URL
 *   GET /callback → exchange the code, verify the tokens, read the person, show them
 *   GET /logout   → 302 to ESIA's logout
 * `handle(url)` answers a plain object, so node:http (server.ts) and tests can both drive it.
 */
import type { Clock } from '@goskit/core';
import type { Signer } from '@goskit/crypto';
import {
  createEsiaClient,
  type EsiaClient,
  type EsiaEnvironment,
  EsiaError,
  type EsiaTokenKeys,
} from '@goskit/gosuslugi';
import { crashPage, failurePage, homePage, personPage } from './pages.js';

export const SCOPES = ['openid', 'fullname', 'birthdate', 'snils', 'email', 'mobile', 'contacts'] as const;

export interface EsiaSide {
  environment: EsiaEnvironment;
  clientId: string;
  signer: Signer;
  tokenKeys: EsiaTokenKeys;
  /** ESIA's notion of now (the simulator's virtual clock); default the system clock. */
  clock?: Clock;
  /** Runs before each round trip to ESIA (the simulator link syncs its clock here). */
  beforeEsiaCall?: () => Promise<void>;
}

export interface AppOptions {
  esia: EsiaSide;
  /** Where the browser reaches this app, e.g. http://localhost:3000 (the callback hangs off it). */
  appUrl: string;
  fetch?: typeof fetch;
  /** Unexpected failures (not ESIA's refusals); default: ignored. */
  onError?: (error: unknown) => void;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ExampleApp {
  readonly client: EsiaClient;
  handle(url: URL): Promise<AppResponse>;
}

const htmlResponse = (status: number, body: string): AppResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});
const redirectResponse = (location: string): AppResponse => ({
  status: 302,
  headers: { location, 'cache-control': 'no-store' },
  body: '',
});

export function createApp(options: AppOptions): ExampleApp {
  const { esia, appUrl } = options;
  const client = createEsiaClient({
    environment: esia.environment,
    clientId: esia.clientId,
    redirectUri: `${appUrl}/callback`,
    signer: esia.signer,
    scopes: SCOPES,
    tokenKeys: esia.tokenKeys,
    ...(esia.clock ? { clock: esia.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function route(url: URL): Promise<AppResponse> {
    switch (url.pathname) {
      case '/login': {
        await esia.beforeEsiaCall?.();
        const { url: target } = await client.authorizationUrl();
        return redirectResponse(target);
      }
      case '/callback': {
        await esia.beforeEsiaCall?.();
        const tokens = await client.handleCallback(url);
        const person = await client.person(tokens.accessToken).get({ embed: ['contacts'] });
        return htmlResponse(200, personPage(person));
      }
      case '/logout':
        return redirectResponse(client.logoutUrl({ redirectUrl: `${appUrl}/` }));
      case '/':
        return htmlResponse(200, homePage());
      default:
        return htmlResponse(404, homePage());
    }
  }

  return {
    client,
    async handle(url) {
      try {
        return await route(url);
      } catch (error) {
        if (error instanceof EsiaError) {
          return htmlResponse(400, failurePage(error));
        }
        options.onError?.(error);
        return htmlResponse(500, crashPage());
      }
    },
  };
}
