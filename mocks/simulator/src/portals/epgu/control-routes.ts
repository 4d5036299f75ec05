/**
 * Control routes of the EPGU portal, mounted by the server at /__goskit/epgu/…: POST /systems (JSON
 * EpguSystemInput) admits or replaces a system with its services and limits, GET /systems lists them
 * (with `admitAll`: whether unlisted systems are admitted too).
 */
import { GoskitError } from '@goskit/core';
import { bodyText, json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import type { EpguState } from './state.js';
import { addSystem } from './systems.js';

export const epguControlRoutes: RouteDefinition<EpguState>[] = [
  {
    method: 'GET',
    path: '/systems',
    operation: 'control.systems.list',
    handler: (ctx) => json({ admitAll: ctx.state.admitAll, systems: [...ctx.state.systems.values()] }),
  },
  {
    method: 'POST',
    path: '/systems',
    operation: 'control.systems.register',
    handler: (ctx) => {
      let input: unknown;
      try {
        input = JSON.parse(bodyText(ctx.request.body));
      } catch {
        return json(
          { error: 'INVALID_DATA', message: 'Body must be JSON: { clientId, services?, limits? }' },
          400,
        );
      }
      try {
        return json(addSystem(ctx.state, input), 201);
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
