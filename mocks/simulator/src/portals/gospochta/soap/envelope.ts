/**
 * SOAP 1.1 envelopes of the contract's XML form: a request's operation, its `tns:Packet` header and
 * the JSON form of its content; an answer with the response packet header; a fault carrying the
 * problem (`detail/tns:Problem`). The packet binds `soap:<operation>` and the digest of the canonical
 * JSON form of the operation element's content (decision 058).
 */
import type { JsonSchema } from '../../../engine/contracts/json-schema.js';
import { gospochtaOpenApi } from '../openapi.gen.js';
import { OPERATION_CONTRACTS, type OperationContract } from '../operations/contract-checks.js';
import { childrenNamed, escapeXml, type XmlElement } from './xml.js';
import { GOSPOCHTA_NS, jsonToXml, XmlMappingError, XSI_NS, xmlToJson } from './xml-json.js';

export const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface PacketAttributes {
  v: string;
  kid: string;
  ts: string;
  nonce: string;
  mac: string;
  digest: string;
  requestId: string;
  idempotencyKey?: string;
  jws?: string;
}

export interface SoapRequest {
  operation: string;
  contract: OperationContract;
  packet: Partial<PacketAttributes>;
  /** The JSON form of the operation element's content (wire form: Encrypted as `{"$enc": …}`). */
  form: Record<string, unknown>;
}

export class SoapRequestError extends Error {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SoapRequestError';

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SoapRequestError';
  }
}

const problemSchema = (gospochtaOpenApi as { components: { schemas: Record<string, JsonSchema> } }).components
  .schemas.Problem;

/** The 2xx JSON schema of an operation, or undefined when it answers a file. */
export function responseSchema(contract: OperationContract): JsonSchema | undefined {
  const paths = (gospochtaOpenApi as { paths: Record<string, Record<string, Record<string, unknown>>> })
    .paths;
  const operation = paths[contract.path]?.[contract.method.toLowerCase()];
  const responses = (operation?.responses ?? {}) as Record<
    string,
    { content?: Record<string, { schema?: JsonSchema }> }
  >;
  const success = Object.entries(responses).find(([status]) => status.startsWith('2'))?.[1];
  return success?.content?.['application/json']?.schema;
}

/** Reads the operation, the packet header and the JSON form out of a parsed envelope. */
export function readSoapRequest(envelope: XmlElement): SoapRequest {
  if (envelope.ns !== SOAP_NS || envelope.name !== 'Envelope') {
    throw new SoapRequestError('the root must be a SOAP 1.1 Envelope');
  }
  const [body] = childrenNamed(envelope, SOAP_NS, 'Body');
  const [header] = childrenNamed(envelope, SOAP_NS, 'Header');
  const element = body?.children[0];
  if (body === undefined || element === undefined || body.children.length !== 1) {
    throw new SoapRequestError('the Body must hold exactly one operation element');
  }
  const match = /^(\w{1,64})Request$/.exec(element.name);
  const contract = match ? OPERATION_CONTRACTS.get(match[1] as string) : undefined;
  if (element.ns !== GOSPOCHTA_NS || contract === undefined || contract.path.startsWith('/oauth2')) {
    throw new SoapRequestError(`unknown operation element ${element.name.slice(0, 80)}`, 'Body');
  }
  const packetElement = header === undefined ? undefined : childrenNamed(header, GOSPOCHTA_NS, 'Packet')[0];
  const packet: Partial<PacketAttributes> = {};
  for (const name of [
    'v',
    'kid',
    'ts',
    'nonce',
    'mac',
    'digest',
    'requestId',
    'idempotencyKey',
    'jws',
  ] as const) {
    const value = packetElement?.attributes.get(name);
    if (value !== undefined) {
      packet[name] = value;
    }
  }
  const properties: Record<string, JsonSchema> = {};
  for (const parameter of contract.parameters) {
    if (parameter.in === 'path' || parameter.in === 'query') {
      properties[parameter.name] = parameter.schema ?? { type: 'string' };
    }
  }
  if (contract.body !== undefined) {
    properties.body = contract.body;
  }
  let form: unknown;
  try {
    form = xmlToJson(element, { type: 'object', properties });
  } catch (error) {
    if (error instanceof XmlMappingError) {
      throw new SoapRequestError(`the request does not fit the schema: ${error.message}`, error.pointer);
    }
    throw error;
  }
  return { operation: contract.operationId, contract, packet, form: form as Record<string, unknown> };
}

function packetXml(attributes: PacketAttributes): string {
  const parts = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`);
  return `<g:Packet ${parts.join(' ')}/>`;
}

const OPEN = `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:g="${GOSPOCHTA_NS}" xmlns:xsi="${XSI_NS}">`;

/** A successful answer: the packet header and `<op>Response` with the encrypted JSON form. */
export function soapAnswer(
  contract: OperationContract,
  packet: PacketAttributes,
  encryptedForm: Record<string, unknown>,
): string {
  const schema = responseSchema(contract);
  const inner =
    schema === undefined
      ? `<g:content>${escapeXml(String(encryptedForm.content ?? ''))}</g:content><g:mediaType>${escapeXml(String(encryptedForm.mediaType ?? ''))}</g:mediaType>`
      : jsonToXml(encryptedForm.result, schema, 'result');
  return `${OPEN}<soap:Header>${packetXml(packet)}</soap:Header><soap:Body><g:${contract.operationId}Response>${inner}</g:${contract.operationId}Response></soap:Body></soap:Envelope>`;
}

/** A fault carrying the problem as `detail/tns:Problem`. */
export function soapFault(problem: Record<string, unknown>): string {
  const status = Number(problem.status ?? 500);
  const faultcode = status >= 500 ? 'soap:Server' : 'soap:Client';
  const faultstring = `${String(problem.code ?? 'INTERNAL')}: ${String(problem.title ?? '')}`;
  return `${OPEN}<soap:Body><soap:Fault><faultcode>${faultcode}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring><detail>${jsonToXml(problem, problemSchema, 'Problem')}</detail></soap:Fault></soap:Body></soap:Envelope>`;
}
