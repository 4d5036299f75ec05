/**
 * The contract check of the SOAP answers (what `contractsFromOpenApi` is for the JSON ones): every
 * answer of operation `soap` must be a SOAP 1.1 envelope whose Body holds either `<op>Response` of a
 * known operation — with the response Packet header and content that maps onto the operation's
 * response schema and validates against it — or a Fault whose `detail/Problem` is a valid Problem.
 * Problems come back as strings naming where, as the engine's contract checks do.
 */
import { type SchemaContext, validateSchema } from '../../../engine/contracts/json-schema.js';
import type { ContractCheckInput, ContractSet } from '../../../engine/types.js';
import { gospochtaOpenApi } from '../openapi.gen.js';
import { OPERATION_CONTRACTS } from '../operations/contract-checks.js';
import { responseSchema, SOAP_NS } from './envelope.js';
import { childrenNamed, parseXml, XmlError } from './xml.js';
import { GOSPOCHTA_NS, XmlMappingError, xmlToJson } from './xml-json.js';

const context: SchemaContext = { root: gospochtaOpenApi, patterns: new Map() };
const problemSchema = { $ref: '#/components/schemas/Problem' };
const REQUIRED_PACKET = ['v', 'kid', 'ts', 'nonce', 'mac', 'digest', 'requestId'];

function checkEnvelope(text: string): string[] {
  let envelope: ReturnType<typeof parseXml>;
  try {
    envelope = parseXml(text);
  } catch (error) {
    return [`not well-formed XML: ${error instanceof XmlError ? error.message : String(error)}`];
  }
  if (envelope.ns !== SOAP_NS || envelope.name !== 'Envelope') {
    return ['the root is not a SOAP 1.1 Envelope'];
  }
  const [body] = childrenNamed(envelope, SOAP_NS, 'Body');
  const content = body?.children[0];
  if (body === undefined || content === undefined || body.children.length !== 1) {
    return ['the Body must hold exactly one element'];
  }
  try {
    if (content.ns === SOAP_NS && content.name === 'Fault') {
      const detail = content.children.find((child) => child.name === 'detail');
      const problem = detail?.children.find((child) => child.ns === GOSPOCHTA_NS && child.name === 'Problem');
      const errors: string[] = [];
      for (const name of ['faultcode', 'faultstring']) {
        if (!content.children.some((child) => child.name === name && child.ns === '')) {
          errors.push(`Fault: missing ${name}`);
        }
      }
      if (problem === undefined) {
        return [...errors, 'Fault: missing detail/Problem'];
      }
      return [
        ...errors,
        ...validateSchema(problemSchema, xmlToJson(problem, problemSchema), context, '$.Problem'),
      ];
    }
    const operation = /^(\w{1,64})Response$/.exec(content.name)?.[1];
    const contract = operation === undefined ? undefined : OPERATION_CONTRACTS.get(operation);
    if (content.ns !== GOSPOCHTA_NS || contract === undefined) {
      return [`the Body holds ${content.name}, no operation's response`];
    }
    const errors: string[] = [];
    const [header] = childrenNamed(envelope, SOAP_NS, 'Header');
    const packet = header === undefined ? undefined : childrenNamed(header, GOSPOCHTA_NS, 'Packet')[0];
    for (const name of REQUIRED_PACKET) {
      if (packet?.attributes.get(name) === undefined) {
        errors.push(`Header/Packet: missing @${name}`);
      }
    }
    const schema = responseSchema(contract);
    const wrapper =
      schema === undefined
        ? {
            type: 'object',
            required: ['content', 'mediaType'],
            properties: { content: { type: 'string' }, mediaType: { type: 'string' } },
          }
        : { type: 'object', required: ['result'], properties: { result: schema } };
    const json = xmlToJson(content, wrapper);
    return [...errors, ...validateSchema(wrapper, json, context, `$.${content.name}`)];
  } catch (error) {
    if (error instanceof XmlMappingError) {
      return [`the XML does not fit the schema at ${error.message}`];
    }
    throw error;
  }
}

/** JSON operations by the OpenAPI contract; the SOAP endpoint by its XML checker. */
export function gospochtaContracts(json: ContractSet): ContractSet {
  return {
    operations: () => [...json.operations(), 'soap'],
    check(input: ContractCheckInput): string[] {
      if (input.operation !== 'soap') {
        return json.check(input);
      }
      if (!/^text\/xml\b/i.test(input.contentType)) {
        return [`content type '${input.contentType || '(none)'}' is not text/xml`];
      }
      return checkEnvelope(typeof input.body === 'string' ? input.body : JSON.stringify(input.body));
    },
  };
}
