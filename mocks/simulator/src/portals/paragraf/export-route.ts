/**
 * `GET /export`: a district's bulk export (schools → staff, classes → pupils with marks and
 * attendance) generated from the seed by `@goskit/paragraf/export-generator` while it is sent, as a
 * streamed body: any size costs the same memory, the client's reading pace sets the generator's. The
 * same seed and options give the same bytes. HTTP Basic with an exchange account (login:password);
 * query: `size` (bytes, or with KB/MB/GB; default 1MB, at most `maxExportBytes`), `seed` (integer;
 * default derived from the simulator's seed), `faultRate` (0–1: share of records with an injected
 * fault, each reported by the reader), `pretty` (true/false). Bad query → 400 naming the field.
 */
import { generateExport } from '@goskit/paragraf/export-generator';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { basicAccount } from './credentials.js';
import { readExportQuery } from './export-query.js';
import type { ResolvedParagrafOptions } from './options.js';
import type { ParagrafState } from './state.js';

export const EXPORT_CONTENT_TYPE = 'application/xml; charset=utf-8';

function unauthorized(): SimResponse {
  return json(
    {
      error: 'AUTH_FAILED',
      message: 'wrong or missing login/password (HTTP Basic, the exchange account)',
      messageRu: 'Неверный или отсутствующий логин/пароль (HTTP Basic, учётная запись обмена)',
    },
    401,
    { 'www-authenticate': 'Basic realm="paragraf export", charset="UTF-8"' },
  );
}

export function exportRoute(options: ResolvedParagrafOptions): RouteDefinition<ParagrafState> {
  return {
    method: 'GET',
    path: '/export',
    operation: 'export',
    handler: ({ request, state, sim }: RouteContext<ParagrafState>): SimResponse => {
      if (basicAccount(state, request.headers.authorization) === undefined) {
        return unauthorized();
      }
      const query = readExportQuery(request.query, options.maxExportBytes, sim.seed);
      if ('field' in query) {
        const { field, en, ru } = query;
        return json(
          { error: 'INVALID_QUERY', field, message: `${field}: ${en}`, messageRu: `${field}: ${ru}` },
          400,
        );
      }
      const { seed } = query;
      const generator = generateExport({
        seed,
        targetBytes: query.size,
        faultRate: query.faultRate,
        pretty: query.pretty,
      });
      return {
        status: 200,
        headers: {
          'content-type': EXPORT_CONTENT_TYPE,
          'content-disposition': `attachment; filename="paragraf-export-${seed}.xml"`,
          'x-goskit-export-seed': String(seed),
        },
        bodyStream: generator.stream(),
      };
    },
  };
}
