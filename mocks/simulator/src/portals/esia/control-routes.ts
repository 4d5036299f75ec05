/**
 * Control routes of the ESIA portal, meant to be mounted by the server at /__goskit/esia/…:
 * POST /clients (JSON EsiaClientInput) registers or replaces a client, GET /clients lists them,
 * GET /demo-client gives the demo system's key and certificate (test-only material derived from the
 * seed, which /__goskit/health already shows — the same as demoEsiaClient(sim) in process).
 */
import { GoskitError } from '@goskit/core';
import { bodyText, json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { addClient, summarizeClient } from './clients.js';
import { demoEsiaClient } from './demo-client.js';
import type { EsiaState } from './state.js';

export const esiaControlRoutes: RouteDefinition<EsiaState>[] = [
  {
    method: 'GET',
    path: '/demo-client',
    operation: 'control.demoClient',
    handler: (ctx) =>
      json({
        ...demoEsiaClient(ctx.sim),
        testOnly: true,
        warning:
          'Test-only key of the simulator demo system GOSKIT_DEMO, derived from the public seed: never use it outside the simulator.',
      }),
  },
  {
    method: 'GET',
    path: '/clients',
    operation: 'control.clients.list',
    handler: (ctx) => json({ clients: [...ctx.state.clients.values()].map(summarizeClient) }),
  },
  {
    method: 'POST',
    path: '/clients',
    operation: 'control.clients.register',
    handler: (ctx) => {
      let input: unknown;
      try {
        input = JSON.parse(bodyText(ctx.request.body));
      } catch {
        return json(
          {
            error: 'INVALID_DATA',
            message: 'Body must be JSON: { clientId, redirectUris, certificatePem, scopes? }',
          },
          400,
        );
      }
      try {
        return json(addClient(ctx.state, input, ctx.sim.clock.now()), 201);
      } catch (error) {
        if (error instanceof GoskitError) {
          const field = (error as GoskitError & { field?: string }).field;
          return json({ error: error.code, message: error.message, ...(field ? { field } : {}) }, 400);
        }
        throw error;
      }
    },
  },
];
