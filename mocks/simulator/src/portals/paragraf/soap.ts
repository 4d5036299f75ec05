/**
 * SOAP 1.1 document/literal as goskit's Параграф exchange contract speaks it (namespace
 * `urn:goskit:paragraf:exchange:1`, `login`/`password` header elements as in the public petersburgedu
 * services): requests read with fast-xml-parser after refusing DOCTYPE and entity declarations, answers
 * written with every value escaped, faults with a `detail/exchangeError@code` the client keeps.
 */
import { XMLParser } from 'fast-xml-parser';
import { escapeHtml } from '../../engine/escape-html.js';
import { bodyText } from '../../engine/responses.js';
import type { SimRequest, SimResponse } from '../../engine/types.js';

export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const EXCHANGE_NS = 'urn:goskit:paragraf:exchange:1';
export const XML_TYPE = 'text/xml; charset=utf-8';

export type XmlNode = { [name: string]: unknown };

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
  maxNestedTags: 32,
});

/** A SOAP fault the route answers with (HTTP 500, as SOAP 1.1 says). */
export class SoapFault extends Error {
  readonly faultCode: 'soap:Client' | 'soap:Server';
  readonly code: string;

  constructor(faultCode: 'soap:Client' | 'soap:Server', code: string, message: string) {
    super(message);
    this.faultCode = faultCode;
    this.code = code;
  }
}

export interface SoapRequest {
  operation: string;
  login: string | undefined;
  password: string | undefined;
  body: XmlNode;
}

/** Reads the envelope; a fault for anything that is not one (or is hostile). */
export function readSoapRequest(request: SimRequest, maxChars: number): SoapRequest {
  const type = request.headers['content-type'] ?? '';
  if (!/xml/i.test(type)) {
    throw new SoapFault(
      'soap:Client',
      'CONTENT_TYPE',
      `expected text/xml, got '${type.slice(0, 80) || '(none)'}'`,
    );
  }
  const xml = bodyText(request.body);
  if (xml.length > maxChars) {
    throw new SoapFault('soap:Client', 'TOO_LARGE', `the request is larger than ${maxChars} characters`);
  }
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new SoapFault('soap:Client', 'XML_REFUSED', 'DOCTYPE and entity declarations are refused');
  }
  let document: XmlNode;
  try {
    document = parser.parse(xml, true) as XmlNode;
  } catch {
    throw new SoapFault('soap:Client', 'XML_INVALID', 'the request is not well-formed XML');
  }
  const envelope = node(document.Envelope);
  const body = node(envelope?.Body);
  if (envelope === undefined || body === undefined) {
    throw new SoapFault('soap:Client', 'NOT_SOAP', 'the request is not a SOAP envelope with a Body');
  }
  const names = Object.keys(body).filter((name) => !name.startsWith('@_') && name !== '#text');
  const operation = names[0];
  if (operation === undefined || names.length > 1) {
    throw new SoapFault('soap:Client', 'NOT_SOAP', 'the SOAP Body must hold exactly one element');
  }
  const header = node(envelope.Header);
  return {
    operation,
    login: textOf(header?.login),
    password: textOf(header?.password),
    body: node(body[operation]) ?? {},
  };
}

export function node(value: unknown): XmlNode | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as XmlNode) : undefined;
}

export function nodes(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Text of an element (also one with attributes); undefined when absent. */
export function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') {
    return String(first);
  }
  if (typeof first === 'object' && first !== null) {
    const inner = (first as XmlNode)['#text'];
    return inner === undefined ? '' : String(inner);
  }
  return undefined;
}

const envelope = (content: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:ex="${EXCHANGE_NS}"><soap:Body>${content}</soap:Body></soap:Envelope>`;

/** `<ex:name>` with escaped text children, in order. */
export function element(name: string, children: [string, string | number | boolean][]): string {
  const inner = children.map(([child, value]) => `<ex:${child}>${escapeHtml(String(value))}</ex:${child}>`);
  return `<ex:${name}>${inner.join('')}</ex:${name}>`;
}

export function soapAnswer(content: string): SimResponse {
  return { status: 200, headers: { 'content-type': XML_TYPE }, body: envelope(content) };
}

export function soapFault(fault: SoapFault): SimResponse {
  const text = escapeHtml(fault.message);
  return {
    status: 500,
    headers: { 'content-type': XML_TYPE },
    body: envelope(
      `<soap:Fault><faultcode>${fault.faultCode}</faultcode><faultstring>${text}</faultstring><detail><ex:exchangeError code="${escapeHtml(fault.code)}">${text}</ex:exchangeError></detail></soap:Fault>`,
    ),
  };
}

/** Parses an answer the portal wrote (the contract checks use it). */
export function parseAnswer(xml: string): XmlNode | undefined {
  try {
    return parser.parse(xml, true) as XmlNode;
  } catch {
    return undefined;
  }
}
