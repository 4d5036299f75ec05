/**
 * The notifications portal's contract (OpenAPI 3.1): the personal account's notice list. goskit's
 * own — Gosuslugi's personal account has no public API.
 */
const error = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

export const notificationsOpenApi = {
  openapi: '3.1.0',
  info: { title: 'Уведомления личного кабинета (goskit simulator)', version: '1.0.0' },
  paths: {
    '/api/lk/v1/notifications': {
      get: {
        operationId: 'lk.notifications.list',
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'time', 'text', 'category'],
                        properties: {
                          id: { type: 'string', pattern: '^N-\\d{6,}$' },
                          time: { type: 'string' },
                          subject: { type: 'string' },
                          text: { type: 'string' },
                          category: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': { content: { 'application/json': { schema: error } } },
          '401': { content: { 'application/json': { schema: error } } },
          '429': { content: { 'application/json': { schema: error } } },
        },
      },
    },
  },
};
