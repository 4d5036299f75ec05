/**
 * What every exchange operation shares: the transport, the credentials, the bounds, and one `call`
 * that posts an envelope and returns the response element — or throws the SOAP fault as
 * `SoapFaultError` (also when it comes with HTTP 500, as SOAP 1.1 faults do).
 */
import { HttpError, type Sleep, type Transport } from '@goskit/core';
import { ExchangeError } from '../errors/exchange-error.js';
import { SoapFaultError } from '../errors/soap-fault-error.js';
import { EXCHANGE_NS, type ExchangeOperation } from './contract.js';
import { buildEnvelope, type Credentials, parseEnvelope, type XmlNode } from './envelope.js';

export interface ExchangeContext {
  transport: Transport;
  path: string;
  credentials: Credentials;
  maxResponseBytes: number;
  maxZipBytes: number;
  poll: { intervalMs: number; timeoutMs: number };
  sleep: Sleep;
  now: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Safe to repeat (a status read): lets the transport retry it on network errors and 5xx. */
  idempotent?: boolean;
}

export async function call(
  context: ExchangeContext,
  operation: ExchangeOperation,
  content: XmlNode,
  expected: string,
  options: CallOptions = {},
): Promise<XmlNode> {
  const body = buildEnvelope(operation, content, context.credentials);
  let xml: string;
  let status = 200;
  try {
    xml = await context.transport.post<string>(context.path, {
      body,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${EXCHANGE_NS}#${operation}"` },
      responseType: 'text',
      idempotencyKey: options.idempotent === true,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof HttpError && error.body.includes('Fault')) {
      xml = error.body;
      status = error.status;
      const parsed = safeParse(xml, context, operation);
      if (parsed?.kind === 'fault') {
        throw new SoapFaultError({ ...faultDetails(parsed), status, operation }, { cause: error });
      }
    }
    throw error;
  }
  const parsed = parseEnvelope(xml, { maxBytes: context.maxResponseBytes, operation });
  if (parsed.kind === 'fault') {
    throw new SoapFaultError({ ...faultDetails(parsed), status, operation });
  }
  if (parsed.name !== expected) {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `${operation}: expected <${expected}> in the answer, got <${parsed.name.slice(0, 64)}>`,
    );
  }
  return parsed.element;
}

function faultDetails(parsed: { faultCode: string; faultString: string; portalCode: string | undefined }) {
  return {
    faultCode: parsed.faultCode,
    faultString: parsed.faultString,
    ...(parsed.portalCode === undefined ? {} : { portalCode: parsed.portalCode }),
  };
}

function safeParse(xml: string, context: ExchangeContext, operation: string) {
  try {
    return parseEnvelope(xml, { maxBytes: context.maxResponseBytes, operation });
  } catch {
    return undefined;
  }
}
