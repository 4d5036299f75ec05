/**
 * The SOAP form of the same operations (SOAP 1.1, document/literal, the contract's generated WSDL):
 * `POST /soap` with `text/xml`, the operation element in the Body and the protection in the
 * `tns:Packet` header; the bearer token as in REST. Everything after reading the envelope is the REST
 * pipeline: the same checks, the same operations, the same idempotency; the answer is the encrypted
 * JSON form written as XML with a response Packet header, or a SOAP fault carrying the problem.
 * `GET /soap?wsdl` and `?xsd` serve the contract with this simulator's address in it.
 */
import { canonicalJson, fromUtf8, toBase64, utf8 } from '@goskit/crypto';
import { GOSPOCHTA_WSDL, GOSPOCHTA_XSD, parsePacketHeader } from '@goskit/gospochta/protocol';
import type { RouteDefinition, SimRequest, SimResponse } from '../../../engine/types.js';
import { recordAudit } from '../operations/audit-log.js';
import type { OperationTable } from '../operations/operation.js';
import { type PipelineDeps, runOperation } from '../operations/pipeline.js';
import { MAX_PACKET_BYTES } from '../operations/rest.js';
import { codecFor } from '../packets.js';
import { GospochtaProblem, PROBLEM_TYPE, problemResponse } from '../problem.js';
import type { GospochtaState } from '../state.js';
import {
  type PacketAttributes,
  readSoapRequest,
  SoapRequestError,
  soapAnswer,
  soapFault,
} from './envelope.js';
import { parseXml, XmlError } from './xml.js';

const XML_TYPE = 'text/xml; charset=utf-8';
const SOAP_ACTION = /^"?urn:goskit:gospochta:v1#(\w{1,64})"?$/;

/**
 * A fault answer carrying the problem; Retry-After and WWW-Authenticate kept as headers. Its HTTP
 * status is the problem's (a client's mistake stays a 4xx) unless `soapFaultStatus: 500` asks for
 * WS-I's 500 on every fault.
 */
export function faultResponse(
  problem: GospochtaProblem,
  requestId: string | undefined,
  faultStatus: 'problem' | 500 = 'problem',
): SimResponse {
  const json = JSON.parse(
    String(problemResponse(problem.status, problem.code, requestId, problem.extra).body),
  ) as Record<string, unknown>;
  json.type = PROBLEM_TYPE;
  return {
    status: faultStatus === 500 ? 500 : problem.status,
    headers: {
      'content-type': XML_TYPE,
      ...(requestId === undefined ? {} : { 'x-request-id': requestId }),
      ...(problem.headers['retry-after'] === undefined
        ? {}
        : { 'retry-after': problem.headers['retry-after'] }),
      ...(problem.headers['www-authenticate'] === undefined
        ? {}
        : { 'www-authenticate': problem.headers['www-authenticate'] }),
    },
    body: soapFault(json),
  };
}

function read(request: SimRequest) {
  const type = request.headers['content-type'] ?? '';
  if (!/^(text\/xml|application\/soap\+xml)\b/i.test(type)) {
    throw new GospochtaProblem(415, 'UNSUPPORTED_MEDIA_TYPE', { detail: 'a SOAP 1.1 request is text/xml' });
  }
  if ((request.body?.length ?? 0) > MAX_PACKET_BYTES) {
    throw new GospochtaProblem(413, 'PAYLOAD_TOO_LARGE', { detail: 'a request is at most 32 MiB' });
  }
  let soap: ReturnType<typeof readSoapRequest>;
  try {
    soap = readSoapRequest(parseXml(fromUtf8(request.body ?? new Uint8Array(0))));
  } catch (error) {
    if (error instanceof XmlError || error instanceof SoapRequestError) {
      throw new GospochtaProblem(400, 'INVALID_REQUEST', {
        detail: error.message.slice(0, 900),
        ...(error instanceof SoapRequestError && error.field !== undefined ? { field: error.field } : {}),
      });
    }
    throw error;
  }
  const action = request.headers.soapaction;
  if (action !== undefined && action !== '' && action !== '""') {
    const named = SOAP_ACTION.exec(action)?.[1];
    if (named !== soap.operation) {
      throw new GospochtaProblem(400, 'INVALID_REQUEST', {
        field: 'SOAPAction',
        detail: `SOAPAction names ${String(named).slice(0, 64)}, the Body holds ${soap.operation}`,
      });
    }
  }
  return soap;
}

/** The Packet attributes as the REST headers the codec reads. */
function packetHeaders(request: SimRequest, packet: Partial<PacketAttributes>): Record<string, string> {
  const headers: Record<string, string> = { authorization: request.headers.authorization ?? '' };
  if (packet.v !== undefined) {
    headers['x-gospochta-packet'] =
      `v=${packet.v};kid=${packet.kid ?? ''};ts=${packet.ts ?? ''};nonce=${packet.nonce ?? ''};mac=${packet.mac ?? ''}`;
  }
  if (packet.digest !== undefined) {
    headers['content-digest'] = packet.digest;
  }
  if (packet.requestId !== undefined) {
    headers['x-request-id'] = packet.requestId;
  }
  if (packet.idempotencyKey !== undefined) {
    headers['idempotency-key'] = packet.idempotencyKey;
  }
  if (packet.jws !== undefined) {
    headers['x-gospochta-jws'] = packet.jws;
  }
  return headers;
}

