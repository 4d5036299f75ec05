/**
 * `POST /exchange`: the SOAP exchange service. `pushData` (one school's pupils keyed by `suid`) and
 * `pushZipFile` (a base64 zip) are checked, queued and answered `pushResponse{result, queueId}` —
 * queued, not processed; `getQueueStatus` reads an item's progress on the virtual clock. Wrong
 * credentials, unknown operations and malformed or hostile XML are SOAP faults (HTTP 500); a push for
 * another school than the account's is `result=false` with a message, as the public services answer.
 */
import { checkRuDate, parseClassName } from '@goskit/validation';
import { unzipSync } from 'fflate';
import { escapeHtml } from '../../engine/escape-html.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { accountFor } from './credentials.js';
import type { ResolvedParagrafOptions } from './options.js';
import { enqueue, viewOf } from './queue.js';
import {
  element,
  node,
  nodes,
  readSoapRequest,
  SoapFault,
  type SoapRequest,
  soapAnswer,
  soapFault,
  textOf,
  type XmlNode,
} from './soap.js';
import type { ParagrafAccount, ParagrafState } from './state.js';

export const SOAP_OPERATIONS = ['pushData', 'pushZipFile', 'getQueueStatus'] as const;
const SUID = /^[A-Za-z0-9_-]{1,64}$/;
const SPECIAL_CLASSES: ReadonlySet<string> = new Set(['СОТР', 'РДТЛ']);
const MAX_PUPILS = 50_000;
const MAX_FILES = 1_000;

function authenticate(state: ParagrafState, soap: SoapRequest): ParagrafAccount {
  const account = accountFor(state, soap.login, soap.password);
  if (account === undefined) {
    throw new SoapFault('soap:Client', 'AUTH_FAILED', 'Неверный логин или пароль / wrong login or password');
  }
  return account;
}

function declined(message: string): SimResponse {
  return soapAnswer(
    element('pushResponse', [
      ['result', false],
      ['message', message],
    ]),
  );
}

function accepted(queueId: string): SimResponse {
  return soapAnswer(
    element('pushResponse', [
      ['result', true],
      ['queueId', queueId],
    ]),
  );
}

/** Problems of one pupil, by the rules of the public services' schema. */
function pupilErrors(pupil: XmlNode, index: number): { code: string; text: string }[] {
  const errors: { code: string; text: string }[] = [];
  const suid = textOf(pupil.suid);
  const at = `pupil[${index}]${suid !== undefined && SUID.test(suid) ? ` (suid ${suid})` : ''}`;
  if (suid === undefined || !SUID.test(suid)) {
    errors.push({ code: 'SUID_INVALID', text: `${at}: suid — 1–64 латинские буквы, цифры, «-», «_»` });
  }
  for (const field of ['surname', 'name'] as const) {
    const value = textOf(pupil[field]);
    if (value === undefined || value.trim() === '' || value.length > 100) {
      errors.push({ code: 'NAME_INVALID', text: `${at}: ${field} — от 1 до 100 символов` });
    }
  }
  const schoolClass = textOf(pupil.class);
  if (
    schoolClass === undefined ||
    !(schoolClass === '' || SPECIAL_CLASSES.has(schoolClass) || parseClassName(schoolClass).ok)
  ) {
    errors.push({ code: 'CLASS_INVALID', text: `${at}: class — «5 А», «СОТР», «РДТЛ» или пусто` });
  }
  if (!checkRuDate(textOf(pupil.dob)).ok) {
    errors.push({ code: 'DOB_INVALID', text: `${at}: dob — дата дд.мм.гггг` });
  }
  const event = node(pupil.event);
  const direction = event === undefined ? undefined : textOf(event['@_directionType']);
  if (event !== undefined && direction !== 'IN' && direction !== 'OUT' && direction !== 'DATA') {
    errors.push({ code: 'EVENT_INVALID', text: `${at}: event@directionType — IN, OUT или DATA` });
  }
  return errors;
}

function pushData(state: ParagrafState, account: ParagrafAccount, soap: SoapRequest, nowMs: number) {
  const school = node(node(soap.body.query)?.school);
  const schoolId = school === undefined ? undefined : textOf(school['@_id']);
  if (school === undefined || schoolId === undefined) {
    throw new SoapFault('soap:Client', 'QUERY_INVALID', 'pushData: query/school@id is required');
  }
  if (schoolId !== account.schoolId) {
    return declined(`Школа ${schoolId.slice(0, 64)} не относится к учётной записи ${account.login}`);
  }
  const pupils = nodes(school.pupil);
  if (pupils.length === 0 || pupils.length > MAX_PUPILS) {
    throw new SoapFault('soap:Client', 'QUERY_INVALID', `pushData: 1–${MAX_PUPILS} pupil elements`);
  }
  const errors: { code: string; text: string }[] = [];
  const seen = new Map<string, number>();
  pupils.forEach((value, index) => {
    const pupil = node(value) ?? {};
    errors.push(...pupilErrors(pupil, index));
    const suid = textOf(pupil.suid);
    if (suid !== undefined && SUID.test(suid)) {
      const first = seen.get(suid);
      if (first !== undefined) {
        errors.push({
          code: 'SUID_REPEATED',
          text: `pupil[${index}]: suid ${suid} повторяет pupil[${first}]`,
        });
      } else {
        seen.set(suid, index);
      }
    }
  });
  const item = enqueue(state, {
    schoolId,
    operation: 'pushData',
    total: pupils.length,
    acceptedAt: nowMs,
    errors,
  });
  return accepted(item.queueId);
}

