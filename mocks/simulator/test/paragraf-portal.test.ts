/**
 * The paragraf portal in process: the SOAP exchange (queue on the virtual clock, faults, hostile XML,
 * the XML contract), the «База ссылок» checked against the vk portal, and «Онлайн-урок» creating the
 * subject chat and the call in the vk portal.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderOverview } from '../src/dashboard/overview-page.js';
import { checkExchangeAnswer } from '../src/portals/paragraf/contracts.js';
import {
  paragrafCloseLesson,
  paragrafDemoAccount,
  paragrafJournals,
  paragrafLessons,
  paragrafPublishOnline,
  paragrafSaveLink,
  paragrafStaff,
} from '../src/portals/paragraf/index.js';
import { vkChatMessages, vkChats, vkDemo } from '../src/portals/vk/index.js';
import { vkAccountsService } from '../src/services/vk-accounts.js';
import { envelope, field, paragrafSim, pupilXml, soap } from './paragraf-support.js';

function push(login: string, password: string, schoolId: string, pupils: string) {
  return envelope(
    login,
    password,
    `<ex:pushData><ex:query><ex:school id="${schoolId}">${pupils}</ex:school></ex:query></ex:pushData>`,
  );
}
const status = (login: string, password: string, queueId: string) =>
  envelope(login, password, `<ex:getQueueStatus><ex:queueId>${queueId}</ex:queueId></ex:getQueueStatus>`);

describe('paragraf exchange (SOAP)', () => {
  it('queues a push and processes it on the virtual clock: queued → processing → done', async () => {
    const sim = paragrafSim();
    const { login, password, schoolId } = paragrafDemoAccount(sim);
    const pupils = Array.from({ length: 10 }, (_, i) => pupilXml(`S-${i}`)).join('');
    const pushed = await soap(sim, push(login, password, schoolId, pupils));
    expect(pushed.status).toBe(200);
    expect(field(pushed.text, 'result')).toBe('true');
    const queueId = field(pushed.text, 'queueId') ?? '';
    expect(queueId).toMatch(/^Q-\d+$/);
    const read = async () => (await soap(sim, status(login, password, queueId))).text;
    expect(field(await read(), 'status')).toBe('queued');
    sim.clock.advance(4_500);
    const half = await read();
    expect(field(half, 'status')).toBe('processing');
    expect(Number(field(half, 'processed'))).toBe(5);
    sim.clock.advance(3_000);
    const done = await read();
    expect([field(done, 'status'), field(done, 'processed'), field(done, 'total')]).toEqual([
      'done',
      '10',
      '10',
    ]);
    expect(sim.contractViolations()).toEqual([]);
  });

  it('ends a push with bad pupils `failed`, each error coded and located; a foreign school is result=false', async () => {
    const sim = paragrafSim({ queuedMs: 0, processingMs: 0 });
    const { login, password, schoolId } = paragrafDemoAccount(sim);
    const bad = [
      pupilXml('A-1', { class: '13 Я' }),
      pupilXml('A-2', { dob: '31.02.2015' }),
      pupilXml('A-1'),
      pupilXml('bad suid!'),
      pupilXml('A-3', { class: 'СОТР' }),
    ].join('');
    const queueId = field((await soap(sim, push(login, password, schoolId, bad))).text, 'queueId') ?? '';
    const answer = (await soap(sim, status(login, password, queueId))).text;
    expect(field(answer, 'status')).toBe('failed');
    const codes = [...answer.matchAll(/code="([A-Z_]+)"/g)].map((m) => m[1]);
    expect(codes).toEqual(['CLASS_INVALID', 'DOB_INVALID', 'SUID_REPEATED', 'SUID_INVALID']);
    expect(answer).toContain('pupil[1] (suid A-2)');
    const foreign = await soap(sim, push(login, password, 'other-school', pupilXml('X')));
    expect(field(foreign.text, 'result')).toBe('false');
    expect(field(foreign.text, 'message')).toContain('other-school');
    expect(sim.contractViolations()).toEqual([]);
  });

  it('answers SOAP faults (HTTP 500) with the portal code: credentials, operation, hostile or broken XML, unknown queue', async () => {
    const sim = paragrafSim();
    const { login, password } = paragrafDemoAccount(sim);
    const cases: [string, string, string?][] = [
      [
        envelope(login, 'Wrong123', '<ex:getQueueStatus><ex:queueId>Q-1</ex:queueId></ex:getQueueStatus>'),
        'AUTH_FAILED',
      ],
      [envelope(login, password, '<ex:dropTables/>'), 'UNKNOWN_OPERATION'],
      [
        `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol;</soap:Body></soap:Envelope>`,
        'XML_REFUSED',
      ],
      ['<soap:Envelope><soap:Body><unclosed>', 'XML_INVALID'],
      ['<a/>', 'NOT_SOAP'],
      [status(login, password, '__proto__'), 'QUEUE_NOT_FOUND'],
      [
        envelope(login, password, '<ex:pushZipFile><ex:file>not base64!</ex:file></ex:pushZipFile>'),
        'FILE_INVALID',
      ],
      [envelope(login, password, '<ex:pushZipFile><ex:file>AAAA</ex:file></ex:pushZipFile>'), 'ZIP_INVALID'],
      [envelope(login, password, ''), 'CONTENT_TYPE', 'application/json'],
    ];
    for (const [xml, code, type] of cases) {
      const answer = await soap(sim, xml, type);
      expect(answer.status, code).toBe(500);
      expect(answer.text, code).toContain(`code="${code}"`);
      expect(field(answer.text, 'faultcode'), code).toBe('soap:Client');
    }
    expect(sim.contractViolations()).toEqual([]);
    expect(sim.journal.count({ portal: 'paragraf', operation: 'exchange', status: 500 })).toBe(cases.length);
  });

  it('takes a base64 zip of XML files through pushZipFile; a failure armed from the control side ends it failed', async () => {
    const sim = paragrafSim({ queuedMs: 1_000, processingMs: 1_000 });
    const { login, password } = paragrafDemoAccount(sim);
    const zip = zipSync({
      'a.xml': new TextEncoder().encode('<a/>'),
      'b.xml': new TextEncoder().encode('<b/>'),
    });
    const body = `<ex:pushZipFile><ex:file>${Buffer.from(zip).toString('base64')}</ex:file></ex:pushZipFile>`;
    const first = field((await soap(sim, envelope(login, password, body))).text, 'queueId') ?? '';
    sim
      .portalState<{ failNext: { code: string; text: string }[] }>('paragraf')
      .failNext.push({ code: 'BROKEN', text: 'сбой' });
    const second = field((await soap(sim, envelope(login, password, body))).text, 'queueId') ?? '';
    sim.clock.advance('PT3S');
    const one = (await soap(sim, status(login, password, first))).text;
    const two = (await soap(sim, status(login, password, second))).text;
    expect([field(one, 'status'), field(one, 'total')]).toEqual(['done', '2']);
    expect(field(two, 'status')).toBe('failed');
    expect(two).toContain('code="BROKEN"');
  });

  it('reads only the zip directory: an archive that unpacks past the bound is refused, nothing is inflated', async () => {
    const sim = paragrafSim({ maxUnzippedBytes: 100_000 });
    const { login, password } = paragrafDemoAccount(sim);
    const bomb = zipSync({ 'big.xml': new Uint8Array(1_000_000) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(5_000);
    const body = `<ex:pushZipFile><ex:file>${Buffer.from(bomb).toString('base64')}</ex:file></ex:pushZipFile>`;
    const answer = await soap(sim, envelope(login, password, body));
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('code="ZIP_TOO_LARGE"');
  });

  it('the XML contract catches an answer outside it (so the checks can fail)', () => {
    const ok =
      '<soap:Envelope xmlns:soap="s"><soap:Body><ex:pushResponse xmlns:ex="e"><ex:result>true</ex:result><ex:queueId>Q-1</ex:queueId></ex:pushResponse></soap:Body></soap:Envelope>';
    expect(
      checkExchangeAnswer({ operation: 'exchange', status: 200, contentType: 'text/xml', body: ok }),
    ).toEqual([]);
    expect(
      checkExchangeAnswer({
        operation: 'exchange',
        status: 200,
        contentType: 'text/xml',
        body: ok.replace('<ex:queueId>Q-1</ex:queueId>', ''),
      }),
    ).toEqual(['pushResponse/queueId is required when result is true']);
    expect(
      checkExchangeAnswer({
        operation: 'exchange',
        status: 200,
        contentType: 'application/json',
        body: ok
          .replace(/pushResponse/g, 'queueStatusResponse')
          .replace(
            '<ex:result>true</ex:result>',
            '<ex:status>lost</ex:status><ex:processed>5</ex:processed><ex:total>2</ex:total>',
          ),
      }),
    ).toEqual([
      "content-type must be text/xml, got 'application/json'",
      'queueStatusResponse/status must be one of queued, processing, done, failed',
      'queueStatusResponse/processed must not exceed total',
    ]);
    expect(
      checkExchangeAnswer({ operation: 'exchange', status: 500, contentType: 'text/xml', body: ok }),
    ).toEqual(['a 500 answer must be a soap:Fault']);
  });
});

describe('«Онлайн-урок» drives Sferum (the vk portal)', () => {
  it('creates the subject chat on the first online lesson only, starts calls, writes the link back, cancels', () => {
    const sim = paragrafSim();
    const journal = paragrafJournals(sim).find((item) => item.kind === 'general');
    if (journal === undefined) {
      throw new Error('no general journal');
    }
    const [first, second] = paragrafLessons(sim, journal.id);
    expect(() => paragrafPublishOnline(sim, first?.id ?? '')).toThrow(/link base has no Sferum community/);

    const demo = vkDemo(sim);
    const schoolId = sim.demo.organisation.oid;
    expect(() =>
      paragrafSaveLink(sim, { schoolId, communityId: demo.groupId, token: demo.serviceToken }),
    ).toThrow(/not a community access token/);
    expect(() =>
      paragrafSaveLink(sim, { schoolId, communityId: demo.groupId + 1, token: demo.communityToken }),
    ).toThrow(/another community/);
    expect(() =>
      paragrafSaveLink(sim, { schoolId: '__proto__', communityId: demo.groupId, token: demo.communityToken }),
    ).toThrow(/No school/);
    const link = paragrafSaveLink(sim, { schoolId, communityId: demo.groupId, token: demo.communityToken });
    expect(link.tokenHint).toBe(`…${demo.communityToken.slice(-4)}`);
    expect(JSON.stringify(link)).not.toContain(demo.communityToken);

    const chatsBefore = vkChats(sim).length;
    const one = paragrafPublishOnline(sim, first?.id ?? '');
    expect(one.chatCreated).toBe(true);
    expect(one.lesson).toMatchObject({ mode: 'online', state: 'online' });
    expect(one.lesson.joinLink).toMatch(/^https:\/\//);
    const chats = vkChats(sim);
    expect(chats).toHaveLength(chatsBefore + 1);
    const chat = chats.find((item) => item.peerId === one.journal.chatPeerId);
    expect(chat?.title).toBe(
      `${sim.demo.organisation.shortName} - ${journal.className} - ${journal.subjectName}`,
    );
    const texts = (vkChatMessages(sim, chat?.chatId ?? 0)?.items ?? []).map((message) => message.text);
    expect(texts.some((text) => text.includes(one.lesson.joinLink ?? '?'))).toBe(true);

    expect(paragrafPublishOnline(sim, first?.id ?? '').lesson.callId).toBe(one.lesson.callId);
    const two = paragrafPublishOnline(sim, second?.id ?? '');
    expect(two.chatCreated).toBe(false);
    expect(two.journal.chatPeerId).toBe(one.journal.chatPeerId);
    expect(two.lesson.callId).not.toBe(one.lesson.callId);
    expect(vkChats(sim)).toHaveLength(chatsBefore + 1);

    const cancelled = paragrafCloseLesson(sim, second?.id ?? '', 'cancel');
    expect(cancelled.state).toBe('cancelled');
    const after = (vkChatMessages(sim, chat?.chatId ?? 0)?.items ?? []).map((message) => message.text);
    expect(after.at(-1)).toContain('отменён');
    expect(() => paragrafPublishOnline(sim, second?.id ?? '')).toThrow(/cancelled already/);
    expect(paragrafCloseLesson(sim, first?.id ?? '', 'finish').state).toBe('finished');
  });

  it('refuses journals that are not general education, and unknown lessons like __proto__', () => {
    const sim = paragrafSim();
    const demo = vkDemo(sim);
    paragrafSaveLink(sim, {
      schoolId: sim.demo.organisation.oid,
      communityId: demo.groupId,
      token: demo.communityToken,
    });
    const other = paragrafJournals(sim).find((item) => item.kind !== 'general');
    const lesson = paragrafLessons(sim, other?.id ?? '')[0];
    expect(() => paragrafPublishOnline(sim, lesson?.id ?? '')).toThrow(/only for general-education journals/);
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(() => paragrafPublishOnline(sim, id)).toThrow(/No lesson/);
    }
  });

  it('«Личные дела сотрудников» shows a teacher’s VK id when linked, null otherwise', () => {
    const sim = paragrafSim();
    const staff = paragrafStaff(sim);
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.some((member) => member.vkId !== null)).toBe(true);
    const vkIds = new Map(
      sim
        .service(vkAccountsService)
        .accounts()
        .filter((account) => account.educationProfile && account.personId !== undefined)
        .map((account) => [account.personId, account.id]),
    );
    for (const member of staff) {
      expect(member.vkId).toBe(vkIds.get(member.personId) ?? null);
    }
  });

  it('the dashboard offers «Онлайн-урок» for a journal and shows the call link once published', () => {
    const sim = paragrafSim();
    const journal = paragrafJournals(sim)[0];
    const lesson = paragrafLessons(sim, journal?.id ?? '')[0];
    const before = renderOverview(sim, 'http://127.0.0.1:4010');
    expect(before).toContain(`data-post="/__goskit/paragraf/lessons/${lesson?.id}/online"`);
    const demo = vkDemo(sim);
    paragrafSaveLink(sim, {
      schoolId: sim.demo.organisation.oid,
      communityId: demo.groupId,
      token: demo.communityToken,
    });
    const published = paragrafPublishOnline(sim, lesson?.id ?? '');
    const after = renderOverview(sim, 'http://127.0.0.1:4010');
    expect(after).toContain(published.lesson.joinLink ?? '?');
    expect(after).toContain(`/__goskit/paragraf/lessons/${lesson?.id}/finish`);
    expect(after).not.toContain(demo.communityToken);
  });
});