export function soapRoutes(table: OperationTable, deps: PipelineDeps): RouteDefinition<GospochtaState>[] {
  return [
    {
      method: 'GET',
      path: '/soap',
      operation: 'soap.wsdl',
      handler: ({ request }) => {
        const endpoint = `${request.baseUrl}/soap`;
        if (request.query.has('xsd')) {
          return { status: 200, headers: { 'content-type': XML_TYPE }, body: GOSPOCHTA_XSD };
        }
        const wsdl = GOSPOCHTA_WSDL.replace(
          /location="[^"]*\/soap"/,
          `location="${endpoint.replace(/"/g, '&quot;')}"`,
        ).replace(
          'schemaLocation="gospochta.xsd"',
          `schemaLocation="${endpoint.replace(/"/g, '&quot;')}?xsd"`,
        );
        return { status: 200, headers: { 'content-type': XML_TYPE }, body: wsdl };
      },
    },
    {
      method: 'POST',
      path: '/soap',
      operation: 'soap',
      handler: async ({ request, state, sim }): Promise<SimResponse> => {
        let soap: ReturnType<typeof readSoapRequest>;
        try {
          soap = read(request);
        } catch (error) {
          const problem = error instanceof GospochtaProblem ? error : new GospochtaProblem(500, 'INTERNAL');
          recordAudit(state, {
            requestId: 'soap',
            at: sim.clock.now(),
            operation: 'soap',
            status: problem.status,
            code: problem.code,
          });
          return faultResponse(problem, undefined, deps.options.soapFaultStatus);
        }
        const requestId = soap.packet.requestId;
        const spec = table[soap.contract.operationId];
        if (requestId === undefined || !/^[A-Za-z0-9._:-]{8,128}$/.test(requestId) || spec === undefined) {
          const problem = new GospochtaProblem(400, 'INVALID_REQUEST', {
            field: 'Packet/@requestId',
            detail: 'the Packet header needs a requestId: 8–128 of A–Z a–z 0–9 . _ : -',
          });
          recordAudit(state, {
            requestId: 'soap',
            at: sim.clock.now(),
            operation: soap.operation,
            status: 400,
            code: problem.code,
          });
          return faultResponse(problem, undefined, deps.options.soapFaultStatus);
        }
        const query = new URLSearchParams();
        const params: Record<string, string> = {};
        for (const parameter of soap.contract.parameters) {
          const value = soap.form[parameter.name];
          if (value === undefined || value === null) {
            continue;
          }
          if (parameter.in === 'path') {
            params[parameter.name] = String(value);
          } else if (parameter.in === 'query') {
            query.set(parameter.name, String(value));
          }
        }
        const outcome = await runOperation({
          contract: soap.contract,
          spec,
          deps,
          request,
          state,
          sim,
          requestId,
          params,
          query,
          packet: {
            method: 'POST',
            target: `soap:${soap.operation}`,
            headers: packetHeaders(request, soap.packet),
            body: utf8(canonicalJson(soap.form)),
          },
          bodyOf: (verified) =>
            soap.contract.body === undefined || soap.form.body === undefined
              ? undefined
              : { wire: soap.form.body, plain: (verified.json as Record<string, unknown>).body },
          bodyPointer: '/body',
        });
        if (outcome.kind === 'problem') {
          return faultResponse(outcome.problem, requestId, deps.options.soapFaultStatus);
        }
        const { result, caller, verified } = outcome;
        const codec = codecFor(state, caller.system, sim.clock, deps.options.packetToleranceSec);
        const wrapper =
          result.bytes === undefined
            ? { result: result.json ?? {} }
            : {
                content: toBase64(result.bytes),
                mediaType: result.contentType ?? 'application/octet-stream',
              };
        const encrypted = await codec.encryptBody(wrapper, verified.kid);
        const signed = await codec.signHeader(
          { dir: 'response', status: 200, requestId },
          encrypted.digest,
          encrypted.kid,
        );
        const fields = parsePacketHeader(signed.header);
        const packet: PacketAttributes = {
          v: String(fields.v),
          kid: fields.kid,
          ts: String(fields.ts),
          nonce: fields.nonce,
          mac: fields.mac,
          digest: encrypted.digest,
          requestId,
        };
        const form = JSON.parse(fromUtf8(encrypted.bytes)) as Record<string, unknown>;
        return {
          status: 200,
          headers: {
            'content-type': XML_TYPE,
            'x-request-id': requestId,
            ...(result.headers?.['idempotent-replayed'] === undefined
              ? {}
              : { 'idempotent-replayed': 'true' }),
          },
          body: soapAnswer(soap.contract, packet, form),
        };
      },
    },
  ];
}
