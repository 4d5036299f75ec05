/**
 * POST /api/nsi/v1/dictionary/{code} (no auth) → `{ error: {code: 0, message}, fieldErrors, total, items }`
 * (spec 3 and its example). Dictionaries are goskit DEMO data: EXTERNAL_BIC and TO_PFR are real
 * dictionary codes with made-up items; GOSKIT_REGIONS (real OKATO codes of a few regions) and
 * GOSKIT_SCHOOLS («Демо школа» from the demo data) are goskit's own. An unknown code answers as the
 * real NSI does (go-api-epgu `dto.go`): 200 with `error: {code: 7, message: 'Entity not found'}`,
 * total 0, no items; option `unknownDictionary: 'not-found'` → 404 not_found instead. Without a
 * token the requests count against the caller's address in the request limits.
 */
import { ownEntry } from '../../engine/request-body.js';
import { bodyText, json } from '../../engine/responses.js';
import type { DemoData, RouteDefinition } from '../../engine/types.js';
import { epguError } from './errors.js';
import type { ResolvedEpguOptions } from './options.js';
import { takeRequest } from './request-limits.js';
import type { EpguState } from './state.js';

interface DictEntry {
  value: string;
  title: string;
  parentValue?: string;
}

const STATIC: Record<string, DictEntry[]> = {
  GOSKIT_REGIONS: [
    { value: '45000000000', title: 'г. Москва' },
    { value: '40000000000', title: 'г. Санкт-Петербург' },
    { value: '46000000000', title: 'Московская область' },
    { value: '92000000000', title: 'Республика Татарстан' },
    { value: '65000000000', title: 'Свердловская область' },
    { value: '71000000000', title: 'Тюменская область' },
    { value: '50000000000', title: 'Новосибирская область' },
  ],
  EXTERNAL_BIC: [
    { value: '044525000', title: '044525000 - ДЕМО БАНК (goskit demo) г Москва' },
    { value: '044030000', title: '044030000 - ДЕМО БАНК СЕВЕРО-ЗАПАД (goskit demo) г Санкт-Петербург' },
  ],
  TO_PFR: [
    { value: '087001', title: 'Клиентская служба «Демо» по г. Москве (goskit demo)' },
    { value: '088001', title: 'Клиентская служба «Демо» по г. Санкт-Петербургу (goskit demo)' },
  ],
};

export const DICTIONARY_CODES = [...Object.keys(STATIC), 'GOSKIT_SCHOOLS'];

function entries(code: string, demo: DemoData): DictEntry[] | undefined {
  if (code === 'GOSKIT_SCHOOLS') {
    return [{ value: demo.organisation.ogrn, title: demo.organisation.shortName }];
  }
  return ownEntry(STATIC, code);
}

function readRequest(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const NOT_FOUND_BODY = {
  error: { code: 7, message: 'Entity not found' },
  fieldErrors: [],
  total: 0,
  items: [],
};

export function dictionaryRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/nsi/v1/dictionary/:code',
    operation: 'getDictionary',
    handler: ({ request, params, sim, state }) => {
      const refusal = takeRequest(
        state,
        `addr:${request.remoteAddress ?? 'local'}`,
        state.defaultLimits,
        sim.clock.now(),
      );
      if (refusal) {
        return refusal;
      }
      const code = params.code ?? '';
      const list = entries(code, sim.demo);
      const body = readRequest(bodyText(request.body));
      if (!body) {
        return epguError(
          400,
          'bad_request',
          'body: expected a JSON object {treeFiltering, pageNum, pageSize}',
        );
      }
      if (!list) {
        return options.unknownDictionary === 'not-found'
          ? epguError(404, 'not_found', `Справочник ${code.slice(0, 60)} не найден`)
          : json(NOT_FOUND_BODY);
      }
      const parent = typeof body.parentRefItemValue === 'string' ? body.parentRefItemValue : undefined;
      const matching = list.filter((entry) => parent === undefined || entry.parentValue === parent);
      // Without pageNum and pageSize every element comes back (spec 3).
      const pageSize = Number(body.pageSize) || matching.length || 1;
      const pageNum = Number(body.pageNum) || 1;
      const items = matching.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((entry) => ({
        value: entry.value,
        parentValue: entry.parentValue ?? null,
        title: entry.title,
        isLeaf: true,
        children: [],
        attributes: [],
        source: null,
        attributeValues: {},
      }));
      return json({
        error: { code: 0, message: 'operation completed' },
        fieldErrors: [],
        total: matching.length,
        items,
      });
    },
  };
}
