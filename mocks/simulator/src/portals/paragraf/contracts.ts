/**
 * The XML contract of the exchange answers (the portal kit's pluggable contracts): every answer of
 * `exchange` is a SOAP 1.1 envelope in text/xml; 200 carries `pushResponse` (result true with a
 * queueId, or false with a message) or `queueStatusResponse` (a known state, processed ≤ total, errors
 * only when failed); 500 carries a Fault with faultcode, faultstring and `detail/exchangeError@code`.
 * The rules are those of the shipped XSD (packages/paragraf/wsdl/paragraf-exchange.xsd).
 */
import type { ContractCheckInput, ContractSet } from '../../engine/types.js';
import { node, nodes, parseAnswer, textOf, type XmlNode } from './soap.js';

const STATES = new Set(['queued', 'processing', 'done', 'failed']);
const COUNT = /^(0|[1-9]\d{0,9})$/;

function checkPush(response: XmlNode, problems: string[]): void {
  const result = textOf(response.result);
  if (result !== 'true' && result !== 'false') {
    problems.push('pushResponse/result must be true or false');
  } else if (result === 'true' && !textOf(response.queueId)) {
    problems.push('pushResponse/queueId is required when result is true');
  } else if (result === 'false' && !textOf(response.message)) {
    problems.push('pushResponse/message is required when result is false');
  }
}

function checkStatus(response: XmlNode, problems: string[]): void {
  if (!textOf(response.queueId)) {
    problems.push('queueStatusResponse/queueId is required');
  }
  const state = textOf(response.status) ?? '';
  if (!STATES.has(state)) {
    problems.push(`queueStatusResponse/status must be one of ${[...STATES].join(', ')}`);
  }
  const processed = textOf(response.processed);
  const total = textOf(response.total);
  for (const [name, value] of [
    ['processed', processed],
    ['total', total],
  ] as const) {
    if (value !== undefined && !COUNT.test(value)) {
      problems.push(`queueStatusResponse/${name} must be a non-negative integer`);
    }
  }
  if (processed !== undefined && total !== undefined && Number(processed) > Number(total)) {
    problems.push('queueStatusResponse/processed must not exceed total');
  }
  const errors = nodes(response.error);
  if (errors.length > 100) {
    problems.push('queueStatusResponse/error occurs at most 100 times');
  }
  if (errors.length > 0 && state !== 'failed') {
    problems.push('queueStatusResponse/error only in the failed state');
  }
  for (const error of errors) {
    if (!textOf(node(error)?.['@_code'])) {
      problems.push('queueStatusResponse/error@code is required');
      break;
    }
  }
}

function checkFault(body: XmlNode, problems: string[]): void {
  const fault = node(body.Fault);
  if (fault === undefined) {
    problems.push('a 500 answer must be a soap:Fault');
    return;
  }
  const code = textOf(fault.faultcode) ?? '';
  if (!/^soap:(Client|Server)$/.test(code)) {
    problems.push('Fault/faultcode must be soap:Client or soap:Server');
  }
  if (!textOf(fault.faultstring)) {
    problems.push('Fault/faultstring is required');
  }
  if (!textOf(node(node(fault.detail)?.exchangeError)?.['@_code'])) {
    problems.push('Fault/detail/exchangeError@code is required');
  }
}

/** `export` 200: an XML document, streamed (never built in memory). */
function checkExport(input: ContractCheckInput): string[] {
  if (input.status !== 200) {
    return [];
  }
  const problems: string[] = [];
  if (!/^application\/xml\b/i.test(input.contentType)) {
    problems.push(`content-type must be application/xml, got '${input.contentType.slice(0, 80)}'`);
  }
  if (input.streamed !== true) {
    problems.push('an export must be a streamed body');
  }
  return problems;
}

export function checkExchangeAnswer(input: ContractCheckInput): string[] {
  if (input.operation === 'export') {
    return checkExport(input);
  }
  if (input.operation !== 'exchange' || (input.status !== 200 && input.status !== 500)) {
    return [];
  }
  const problems: string[] = [];
  if (!/^text\/xml\b/i.test(input.contentType)) {
    problems.push(`content-type must be text/xml, got '${input.contentType.slice(0, 80)}'`);
  }
  const document = typeof input.body === 'string' ? parseAnswer(input.body) : undefined;
  const body = node(node(document?.Envelope)?.Body);
  if (body === undefined) {
    problems.push('the answer must be a SOAP envelope with a Body');
    return problems;
  }
  if (input.status === 500) {
    checkFault(body, problems);
    return problems;
  }
  const push = node(body.pushResponse);
  const status = node(body.queueStatusResponse);
  if (push !== undefined) {
    checkPush(push, problems);
  } else if (status !== undefined) {
    checkStatus(status, problems);
  } else {
    problems.push('a 200 answer must hold pushResponse or queueStatusResponse');
  }
  return problems;
}

export const paragrafContracts: ContractSet = {
  check: checkExchangeAnswer,
  operations: () => ['exchange', 'export'],
};
