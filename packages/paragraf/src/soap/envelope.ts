/**
 * SOAP 1.1 envelopes of the exchange, built and read with fast-xml-parser: the request carries
 * `<ex:login>` / `<ex:password>` header elements and one body element; an answer is either that
 * operation's response element or a `<soap:Fault>`. Answers are checked before parsing: bounded size,
 * no DOCTYPE (entities never expand), bounded nesting.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { ExchangeError } from '../errors/exchange-error.js';
import { XmlSecurityError } from '../errors/xml-security-error.js';
import { EXCHANGE_NS, SOAP_ENVELOPE_NS } from './contract.js';

/** An XML element as fast-xml-parser builds it: child elements by name, attributes as '@_name', text as '#text'. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | number | boolean | XmlNode | XmlValue[] | undefined;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  processEntities: true,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  maxNestedTags: 64,
});

export interface Credentials {
  login: string;
  password: string;
}

/** The request envelope for `operation` with `content` as the body element's children. */
export function buildEnvelope(operation: string, content: XmlNode, credentials: Credentials): string {
  const envelope: XmlNode = {
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENVELOPE_NS,
      '@_xmlns:ex': EXCHANGE_NS,
      'soap:Header': { 'ex:login': credentials.login, 'ex:password': credentials.password },
      'soap:Body': { [`ex:${operation}`]: content },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(envelope)}`;
}

/** A parsed answer: the body's first element by local name, or the fault. */
export type ParsedEnvelope =
  | { kind: 'body'; name: string; element: XmlNode }
  | { kind: 'fault'; faultCode: string; faultString: string; portalCode: string | undefined };

export interface ParseEnvelopeOptions {
  maxBytes: number;
  operation: string;
}

export function parseEnvelope(xml: string, options: ParseEnvelopeOptions): ParsedEnvelope {
  if (xml.length > options.maxBytes) {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `${options.operation}: the answer is larger than ${options.maxBytes} characters`,
    );
  }
  if (/<!DOCTYPE/i.test(xml)) {
    throw new XmlSecurityError(
      'XML_DOCTYPE_REFUSED',
      `${options.operation}: DOCTYPE in a SOAP answer refused`,
      { line: lineOf(xml, xml.search(/<!DOCTYPE/i)) },
    );
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new XmlSecurityError(
      'XML_ENTITY_REFUSED',
      `${options.operation}: entity declaration in a SOAP answer refused`,
      { line: lineOf(xml, xml.search(/<!ENTITY/i)) },
    );
  }
  let document: XmlNode;
  try {
    document = parser.parse(xml, true) as XmlNode;
  } catch (cause) {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `${options.operation}: the answer is not well-formed XML`,
      { cause },
    );
  }
  const body = child(child(document, 'Envelope'), 'Body');
  if (body === undefined) {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `${options.operation}: the answer is not a SOAP envelope with a Body`,
    );
  }
  const fault = child(body, 'Fault');
  if (fault !== undefined) {
    const detail = child(fault, 'detail');
    const exchangeError = detail === undefined ? undefined : child(detail, 'exchangeError');
    const code = exchangeError?.['@_code'];
    return {
      kind: 'fault',
      faultCode: text(fault.faultcode) ?? 'soap:Server',
      faultString: text(fault.faultstring) ?? '',
      portalCode: typeof code === 'string' ? code : undefined,
    };
  }
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith('@_') && name !== '#text') {
      return { kind: 'body', name, element: isNode(value) ? value : { '#text': text(value) ?? '' } };
    }
  }
  throw new ExchangeError('SOAP_RESPONSE_INVALID', `${options.operation}: the SOAP Body is empty`);
}

/** The text of an element that may have attributes. */
export function text(value: XmlValue): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (isNode(value)) {
    return text(value['#text']) ?? '';
  }
  return undefined;
}

/** A child element (the first, when repeated). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || !Object.hasOwn(node, name)) {
    return undefined;
  }
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (isNode(first)) {
    return first;
  }
  return first === undefined ? undefined : { '#text': text(first) ?? '' };
}

/** Every child element of that name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || !Object.hasOwn(node, name)) {
    return [];
  }
  const value = node[name];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    isNode(item) ? item : { '#text': text(item) ?? '' },
  );
}

function isNode(value: XmlValue): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineOf(xml: string, index: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}
