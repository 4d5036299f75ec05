/**
 * The SOAP form of the contract at the gospochta portal, as a SOAP user would speak it: the WSDL and
 * XSD served with this simulator's address; requests built from the JSON form (PII encrypted) with the
 * Packet header; answers whose Packet verifies over the canonical JSON form of the response element;
 * faults carrying the problem. Requests, answers and faults validate against the generated XSD with
 * the real xmllint; the XML contract check catches an answer off the schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, utf8 } from '@goskit/crypto';
import { GOSPOCHTA_XSD, parsePacketHeader } from '@goskit/gospochta/protocol';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_CONTRACTS } from '../src/portals/gospochta/operations/contract-checks.js';
import { responseSchema } from '../src/portals/gospochta/soap/envelope.js';
import { childrenNamed, parseXml, type XmlElement } from '../src/portals/gospochta/soap/xml.js';
import { gospochtaContracts } from '../src/portals/gospochta/soap/xml-contract.js';
import { GOSPOCHTA_NS, jsonToXml, xmlToJson } from '../src/portals/gospochta/soap/xml-json.js';
import { createGospochtaWorld, type GospochtaWorld, HOST } from './gospochta-support.js';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
let world: GospochtaWorld;
let dir: string;
const server = setupServer();
beforeAll(async () => {
  world = await createGospochtaWorld();
  server.use(...world.sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'gospochta-soap-'));
  writeFileSync(join(dir, 'gospochta.xsd'), GOSPOCHTA_XSD);
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Validates one element (re-serialised with its namespace) against the XSD with xmllint. */
function xmllint(xml: string): void {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', join(dir, 'gospochta.xsd'), file], { stdio: 'pipe' });
}

/** The element `name` of the raw XML text, with the g: namespace declared (for xmllint). */
function extract(xml: string, name: string): string {
  const start = xml.indexOf(`<g:${name}`);
  const selfClosing = xml.indexOf('/>', start);
  const close = xml.indexOf(`</g:${name}>`, start);
  const end =
    close < 0 || (selfClosing >= 0 && selfClosing < xml.indexOf('>', start) + 1)
      ? selfClosing + 2
      : close + name.length + 5;
  const element = xml.slice(start, end);
  return `<?xml version="1.0"?>\n${element.replace(`<g:${name}`, `<g:${name} xmlns:g="${GOSPOCHTA_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`)}`;
}

async function soapCall(
  operation: string,
  form: Record<string, unknown>,
  clientId = 'demo-school',
  idempotencyKey?: string,
) {
  const contract = OPERATION_CONTRACTS.get(operation);
  if (contract === undefined) {
    throw new Error(operation);
  }
  const requestId = `soap-${world.sim.random.uuid()}`;
  const encrypted = await world.codec.encryptBody(form);
  const signed = await world.codec.signHeader(
    { dir: 'request', method: 'POST', target: `soap:${operation}`, requestId, idempotencyKey },
    encrypted.digest,
  );
  const fields = parsePacketHeader(signed.header);
  const wire = JSON.parse(new TextDecoder().decode(encrypted.bytes)) as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const parameter of contract.parameters) {
    if (parameter.in === 'path' || parameter.in === 'query') {
      properties[parameter.name] = parameter.schema;
    }
  }
  if (contract.body !== undefined) {
    properties.body = contract.body;
  }
  const inner = jsonToXml(wire, { type: 'object', properties }, `${operation}Request`);
  const packet = `<g:Packet v="1" kid="${fields.kid}" ts="${fields.ts}" nonce="${fields.nonce}" mac="${fields.mac}" digest="${encrypted.digest}" requestId="${requestId}"${idempotencyKey ? ` idempotencyKey="${idempotencyKey}"` : ''}/>`;
  const envelope = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:g="${GOSPOCHTA_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Header>${packet}</soap:Header><soap:Body>${inner}</soap:Body></soap:Envelope>`;
  const response = await fetch(`${HOST}/soap`, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: `"urn:goskit:gospochta:v1#${operation}"`,
      authorization: `Bearer ${await world.token(clientId)}`,
    },
    body: envelope,
  });
  const text = await response.text();
  return { status: response.status, text, envelope, requestId, contract };
}

