import { HttpError } from '@goskit/core';
import {
  createExchangeClient,
  EXCHANGE_NS,
  EXCHANGE_OPERATIONS,
  ExchangeError,
  ParagrafError,
  SoapFaultError,
  XmlSecurityError,
} from '@goskit/paragraf';
import { ValidationError } from '@goskit/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExchangeServer, startExchangeServer, wsdlOperations } from './helpers/exchange-server.js';

let server: ExchangeServer;
beforeAll(async () => {
  server = await startExchangeServer();
});
afterAll(() => server.close());

const noWait = async () => {};
const client = (overrides: Partial<Parameters<typeof createExchangeClient>[0]> = {}) =>
  createExchangeClient({
    endpoint: server.url,
    login: 'school_1',
    password: 'secret42',
    sleep: noWait,
    ...overrides,
  });

const pupils = [
  {
    suid: '100001',
    surname: 'Иванов',
    name: 'Иван',
    patronymic: 'Иванович',
    class: '5 А',
    dob: '01.02.2014',
    event: 'IN' as const,
  },
  { suid: '100002', surname: 'Петрова', name: 'Анна', class: 'СОТР', dob: '2014-03-15' },
  { suid: '100003', surname: 'Сидоров', name: 'Пётр', class: '', dob: '11.11.2013', event: 'OUT' as const },
];

describe('the contract', () => {
  it('the client speaks exactly the operations and namespace the shipped WSDL declares', () => {
    const wsdl = wsdlOperations();
    expect(wsdl.namespace).toBe(EXCHANGE_NS);
    expect([...wsdl.operations].sort()).toEqual([...EXCHANGE_OPERATIONS].sort());
  });
});

describe('pushData', () => {
  it('sends a document/literal envelope with login/password headers and waits for the queue', async () => {
    const seen: string[] = [];
    const status = await client().pushDataAndWait(
      { schoolId: 'sch1', pupils },
      { onStatus: (s) => seen.push(s.state) },
    );
    expect(status).toMatchObject({ state: 'done', processed: 3, total: 3, errors: [] });
    expect(seen).toEqual(['queued', 'processing', 'done']);
    const push = server.requests.find((r) => r.operation === 'pushData');
    expect(push?.soapAction).toBe(`"${EXCHANGE_NS}#pushData"`);
    expect(push?.body).toContain('<ex:login>school_1</ex:login>');
    expect(push?.body).toContain('<ex:class>5 А</ex:class>');
    expect(push?.body).toContain('<ex:class>СОТР</ex:class>');
    expect(push?.body).toContain('<ex:dob>15.03.2014</ex:dob>'); // ISO in, dd.mm.yyyy out
    expect(push?.body).toContain('<ex:event directionType="OUT"');
  });

  it('returns the queue id as soon as the push is queued (not processed)', async () => {
    const result = await client().pushData({ schoolId: 'sch1', pupils: pupils.slice(0, 1) });
    expect(result.result).toBe(true);
    expect(result.queueId).toMatch(/^q-\d+$/);
    expect((await client().getQueueStatus(result.queueId)).state).toBe('queued');
  });

  it('refuses a bad query before sending: duplicate suid, bad class, impossible date', async () => {
    const before = server.requests.length;
    const bad = [
      { ...pupils[0], suid: '100001' },
      { ...pupils[1], suid: '100001', class: '13 Я', dob: '31.02.2014' },
    ];
    const error = await client()
      .pushData({ schoolId: 'sch1', pupils: bad as never })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path?.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['pupils.1.class', 'pupils.1.dob', 'pupils.1.suid']));
    expect(server.requests.length).toBe(before);
  });

  it('result=false is PUSH_REJECTED with the service text', async () => {
    server.declineNext = true;
    const error = await client()
      .pushData({ schoolId: 'sch9', pupils })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.code).toBe('PUSH_REJECTED');
    expect(error.message).toContain('Школа не найдена');
  });

  it('a failed queue item is QUEUE_FAILED with the service errors', async () => {
    server.failNext = true;
    const error = await client()
      .pushDataAndWait({ schoolId: 'sch1', pupils })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.code).toBe('QUEUE_FAILED');
    expect(error.errors).toEqual([{ code: 'SUID_UNKNOWN', text: 'Ученик не найден' }]);
  });

  it('gives up with QUEUE_TIMEOUT when the item does not finish in time', async () => {
    const { queueId } = await client().pushData({ schoolId: 'sch1', pupils });
    let now = 0;
    const slow = client({
      clock: { now: () => now },
      sleep: async (ms) => {
        now += ms;
      },
    });
    const error = await slow.waitForQueue(queueId, { intervalMs: 1000, timeoutMs: 1500 }).catch((e) => e);
    expect(error.code).toBe('QUEUE_TIMEOUT');
    expect(error.queueId).toBe(queueId);
  });
});

