/**
 * Failover against the simulator: the e-diary feed runs twice (`replicatePortal`: a backup at another
 * host sharing the primary's state, as two servers behind one database). A fault rule takes the
 * primary down; the client switches to the backup after the failure threshold, never spends more than
 * its retry limit, says which server answered, and the journal shows who served what. When the
 * primary is healthy again (health probe on the virtual clock) calls return to it.
 */
import type { FailoverEvent } from '@goskit/core';
import { createSimulator, type Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EDIARY_BACKUP_HOST, ediaryPortal } from '../../../../mocks/simulator/src/portals/ediary/index.js';
import { esiaPortal } from '../../../../mocks/simulator/src/portals/esia/index.js';
import { notificationsPortal } from '../../../../mocks/simulator/src/portals/notifications/index.js';
import { replicatePortal } from '../../../../mocks/simulator/src/portals/replica.js';
import { ediaryFor, outboxOf, signInParent } from '../helpers/ediary-simulator.js';

const server = setupServer();
let sim: Simulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = createSimulator({
    seed: 'ediary-failover',
    portals: [
      esiaPortal(),
      notificationsPortal(),
      ...replicatePortal(ediaryPortal(), { name: 'ediary-backup', hosts: [EDIARY_BACKUP_HOST] }),
    ],
    strictContracts: true,
  });
  server.resetHandlers(...sim.handlers);
});

function failoverClient(events: FailoverEvent[], extra: { health?: boolean } = {}) {
  return ediaryFor(sim, {
    environment: { baseUrl: 'https://ediary-feed.goskit.test', backupUrls: [EDIARY_BACKUP_HOST] },
    retry: { limit: 3, backoff: { baseMs: 1, capMs: 2 } },
    failover: {
      failureThreshold: 2,
      recoverAfterMs: 60_000,
      onEvent: (event) => events.push(event),
      ...(extra.health ? { health: { path: '/api/ediary/v1/health', intervalMs: 10_000 } } : {}),
    },
  });
}

describe('e-diary feed failover (primary + backup in the simulator)', () => {
  it('a primary answering 503 is left for the backup, which links the parent on the shared state', async () => {
    const events: FailoverEvent[] = [];
    const ediary = failoverClient(events);
    const { session, oid } = await signInParent(sim);
    sim.faults.addRule({ id: 'primary-down', portal: 'ediary', effect: { status: 503 } });

    const result = await ediary.linkEdiary(session);
    expect(result.server).toBe('backup-1');
    expect(ediary.activeServer.name).toBe('backup-1');
    expect(sim.journal.count({ portal: 'ediary', status: 503 })).toBe(2);
    sim.journal.verify(1, { portal: 'ediary-backup', operation: 'connections.create', status: 201 });
    expect(events.filter((event) => event.type === 'failure').map((event) => event.server.name)).toEqual([
      'primary',
      'primary',
    ]);
    // One state behind both addresses: the notice went out once, the primary knows the connection.
    expect(outboxOf(sim).count({ recipient: oid, category: 'ediary.link' })).toBe(3);
    sim.faults.removeRule('primary-down');
    const again = await ediary.linkEdiary(session);
    expect(again.created).toBe(false);
    expect(again.link.connectionId).toBe(result.link.connectionId);
  });

  it('never exceeds the retry limit when every server fails, and says so', async () => {
    const events: FailoverEvent[] = [];
    const ediary = failoverClient(events);
    const { session } = await signInParent(sim);
    sim.faults.addRule({ portal: 'ediary', effect: { status: 500 } });
    sim.faults.addRule({ portal: 'ediary-backup', effect: { fault: 'connection-reset' } });
    const error = await ediary.linkEdiary(session).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const attempts = sim.journal.count({ portal: 'ediary' }) + sim.journal.count({ portal: 'ediary-backup' });
    expect(attempts).toBe(4); // the first attempt and 3 retries, across both servers
  });

  it('returns to the primary once its health probe passes again', async () => {
    const events: FailoverEvent[] = [];
    const ediary = failoverClient(events, { health: true });
    const { session } = await signInParent(sim);
    const rule = sim.faults.addRule({ portal: 'ediary', effect: { status: 503 } });
    await ediary.linkEdiary(session);
    expect(ediary.activeServer.name).toBe('backup-1');
    sim.faults.removeRule(rule);
    sim.clock.advance('PT15S');
    await ediary.checkHealth();
    expect(ediary.activeServer.name).toBe('primary');
    expect((await ediary.linkEdiary(session)).server).toBe('primary');
    expect(events.some((event) => event.type === 'switch' && event.to.name === 'primary')).toBe(true);
  });
});