/** Verifies the answer's Packet over the canonical JSON form and decrypts it, as a SOAP client does. */
async function verified(text: string, requestId: string, operation: string) {
  const root = parseXml(text);
  const body = childrenNamed(root, SOAP_NS, 'Body')[0] as XmlElement;
  const header = childrenNamed(root, SOAP_NS, 'Header')[0] as XmlElement;
  const packet = childrenNamed(header, GOSPOCHTA_NS, 'Packet')[0] as XmlElement;
  const attribute = (name: string) => packet.attributes.get(name) as string;
  const contract = OPERATION_CONTRACTS.get(operation);
  const schema = contract === undefined ? undefined : responseSchema(contract);
  const wrapper =
    schema === undefined
      ? { type: 'object', properties: { content: { type: 'string' }, mediaType: { type: 'string' } } }
      : { type: 'object', properties: { result: schema } };
  const form = xmlToJson(body.children[0] as XmlElement, wrapper);
  const checked = await world.codec.verifyResponse({
    status: 200,
    requestId,
    headers: {
      'x-gospochta-packet': `v=${attribute('v')};kid=${attribute('kid')};ts=${attribute('ts')};nonce=${attribute('nonce')};mac=${attribute('mac')}`,
      'content-digest': attribute('digest'),
      'x-request-id': attribute('requestId'),
    },
    body: utf8(canonicalJson(form)),
  });
  return checked.json as Record<string, unknown>;
}

describe('the SOAP form', () => {
  it('serves the WSDL with this address, and the XSD', async () => {
    const wsdl = await (await fetch(`${HOST}/soap?wsdl`)).text();
    expect(wsdl).toContain(`location="${HOST}/soap"`);
    expect(wsdl).toContain(`schemaLocation="${HOST}/soap?xsd"`);
    expect(await (await fetch(`${HOST}/soap?xsd`)).text()).toBe(GOSPOCHTA_XSD);
  });

  it('runs getSession and listInbox: the request and the answer validate against the XSD, the Packet verifies', async () => {
    const session = await soapCall('getSession', {});
    expect(session.status).toBe(200);
    xmllint(extract(session.envelope, 'getSessionRequest'));
    xmllint(extract(session.text, 'getSessionResponse'));
    xmllint(extract(session.text, 'Packet'));
    expect(await verified(session.text, session.requestId, 'getSession')).toMatchObject({
      result: { clientId: 'demo-school', role: 'operator' },
    });
    const inbox = await soapCall('listInbox', { limit: 5, status: 'new' });
    xmllint(extract(inbox.envelope, 'listInboxRequest'));
    xmllint(extract(inbox.text, 'listInboxResponse'));
    const result = (await verified(inbox.text, inbox.requestId, 'listInbox')).result as {
      items: unknown[];
      nextCursor: null;
    };
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.nextCursor).toBeNull();
  });

  it('searches charges by encrypted СНИЛС (a choice), and answers a file as base64 content', async () => {
    const search = await soapCall(
      'searchCharges',
      { body: { snils: world.parent.snils } },
      'demo-parent-app',
    );
    expect(search.status).toBe(200);
    expect(search.envelope).not.toContain(world.parent.snils);
    expect(search.text).not.toContain(world.parent.snils);
    xmllint(extract(search.envelope, 'searchChargesRequest'));
    xmllint(extract(search.text, 'searchChargesResponse'));
    const charges = (
      (await verified(search.text, search.requestId, 'searchCharges')).result as { charges: unknown[] }
    ).charges;
    expect(charges.length).toBe(3);
    const inbox = world.client('demo-parent-app');
    const [first] = await inbox.letters.inbox().toArray({ limit: 1 });
    const letter = await inbox.letters.get(first?.id as string);
    const file = await soapCall(
      'downloadAttachment',
      { letterId: letter.id, attachmentId: letter.attachments[0]?.id },
      'demo-parent-app',
    );
    xmllint(extract(file.text, 'downloadAttachmentResponse'));
    const answer = await verified(file.text, file.requestId, 'downloadAttachment');
    expect(answer.mediaType).toBe(letter.attachments[0]?.mediaType);
    expect(Buffer.from(answer.content as string, 'base64').length).toBe(letter.attachments[0]?.size);
  });

  it('answers faults carrying the problem with its status, valid against the XSD', async () => {
    const denied = await soapCall('listOutbox', {}, 'demo-parent-app');
    expect(denied.status).toBe(403);
    expect(denied.text).toContain('<faultcode>soap:Client</faultcode>');
    xmllint(extract(denied.text, 'Problem'));
    const problem = parseXml(denied.text);
    const fault = childrenNamed(
      childrenNamed(problem, SOAP_NS, 'Body')[0] as XmlElement,
      SOAP_NS,
      'Fault',
    )[0];
    expect(fault?.children.find((child) => child.name === 'faultstring')?.text).toContain(
      'PERMISSION_DENIED',
    );
    const tampered = await fetch(`${HOST}/soap`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', authorization: `Bearer ${await world.token('demo-school')}` },
      body: (await soapCall('getSession', {})).envelope,
    });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('PACKET_REJECTED');
    for (const hostile of [
      '<!DOCTYPE x [<!ENTITY e "e">]><x/>',
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><g:__proto__Request xmlns:g="urn:goskit:gospochta:v1"/></soap:Body></soap:Envelope>',
      `<a>${'<b>'.repeat(100)}`,
      'not xml',
    ]) {
      const answer = await fetch(`${HOST}/soap`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: hostile,
      });
      expect(answer.status, hostile.slice(0, 30)).toBe(400);
      expect(await answer.text()).toContain('INVALID_REQUEST');
    }
    const wrongAction = await fetch(`${HOST}/soap`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: '"urn:goskit:gospochta:v1#sendLetter"' },
      body: (await soapCall('getSession', {})).envelope,
    });
    expect(await wrongAction.text()).toContain('SOAPAction');
  });

  it('sends a letter over SOAP with an Idempotency-Key, replayed under the same key', async () => {
    const client = world.client('demo-school');
    const letter = await client.outbox.send({
      recipient: {
        lastName: world.parent.lastName,
        firstName: world.parent.firstName,
        snils: world.parent.snils,
      },
      documentType: 'notice',
      subject: 'через REST',
      attachments: [
        {
          name: 'a.pdf',
          mediaType: 'application/pdf',
          content: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
        },
      ],
    });
    const rest = world.state().outgoing.get(letter.letter.id);
    const attachment = rest?.files[0];
    const body = {
      recipient: {
        lastName: world.parent.lastName,
        firstName: world.parent.firstName,
        snils: world.parent.snils,
      },
      documentType: 'order',
      subject: 'через SOAP',
      attachments: [
        {
          name: 'a.pdf',
          mediaType: 'application/pdf',
          content: Buffer.from(attachment?.content as Uint8Array).toString('base64'),
          sha256: attachment?.sha256,
          streebog256: attachment?.streebog256,
          signature: await (async () => {
            const { createDetachedSignedData, toBase64 } = await import('@goskit/crypto');
            return toBase64(
              await createDetachedSignedData({
                signer: world.signer,
                content: attachment?.content as Uint8Array,
              }),
            );
          })(),
        },
      ],
    };
    const first = await soapCall('sendLetter', { body }, 'demo-school', 'soap-letter-0001');
    expect(first.status).toBe(200);
    xmllint(extract(first.envelope, 'sendLetterRequest'));
    xmllint(extract(first.text, 'sendLetterResponse'));
    const sent = (await verified(first.text, first.requestId, 'sendLetter')).result as {
      id: string;
      status: string;
    };
    expect(sent.status).toBe('accepted');
    const again = await soapCall('sendLetter', { body }, 'demo-school', 'soap-letter-0001');
    expect(((await verified(again.text, again.requestId, 'sendLetter')).result as { id: string }).id).toBe(
      sent.id,
    );
    expect(world.sim.contractViolations()).toEqual([]);
  });
});