describe('pushZipFile', () => {
  it('zips files, sends them base64 and is queued', async () => {
    const result = await client().pushZipFile([
      { name: 'events.xml', content: '<eventList/>' },
      { name: 'Льготы 2025.csv', content: 'suid;code\n100001;L1\n' },
    ]);
    expect(result.queueId).toMatch(/^q-/);
    expect(server.pushes.at(-1)).toEqual({
      operation: 'pushZipFile',
      files: ['events.xml', 'Льготы 2025.csv'],
    });
  });

  it('refuses path-like names and non-zip bytes', async () => {
    for (const name of ['../etc/passwd', '/abs.xml', '.hidden', 'a/b.xml']) {
      await expect(client().pushZipFile([{ name, content: 'x' }])).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(client().pushZipFile(new Uint8Array([1, 2, 3, 4]))).rejects.toBeInstanceOf(ParagrafError);
  });

  it('refuses a zip over maxZipBytes', async () => {
    const random = new Uint8Array(200_000).map(() => Math.floor(Math.random() * 256));
    await expect(
      client({ maxZipBytes: 100_000 }).pushZipFile([{ name: 'big.bin', content: random }]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('faults and hostile answers', () => {
  it('a SOAP fault (HTTP 500) becomes SoapFaultError with the fault code, text and the service code', async () => {
    const error = await createExchangeClient({
      endpoint: server.url,
      login: 'school_1',
      password: 'wrong123',
      sleep: noWait,
    })
      .pushData({ schoolId: 'sch1', pupils })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toMatchObject({
      faultCode: 'soap:Client',
      portalCode: 'AUTH_FAILED',
      status: 500,
      operation: 'pushData',
    });
    expect(error.faultString).toBe('Неверный логин или пароль');
    expect(error.message).not.toContain('wrong123');
    expect(JSON.stringify(error)).not.toContain('wrong123');
  });

  it('a fault for an unknown queue keeps its code', async () => {
    await expect(client().getQueueStatus('nope')).rejects.toMatchObject({
      code: 'SOAP_FAULT',
      portalCode: 'QUEUE_NOT_FOUND',
    });
  });

  it('a DOCTYPE in the answer (billion laughs) is refused, never expanded', async () => {
    server.rawNext = {
      status: 200,
      body: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><pushResponse><result>&lol2;</result></pushResponse></soap:Body></soap:Envelope>',
    };
    const error = await client()
      .pushData({ schoolId: 'sch1', pupils })
      .catch((e) => e);
    expect(error).toBeInstanceOf(XmlSecurityError);
    expect(error.code).toBe('XML_DOCTYPE_REFUSED');
  });

  it('an answer that is not the expected element, or not XML, is SOAP_RESPONSE_INVALID', async () => {
    server.rawNext = {
      status: 200,
      body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><other/></soap:Body></soap:Envelope>',
    };
    await expect(client().getQueueStatus('q-1')).rejects.toMatchObject({ code: 'SOAP_RESPONSE_INVALID' });
    server.rawNext = { status: 200, body: 'plain text' };
    await expect(client().getQueueStatus('q-1')).rejects.toMatchObject({ code: 'SOAP_RESPONSE_INVALID' });
  });

  it('an HTTP error without a fault stays core HttpError with status and bounded body', async () => {
    server.rawNext = { status: 502, body: '<html>Bad gateway</html>' };
    const error = await client({ retry: false })
      .pushData({ schoolId: 'sch1', pupils })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(502);
  });

  it('checks login and password against the service rules', () => {
    expect(() => createExchangeClient({ endpoint: server.url, login: 'ab', password: 'secret42' })).toThrow(
      /login/,
    );
    expect(() =>
      createExchangeClient({ endpoint: server.url, login: 'school_1', password: 'short' }),
    ).toThrow(/password/);
  });
});
