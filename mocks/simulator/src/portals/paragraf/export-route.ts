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
import { hash128 } from '../../engine/random.js';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import type { ResolvedParagrafOptions } from './options.js';
import type { ParagrafState } from './state.js';

export const EXPORT_CONTENT_TYPE = 'application/xml; charset=utf-8';
const DEFAULT_SIZE = 1024 * 1024;
const MIN_SIZE = 1024;
const UNITS: Record<string, number> = { '': 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
const SIZE = /^([0-9]{1,13})(KB|MB|GB|)$/i;
const SEED = /^[0-9]{1,9}$/;
const RATE = /^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$/;
const MAX_AUTHORIZATION = 1024;

function invalid(field: string, en: string, ru: string): SimResponse {
  return json(
    { error: 'INVALID_QUERY', field, message: `${field}: ${en}`, messageRu: `${field}: ${ru}` },
    400,
  );
}

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

/** The exchange account named by `Authorization: Basic …`, or undefined. */
function basicAccount(state: ParagrafState, header: string | undefined) {
  if (header === undefined || header.length > MAX_AUTHORIZATION) {
    return undefined;
  }
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  let decoded: string;
  try {
    const binary = atob(match?.[1] ?? '');
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (match === null || colon < 1) {
    return undefined;
  }
  const account = state.accounts.get(decoded.slice(0, colon));
  return account !== undefined && account.password === decoded.slice(colon + 1) ? account : undefined;
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
      const query = request.query;
      const sizeText = query.get('size');
      let size = DEFAULT_SIZE;
      if (sizeText !== null) {
        const match = SIZE.exec(sizeText);
        size = match === null ? Number.NaN : Number(match[1]) * (UNITS[(match[2] ?? '').toUpperCase()] ?? 1);
        if (!(size >= MIN_SIZE && size <= options.maxExportBytes)) {
          return invalid(
            'size',
            `bytes (or a number with KB, MB, GB) from ${MIN_SIZE} to ${options.maxExportBytes}`,
            `байты (или число с KB, MB, GB) от ${MIN_SIZE} до ${options.maxExportBytes}`,
          );
        }
      }
      const seedText = query.get('seed');
      if (seedText !== null && !SEED.test(seedText)) {
        return invalid('seed', 'an integer from 0 to 999999999', 'целое число от 0 до 999999999');
      }
      const seed =
        seedText === null ? hash128(`${sim.seed}:paragraf:export`)[0] % 1_000_000_000 : Number(seedText);
      const rateText = query.get('faultRate');
      if (rateText !== null && !RATE.test(rateText)) {
        return invalid('faultRate', 'a number from 0 to 1', 'число от 0 до 1');
      }
      const pretty = query.get('pretty');
      if (pretty !== null && pretty !== 'true' && pretty !== 'false') {
        return invalid('pretty', 'true or false', 'true или false');
      }
      const generator = generateExport({
        seed,
        targetBytes: size,
        faultRate: rateText === null ? 0 : Number(rateText),
        pretty: pretty !== 'false',
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