function pushZipFile(
  state: ParagrafState,
  account: ParagrafAccount,
  soap: SoapRequest,
  nowMs: number,
  options: ResolvedParagrafOptions,
) {
  const encoded = (textOf(soap.body.file) ?? '').replace(/\s+/g, '');
  if (encoded === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new SoapFault('soap:Client', 'FILE_INVALID', 'pushZipFile: file must be base64');
  }
  // Only the central directory is read: entries are listed, never inflated (no zip bomb can expand).
  const files: string[] = [];
  try {
    let unpacked = 0;
    unzipSync(base64Bytes(encoded), {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > options.maxUnzippedBytes) {
          throw new SoapFault(
            'soap:Client',
            'ZIP_TOO_LARGE',
            `pushZipFile: unpacked over ${options.maxUnzippedBytes} bytes`,
          );
        }
        if (files.length <= MAX_FILES) {
          files.push(file.name);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof SoapFault) {
      throw error;
    }
    throw new SoapFault('soap:Client', 'ZIP_INVALID', 'pushZipFile: file is not a zip archive');
  }
  if (files.length === 0 || files.length > MAX_FILES) {
    throw new SoapFault('soap:Client', 'ZIP_INVALID', `pushZipFile: 1–${MAX_FILES} files in the archive`);
  }
  const errors = files
    .filter((name) => !/\.xml$/i.test(name))
    .map((name) => ({ code: 'FILE_TYPE', text: `${name.slice(0, 100)}: ожидается XML-файл` }));
  const item = enqueue(state, {
    schoolId: account.schoolId,
    operation: 'pushZipFile',
    total: files.length,
    acceptedAt: nowMs,
    errors,
  });
  return accepted(item.queueId);
}

function queueStatus(
  state: ParagrafState,
  account: ParagrafAccount,
  soap: SoapRequest,
  nowMs: number,
  options: ResolvedParagrafOptions,
) {
  const queueId = textOf(soap.body.queueId) ?? '';
  const item = state.queue.get(queueId);
  if (item === undefined || item.schoolId !== account.schoolId) {
    throw new SoapFault('soap:Client', 'QUEUE_NOT_FOUND', `Нет элемента очереди ${queueId.slice(0, 64)}`);
  }
  const view = viewOf(item, nowMs, options);
  const errors = view.errors
    .map((entry) => `<ex:error code="${escapeHtml(entry.code)}">${escapeHtml(entry.text)}</ex:error>`)
    .join('');
  const head = element('queueStatusResponse', [
    ['queueId', view.queueId],
    ['status', view.state],
    ['processed', view.processed],
    ['total', view.total],
  ]);
  return soapAnswer(head.replace('</ex:queueStatusResponse>', `${errors}</ex:queueStatusResponse>`));
}

export function exchangeRoute(options: ResolvedParagrafOptions): RouteDefinition<ParagrafState> {
  return {
    method: 'POST',
    path: '/exchange',
    operation: 'exchange',
    handler: ({ request, state, sim }: RouteContext<ParagrafState>) => {
      try {
        const soap = readSoapRequest(request, options.maxRequestChars);
        if (!(SOAP_OPERATIONS as readonly string[]).includes(soap.operation)) {
          throw new SoapFault(
            'soap:Client',
            'UNKNOWN_OPERATION',
            `Unknown operation ${soap.operation.slice(0, 64)}; valid: ${SOAP_OPERATIONS.join(', ')}`,
          );
        }
        const account = authenticate(state, soap);
        const nowMs = sim.clock.now();
        if (soap.operation === 'pushData') {
          return pushData(state, account, soap, nowMs);
        }
        if (soap.operation === 'pushZipFile') {
          return pushZipFile(state, account, soap, nowMs, options);
        }
        return queueStatus(state, account, soap, nowMs, options);
      } catch (error) {
        if (error instanceof SoapFault) {
          return soapFault(error);
        }
        throw error;
      }
    },
  };
}

/** Base64 → bytes without Node's Buffer (the portal also runs in a browser under MSW). */
function base64Bytes(encoded: string): Uint8Array {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
