/**
 * A small SOAP exchange service on 127.0.0.1 (port 0) for the client tests: it reads requests with
 * fast-xml-parser, checks the login/password header elements and the operation against the shipped
 * WSDL's operation names, queues pushes and moves each queue item queued → processing → done (or
 * failed) one step per status read. Not the simulator portal — just enough of the contract to test against.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

const wsdlPath = new URL('../../wsdl/paragraf-exchange.wsdl', import.meta.url);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
});

/** Operation names the shipped WSDL declares in its portType. */
export function wsdlOperations(): { namespace: string; operations: string[] } {
  const wsdl = parser.parse(readFileSync(wsdlPath, 'utf8'));
  const definitions = wsdl.definitions;
  const operations = [definitions.portType.operation].flat().map((op: { '@_name': string }) => op['@_name']);
  return { namespace: definitions['@_targetNamespace'], operations };
}

interface QueueItem {
  steps: string[];
  total: number;
  errors: { code: string; text: string }[];
}

export interface ExchangeServer {
  url: string;
  requests: { operation: string; soapAction: string | undefined; body: string }[];
  pushes: { operation: string; pupils?: number; files?: string[] }[];
  /** Next push answers result=false. */
  declineNext: boolean;
  /** Next push's queue item ends in failed. */
  failNext: boolean;
  /** Raw answer for the next request (hostile-answer tests). */
  rawNext: { status: number; body: string } | undefined;
  close(): Promise<void>;
}

const fault = (code: string, text: string, portalCode?: string): string =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring>${portalCode ? `<detail><ex:exchangeError xmlns:ex="urn:goskit:paragraf:exchange:1" code="${portalCode}">${text}</ex:exchangeError></detail>` : ''}</soap:Fault></soap:Body></soap:Envelope>`;

const answer = (content: string): string =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ex="urn:goskit:paragraf:exchange:1"><soap:Body>${content}</soap:Body></soap:Envelope>`;

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startExchangeServer(
  credentials = { login: 'school_1', password: 'secret42' },
): Promise<ExchangeServer> {
  const { operations } = wsdlOperations();
  const queue = new Map<string, QueueItem>();
  let counter = 0;
  const state: ExchangeServer = {
    url: '',
    requests: [],
    pushes: [],
    declineNext: false,
    failNext: false,
    rawNext: undefined,
    close: async () => {},
  };
  const server: Server = createServer(async (request, response) => {
    const body = await read(request);
    const send = (status: number, xml: string) => {
      response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(xml);
    };
    if (state.rawNext) {
      const raw = state.rawNext;
      state.rawNext = undefined;
      send(raw.status, raw.body);
      return;
    }
    const document = parser.parse(body);
    const envelope = document.Envelope;
    const header = envelope?.Header;
    const operation = Object.keys(envelope?.Body ?? {}).find((key) => !key.startsWith('@_')) ?? '';
    state.requests.push({ operation, soapAction: request.headers.soapaction as string | undefined, body });
    if (header?.login !== credentials.login || String(header?.password) !== credentials.password) {
      send(500, fault('soap:Client', 'Неверный логин или пароль', 'AUTH_FAILED'));
      return;
    }
    if (!operations.includes(operation)) {
      send(500, fault('soap:Client', `Unknown operation ${operation}`));
      return;
    }
    const input = envelope.Body[operation];
    if (operation === 'pushData' || operation === 'pushZipFile') {
      let total = 0;
      if (operation === 'pushData') {
        const pupils = [input.query.school.pupil].flat();
        total = pupils.length;
        state.pushes.push({ operation, pupils: total });
      } else {
        const files = Object.keys(unzipSync(new Uint8Array(Buffer.from(input.file, 'base64'))));
        total = files.length;
        state.pushes.push({ operation, files });
      }
      if (state.declineNext) {
        state.declineNext = false;
        send(
          200,
          answer(
            '<ex:pushResponse><ex:result>false</ex:result><ex:message>Школа не найдена</ex:message></ex:pushResponse>',
          ),
        );
        return;
      }
      counter++;
      const queueId = `q-${counter}`;
      queue.set(queueId, {
        steps: state.failNext ? ['queued', 'processing', 'failed'] : ['queued', 'processing', 'done'],
        total,
        errors: state.failNext ? [{ code: 'SUID_UNKNOWN', text: 'Ученик не найден' }] : [],
      });
      state.failNext = false;
      send(
        200,
        answer(
          `<ex:pushResponse><ex:result>true</ex:result><ex:queueId>${queueId}</ex:queueId></ex:pushResponse>`,
        ),
      );
      return;
    }
    const item = queue.get(String(input.queueId));
    if (!item) {
      send(500, fault('soap:Client', 'Нет такой очереди', 'QUEUE_NOT_FOUND'));
      return;
    }
    const status = item.steps.length > 1 ? (item.steps.shift() as string) : (item.steps[0] as string);
    const processed = status === 'done' || status === 'failed' ? item.total : 0;
    const errors =
      status === 'failed'
        ? item.errors.map((e) => `<ex:error code="${e.code}">${e.text}</ex:error>`).join('')
        : '';
    send(
      200,
      answer(
        `<ex:queueStatusResponse><ex:queueId>${input.queueId}</ex:queueId><ex:status>${status}</ex:status><ex:processed>${processed}</ex:processed><ex:total>${item.total}</ex:total>${errors}</ex:queueStatusResponse>`,
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
