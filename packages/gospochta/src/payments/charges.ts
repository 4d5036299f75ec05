/**
 * Finding charges (fines, taxes, fees) by exactly one of ИНН, СНИЛС or УИН. The identifier is checked
 * with @goskit/validation before anything is sent (checksums, lengths; a clear ru/en error naming the
 * field); ИНН and СНИЛС travel encrypted in a POST body, never in a URL.
 */
import { type CheckResult, checkInn, checkSnils, checkUin } from '@goskit/validation';
import type { GospochtaContext } from '../client/context.js';
import { fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { type Charge, chargeListSchema } from './models.js';

export type ChargeQuery = { uin: string } | { inn: string } | { snils: string };

function checked(result: CheckResult<string>, field: string): string {
  if (result.ok) {
    return result.value;
  }
  return fail(
    result.issues.map((found) => ({
      field,
      code: found.code,
      message: { ru: found.message.ru, en: found.message.en },
    })),
  );
}

/** The one identifier of a query, checked and normalised. */
export function checkChargeQuery(query: unknown): ChargeQuery {
  const record = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const given = (['uin', 'inn', 'snils'] as const).filter((name) => record[name] !== undefined);
  if (given.length !== 1) {
    fail([
      issue(
        'query',
        'ONE_IDENTIFIER',
        'Укажите ровно один из: ИНН, СНИЛС, УИН.',
        'Give exactly one of inn, snils, uin.',
      ),
    ]);
  }
  const name = given[0] as 'uin' | 'inn' | 'snils';
  if (name === 'uin') {
    return { uin: checked(checkUin(record.uin), 'uin') };
  }
  if (name === 'inn') {
    return { inn: checked(checkInn(record.inn), 'inn') };
  }
  return { snils: checked(checkSnils(record.snils), 'snils') };
}

/** POST /v1/charges/search — a read, safe to retry. */
export async function findCharges(
  context: GospochtaContext,
  query: ChargeQuery,
  signal?: AbortSignal,
): Promise<Charge[]> {
  const body = checkChargeQuery(query);
  const { data } = await protectedCall(context, {
    operation: 'searchCharges',
    method: 'POST',
    template: '/v1/charges/search',
    path: '/v1/charges/search',
    json: body,
    schema: chargeListSchema,
    retry: { methods: ['POST'] },
    ...(signal ? { signal } : {}),
  });
  return data.charges as Charge[];
}
