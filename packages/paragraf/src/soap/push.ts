/**
 * `pushData` and `pushZipFile`: each answers `pushResponse{result, queueId}` — accepted into the
 * service's queue, not yet processed. `result=false` (the service declined the push) is an
 * `ExchangeError('PUSH_REJECTED')`; a push is never retried by itself (it is not idempotent).
 */
import { toValidationIssues, ValidationError } from '@goskit/validation';
import { ExchangeError } from '../errors/exchange-error.js';
import type { ExchangeOperation } from './contract.js';
import { text, type XmlNode } from './envelope.js';
import { type CallOptions, call, type ExchangeContext } from './exchange-context.js';
import { type PushDataQuery, pushDataContent, pushDataSchema } from './push-data.js';
import { type ZipEntry, zipPayload } from './push-zip.js';

export interface PushResult {
  result: true;
  queueId: string;
}

export async function pushData(
  context: ExchangeContext,
  query: PushDataQuery,
  options: CallOptions = {},
): Promise<PushResult> {
  const checked = pushDataSchema.safeParse(query);
  if (!checked.success) {
    throw new ValidationError(toValidationIssues(checked.error));
  }
  const answer = await call(context, 'pushData', pushDataContent(checked.data), 'pushResponse', {
    ...options,
    idempotent: false,
  });
  return pushResult('pushData', answer);
}

export async function pushZipFile(
  context: ExchangeContext,
  files: readonly ZipEntry[] | Uint8Array,
  options: CallOptions = {},
): Promise<PushResult> {
  const file = zipPayload(files, context.maxZipBytes);
  const answer = await call(context, 'pushZipFile', { 'ex:file': file }, 'pushResponse', {
    ...options,
    idempotent: false,
  });
  return pushResult('pushZipFile', answer);
}

function pushResult(operation: ExchangeOperation, answer: XmlNode): PushResult {
  const result = text(answer.result)?.trim();
  const queueId = text(answer.queueId)?.trim();
  if (result === 'false' || result === '0') {
    const message = text(answer.message)?.slice(0, 500);
    throw new ExchangeError(
      'PUSH_REJECTED',
      `${operation}: the service declined the push${message ? `: ${message}` : ''}`,
    );
  }
  if (result !== 'true' && result !== '1') {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `${operation}: pushResponse.result must be true or false`,
    );
  }
  if (queueId === undefined || queueId.length === 0 || queueId.length > 128) {
    throw new ExchangeError('SOAP_RESPONSE_INVALID', `${operation}: pushResponse has no queueId`);
  }
  return { result: true, queueId };
}