describe('the XML contract check', () => {
  it('passes the portal’s answers and names what is wrong in others', () => {
    const contracts = gospochtaContracts({ check: () => [], operations: () => [] });
    const check = (body: string) =>
      contracts.check({ operation: 'soap', status: 200, contentType: 'text/xml', body });
    const env = (
      inner: string,
      header = '<soap:Header><g:Packet v="1" kid="k" ts="1" nonce="n" mac="m" digest="d" requestId="r"/></soap:Header>',
    ) =>
      `<soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:g="${GOSPOCHTA_NS}">${header}<soap:Body>${inner}</soap:Body></soap:Envelope>`;
    expect(
      check(
        env(
          '<g:getPaymentResponse><g:result><g:id>pay_1</g:id><g:uin>18810000000000000007</g:uin><g:amount>1</g:amount><g:status>completed</g:status><g:createdAt>2026-01-01T00:00:00Z</g:createdAt></g:result></g:getPaymentResponse>',
        ),
      ),
    ).toEqual([]);
    expect(
      check(
        env('<g:getPaymentResponse><g:result><g:id>pay_1</g:id></g:result></g:getPaymentResponse>'),
      ).join(),
    ).toContain("missing required property 'uin'");
    expect(
      check(env('<g:getPaymentResponse><g:result><g:surprise/></g:result></g:getPaymentResponse>')).join(),
    ).toContain('surprise');
    expect(check(env('<g:getPaymentResponse><g:result/></g:getPaymentResponse>', '')).join()).toContain(
      'Packet',
    );
    expect(check('<oops').join()).toContain('not well-formed');
    expect(
      contracts.check({ operation: 'soap', status: 200, contentType: 'application/json', body: '{}' }).join(),
    ).toContain('text/xml');
  });
});
