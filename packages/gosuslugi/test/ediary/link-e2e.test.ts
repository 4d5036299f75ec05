/**
 * Linking end to end against the simulator (ESIA + notifications outbox + e-diary feed, in process
 * through MSW on the real hosts): the parent signs in on ESIA's pages, `linkEdiary` reads their
 * children, matches them to the school's register, registers the connection and stores the link;
 * the seed's notice «Связь успешно установлена» arrives in the personal account, by e-mail and by
 * SMS with the date, time and connection id; re-linking is idempotent; unlinking ends it.
 */
import { MemoryStore } from '@goskit/core';
import type { Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EdiaryError } from '../../src/index.js';
import {
  ediaryFor,
  ediarySimulator,
  LK,
  outboxOf,
  registerOf,
  signInParent,
} from '../helpers/ediary-simulator.js';

const server = setupServer();
let sim: Simulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = ediarySimulator();
  server.resetHandlers(...sim.handlers);
});

const SMS =
  /^Связь успешно установлена\. Дата: (\d{2}\.\d{2}\.\d{4}), время: (\d{2}:\d{2}) \(МСК\), идентификатор связи: (EDL-\d{6})$/;

describe('linkEdiary against the simulator', () => {
  it('links the signed-in parent, stores the link and notifies by personal account, e-mail and SMS', async () => {
    sim.clock.set('2026-09-01T09:30:00Z');
    const store = new MemoryStore({ clock: sim.clock });
    const ediary = ediaryFor(sim, { linkStore: store });
    const { session, oid } = await signInParent(sim);
    const parent = sim.demo.personas.find((persona) => persona.oid === oid);
    const result = await ediary.linkEdiary(session);

    expect(result.created).toBe(true);
    expect(result.server).toBe('primary');
    expect(result.matching.unmatched).toEqual([]);
    expect(result.matching.ambiguous).toEqual([]);
    expect(result.matching.matched.map((child) => child.pupilId).sort()).toEqual(
      [...(parent?.children ?? [])].sort(),
    );
    expect(result.matching.matched.every((child) => child.by === 'snils')).toBe(true);
    expect(result.link).toMatchObject({ schoolId: 'school-77-1', parentOid: oid });
    expect(await ediary.getLink(oid)).toEqual(result.link);

    const notices = outboxOf(sim).find({ recipient: oid, category: 'ediary.link' });
    expect(notices.map((notice) => notice.channel)).toEqual(['lk', 'email', 'sms']);
    const sms = outboxOf(sim).find({ recipient: parent?.phone ?? '', category: 'ediary.link' });
    expect(sms).toHaveLength(1);
    const [, date, time, connectionId] = SMS.exec(sms[0]?.text ?? '') ?? [];
    expect([date, time, connectionId]).toEqual(['01.09.2026', '12:30', result.link.connectionId]);
    const email = outboxOf(sim).find({ channel: 'email', category: 'ediary.link' })[0];
    expect(email?.subject).toBe('Связь успешно установлена');
    expect(email?.recipient.email).toBe(parent?.email);
    outboxOf(sim).verify(1, { channel: 'lk', recipient: oid, textContains: 'Связь успешно установлена' });

    // The parent sees it in «Уведомления» of the personal account.
    const answer = await fetch(`${LK}/api/lk/v1/notifications`, {
      headers: { authorization: `Bearer ${await session.getAccessToken()}` },
    });
    expect(answer.status).toBe(200);
    const lk = (await answer.json()) as { items: { text: string; subject?: string }[] };
    expect(lk.items[0]?.subject).toBe('Связь успешно установлена');
    expect(lk.items[0]?.text).toContain(result.link.connectionId);
  });

  it('re-linking answers the same connection, rewrites the stored link and sends no second notice', async () => {
    const ediary = ediaryFor(sim);
    const { session, oid } = await signInParent(sim);
    const first = await ediary.linkEdiary(session);
    sim.clock.advance('PT5M');
    const again = await ediary.linkEdiary(session);
    expect(again.created).toBe(false);
    expect(again.link.connectionId).toBe(first.link.connectionId);
    expect(again.link.linkedAt).toBe(first.link.linkedAt);
    expect(Date.parse(again.link.updatedAt)).toBeGreaterThan(Date.parse(first.link.updatedAt));
    expect(outboxOf(sim).count({ category: 'ediary.link' })).toBe(3);
    expect((await ediary.getLink(oid))?.updatedAt).toBe(again.link.updatedAt);
    expect(await ediary.linkedPupils()).toEqual(new Set(first.link.pupils.map((pupil) => pupil.pupilId)));
  });

  it('unlinks (the parent is told), forgets the link, and a later link is a new connection', async () => {
    const ediary = ediaryFor(sim);
    const { session, oid } = await signInParent(sim);
    const first = await ediary.linkEdiary(session);
    expect(await ediary.unlinkEdiary(oid)).toBe(true);
    expect(await ediary.getLink(oid)).toBeUndefined();
    expect(await ediary.unlinkEdiary(oid)).toBe(false);
    expect(await ediary.linkedPupils()).toEqual(new Set());
    outboxOf(sim).verify(1, {
      recipient: oid,
      category: 'ediary.unlink',
      textContains: first.link.connectionId,
    });
    const second = await ediary.linkEdiary(session);
    expect(second.created).toBe(true);
    expect(second.link.connectionId).not.toBe(first.link.connectionId);
  });

  it('matches by name and birth date when the register has no СНИЛС, and reports ambiguous children', async () => {
    const { session, oid } = await signInParent(sim);
    const parent = sim.demo.personas.find((persona) => persona.oid === oid);
    const [first, second] = parent?.children ?? [];
    const register = registerOf(sim).flatMap((pupil) => {
      if (pupil.id === first) {
        return [{ ...pupil, snils: undefined, birthDate: pupil.birthDate }];
      }
      if (pupil.id === second) {
        // Two pupils with the child's name and birth date and no СНИЛС: ambiguous.
        return [
          { ...pupil, snils: undefined },
          { ...pupil, id: `${pupil.id}-twin`, snils: undefined },
        ];
      }
      return [pupil];
    });
    const ediary = ediaryFor(sim, { pupils: register });
    const result = await ediary.linkEdiary(session);
    expect(result.matching.matched).toEqual([
      expect.objectContaining({ pupilId: first, by: 'name-birthdate' }),
    ]);
    expect(result.matching.ambiguous).toEqual([
      expect.objectContaining({ candidates: [second, `${second}-twin`], reason: 'several-pupils' }),
    ]);
    expect(result.link.pupils.map((pupil) => pupil.pupilId)).toEqual([first]);
  });

  it('refuses a link when none of the children is a pupil, naming no personal data', async () => {
    const { session, oid } = await signInParent(sim);
    const parent = sim.demo.personas.find((persona) => persona.oid === oid);
    const register = registerOf(sim).filter((pupil) => !(parent?.children ?? []).includes(pupil.id));
    const ediary = ediaryFor(sim, { pupils: register });
    const error = await ediary.linkEdiary(session).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdiaryError);
    expect((error as EdiaryError).code).toBe('NO_CHILDREN_MATCHED');
    expect((error as EdiaryError).matching?.unmatched).toHaveLength(parent?.children?.length ?? 0);
    const child = sim.demo.personas.find((persona) => persona.id === parent?.children?.[0]);
    expect(JSON.stringify(error)).not.toContain(child?.snils ?? '—');
    expect((error as Error).message).not.toContain(child?.birthDate ?? '—');
    expect(outboxOf(sim).count({ category: 'ediary.link' })).toBe(0);
  });
});
