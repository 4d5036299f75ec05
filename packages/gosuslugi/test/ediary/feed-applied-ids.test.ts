/**
 * The feed remembers applied record ids in a bounded window (mocks/simulator applied-ids.ts): at most
 * `maxAppliedIds` over all schools and kinds, the least recently seen forgotten first. Driven through
 * the client's `sendRecords` against an in-process simulator whose window holds 3 ids.
 */
import { createSimulator, type EdiaryState, type Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ediaryPortal } from '../../../../mocks/simulator/src/portals/ediary/index.js';
import { esiaPortal } from '../../../../mocks/simulator/src/portals/esia/index.js';
import { notificationsPortal } from '../../../../mocks/simulator/src/portals/notifications/index.js';
import type { MarkRecord } from '../../src/index.js';
import { ediaryFor, signInParent } from '../helpers/ediary-simulator.js';

const server = setupServer();
let sim: Simulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = createSimulator({
    seed: 'ediary-applied-window',
    portals: [esiaPortal(), notificationsPortal(), ediaryPortal({ maxAppliedIds: 3 })],
    strictContracts: true,
  });
  sim.clock.set('2026-09-10T08:00:00Z');
  server.resetHandlers(...sim.handlers);
});

async function linkedChild() {
  const ediary = ediaryFor(sim);
  const { session } = await signInParent(sim);
  const { link } = await ediary.linkEdiary(session);
  const pupilId = link.pupils[0]?.pupilId;
  if (pupilId === undefined) {
    throw new Error('the demo parent has no linked child');
  }
  const mark = (id: string): MarkRecord => ({
    id,
    pupilId,
    date: '2026-09-09',
    subject: 'Математика',
    value: '5',
  });
  const send = async (...ids: string[]) => {
    const summary = await ediary.sendRecords('marks', ids.map(mark));
    return { accepted: summary.accepted, duplicates: summary.duplicates };
  };
  return { send };
}

const feedState = () => sim.portalState<EdiaryState>('ediary');

describe('the feed’s window of applied record ids', () => {
  it('stays within its bound, forgets the least recently seen id first, and a duplicate refreshes an id', async () => {
    const { send } = await linkedChild();
    expect(await send('a', 'b', 'c')).toEqual({ accepted: 3, duplicates: 0 });
    expect(await send('d')).toEqual({ accepted: 1, duplicates: 0 }); // 'a' is forgotten
    expect(feedState().applied.size).toBe(3);
    expect(feedState().forgottenIds).toBe(1);

    expect(await send('b')).toEqual({ accepted: 0, duplicates: 1 }); // 'b' is now the most recent
    expect(await send('e')).toEqual({ accepted: 1, duplicates: 0 }); // so 'c' goes, not 'b'
    expect(await send('c', 'b')).toEqual({ accepted: 1, duplicates: 1 });
    expect(await send('a')).toEqual({ accepted: 1, duplicates: 0 }); // forgotten long ago: applied again
    expect(feedState().applied.size).toBe(3);
    expect(feedState().forgottenIds).toBe(4);
  });

  it('ids like __proto__ and constructor are ordinary ids', async () => {
    const { send } = await linkedChild();
    expect(await send('__proto__', 'constructor')).toEqual({ accepted: 2, duplicates: 0 });
    expect(await send('constructor', '__proto__', 'toString')).toEqual({ accepted: 1, duplicates: 2 });
    expect(feedState().applied.size).toBe(3);
  });

  it('refuses a window that is not a positive integer, naming the option', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => ediaryPortal({ maxAppliedIds: bad })).toThrow(/maxAppliedIds must be a positive integer/);
    }
  });
});
