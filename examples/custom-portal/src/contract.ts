/**
 * The queue portal's contract (OpenAPI 3.1). The real service publishes none: this is the example's
 * own. The engine checks every answer against it in tests, as it does for the built-in portals.
 */
const error = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

const application = {
  type: 'object',
  required: ['id', 'status', 'position', 'kindergartenId', 'childName', 'createdAt'],
  properties: {
    id: { type: 'string', pattern: '^Q-\\d{6}$' },
    status: { enum: ['queued', 'offered', 'enrolled', 'withdrawn'] },
    position: { type: 'integer', minimum: 0 },
    kindergartenId: { type: 'string' },
    childName: { type: 'string' },
    createdAt: { type: 'string' },
  },
};

const errors = {
  '400': { content: { 'application/json': { schema: error } } },
  '401': { content: { 'application/json': { schema: error } } },
  '404': { content: { 'application/json': { schema: error } } },
  '429': { content: { 'application/json': { schema: error } } },
};

export const queueContract = {
  openapi: '3.1.0',
  info: { title: 'Электронная очередь в детские сады (example)', version: '1.0.0' },
  paths: {
    '/api/v1/kindergartens': {
      get: {
        operationId: 'kindergartens.list',
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
                        required: ['id', 'title', 'places'],
                        properties: {
                          id: { type: 'string' },
                          title: { type: 'string' },
                          places: { type: 'integer' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/v1/applications': {
      get: {
        operationId: 'applications.list',
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: { items: { type: 'array', items: application } },
                },
              },
            },
          },
          ...errors,
        },
      },
      post: {
        operationId: 'applications.create',
        responses: { '201': { content: { 'application/json': { schema: application } } }, ...errors },
      },
    },
    '/api/v1/applications/{id}': {
      get: {
        operationId: 'applications.get',
        responses: { '200': { content: { 'application/json': { schema: application } } }, ...errors },
      },
    },
  },
};
