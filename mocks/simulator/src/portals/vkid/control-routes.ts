/**
 * Control routes at /__goskit/vkid: GET /clients lists the registered clients, POST /clients
 * (JSON { clientId, title?, redirectUris }) registers or replaces one (400 naming the field).
 */
import { BadRequestError } from '../../engine/errors.js';
import { bodyText, json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { registerClient } from './clients.js';
import type { VkIdState } from './state.js';

export const vkidControlRoutes: RouteDefinition<VkIdState>[] = [
  {
    method: 'GET',
    path: '/clients',
    operation: 'control.clients.list',
    handler: ({ state }) => json({ clients: [...state.clients.values()] }),
  },
  {
    method: 'POST',
    path: '/clients',
    operation: 'control.clients.register',
    handler: ({ state, request }) => {
      let input: unknown;
      try {
        input = JSON.parse(bodyText(request.body));
      } catch {
        return json(
          {
            error: 'INVALID_BODY',
            field: 'body',
            message: 'body: JSON { clientId, title?, redirectUris } expected',
          },
          400,
        );
      }
      try {
        return json(registerClient(state, input), 201);
      } catch (error) {
        if (error instanceof BadRequestError) {
          return json({ error: 'INVALID_BODY', field: error.field, message: error.message }, 400);
        }
        throw error;
      }
    },
  },
];
