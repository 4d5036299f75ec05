import { MemoryStore } from '@goskit/core';
import {
  createStoreLeaseManager,
  createTaskBook,
  createTaskRunner,
  TASK_CODES,
  TASK_TYPES,
  TaskError,
} from '@goskit/paragraf';
import { describe, expect, it } from 'vitest';

describe('task types', () => {
  it('has the eleven codes of the issue, each with a Russian title and a settings schema', () => {
    expect(TASK_CODES).toEqual([
      'heartbeat:process',
      'heartbeat:default',
      'paragraf.dnevnik2018:sferum',
      'paragraf.region:update',
      'moodle:moodle',
      'scud:expire',
      'food_benefits_full:default',
      'paragraf.dnevnik:vc_room',
      'paragraf.dnevnik:vc_cancel',
      'paragraf.dnevnik:default',
      'paragraf.dnevnik:pelikan',
    ]);
    for (const code of TASK_CODES) {
      expect(TASK_TYPES[code].title.ru).toMatch(/[А-Яа-я]/);
    }
  });

  it('adding a task validates its settings and applies defaults', async () => {
    const book = createTaskBook({ store: new MemoryStore() });
    const task = await book.add({
      schoolId: 'sch1',
      code: 'paragraf.dnevnik2018:sferum',
      settings: {},
      schedule: { everySec: 600 },
    });
    expect(task.settings).toEqual({ syncChats: true, syncCalls: true, generalEducationOnly: true });
    const error = await book
      .add({
        schoolId: 'sch1',
        code: 'moodle:moodle',
        settings: { url: 'http://moodle.example', extra: 1 },
        schedule: { everySec: 600 },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TaskError);
    expect(error.code).toBe('TASK_SETTINGS_INVALID');
    expect(error.issues.map((i: { path?: unknown[] }) => i.path?.join('.'))).toEqual(
      expect.arrayContaining(['url']),
    );
    await expect(
      book.add({ schoolId: 'sch1', code: 'scud:expire', schedule: { everySec: 1 } }),
    ).rejects.toMatchObject({ code: 'TASK_SETTINGS_INVALID' });
  });

  it('an unknown code is a clear error listing the valid ones, in Russian and English', async () => {
    const book = createTaskBook({ store: new MemoryStore() });
    for (const code of ['paragraf.dnevnik:zoom', '__proto__', 'toString']) {
      const error = await book.add({ schoolId: 'sch1', code, schedule: { everySec: 60 } }).catch((e) => e);
      expect(error.code).toBe('TASK_UNKNOWN');
      expect(error.text.ru).toContain('Допустимые: heartbeat:process');
      expect(error.text.en).toContain('paragraf.dnevnik:pelikan');
    }
  });
});

describe('leases', () => {
  it('one holder at a time, growing fencing tokens, expiry on the TTL', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const a = createStoreLeaseManager({ store, owner: 'a' });
    const b = createStoreLeaseManager({ store, owner: 'b' });
    const first = await a.acquire('sch1:moodle:moodle', 1000);
    expect(first?.token).toBe(1);
    expect(await b.acquire('sch1:moodle:moodle', 1000)).toBeUndefined();
    now = 1500;
    const second = await b.acquire('sch1:moodle:moodle', 1000);
    expect(second?.token).toBe(2);
    expect(await first?.renew(1000)).toBe(false);
    await first?.release(); // a stale holder cannot release the new lease
    expect(await a.acquire('sch1:moodle:moodle', 1000)).toBeUndefined();
    await second?.release();
    expect((await a.acquire('sch1:moodle:moodle', 1000))?.token).toBe(3);
  });
});

describe('runner', () => {
  const setup = async (handler: (attempt: number) => Promise<unknown>, store = new MemoryStore()) => {
    const tasks = createTaskBook({ store });
    await tasks.add({ schoolId: 'sch1', code: 'food_benefits_full:default', schedule: { everySec: 60 } });
    const runner = (instanceId: string) =>
      createTaskRunner({
        store,
        tasks,
        leases: createStoreLeaseManager({ store, owner: instanceId }),
        instanceId,
        handlers: { 'food_benefits_full:default': ({ attempt }) => handler(attempt) },
        retry: { retries: 2, baseMs: 1, maxMs: 4 },
        leaseTtlMs: 3000,
      });
    return { store, tasks, runner };
  };

  it('runs a task once per school at a time across two runner instances', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const { runner } = await setup(async () => {
      active++;
      runs++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 50));
      active--;
    });
    const [a, b] = [runner('a'), runner('b')];
    const results = await Promise.all([
      a.tick(),
      b.tick(),
      a.runNow('sch1', 'food_benefits_full:default').catch((e) => e),
    ]);
    expect(maxActive).toBe(1);
    expect(runs).toBe(1);
    const outcomes = results.flat();
    expect(outcomes.filter((r) => !(r instanceof TaskError))).toHaveLength(1);
    expect(outcomes.filter((r) => r instanceof TaskError).map((e) => e.code)).toEqual(
      outcomes.length === 2 ? ['TASK_BUSY'] : [],
    );
    // not due again until the schedule says so
    expect(await a.tick()).toEqual([]);
  });

  it('retries with backoff and records the run history', async () => {
    const { runner } = await setup(async (attempt) => {
      if (attempt < 3) {
        throw new Error(`attempt ${attempt} failed`);
      }
      return { sent: 12 };
    });
    const r = runner('a');
    const [record] = await r.tick();
    expect(record).toMatchObject({ status: 'succeeded', attempts: 3, result: { sent: 12 }, fencingToken: 1 });
    const failing = await setup(async () =>
      Promise.reject(Object.assign(new Error('boom'), { code: 'HTTP_ERROR' })),
    );
    const [failed] = await failing.runner('b').tick();
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'HTTP_ERROR', message: 'boom' },
    });
    expect((await failing.runner('b').history('sch1', 'food_benefits_full:default'))[0]?.runId).toBe(
      failed?.runId,
    );
    expect(r.status()).toMatchObject({ instanceId: 'a', succeeded: 1, failed: 0, running: [] });
  });

  it('heartbeat tasks report the runner status without a handler', async () => {
    const store = new MemoryStore();
    const tasks = createTaskBook({ store });
    await tasks.add({ schoolId: 'sch1', code: 'heartbeat:process', schedule: { everySec: 60 } });
    const runner = createTaskRunner({
      store,
      tasks,
      leases: createStoreLeaseManager({ store }),
      handlers: {},
      instanceId: 'node-1',
    });
    const [record] = await runner.tick();
    expect(record?.result).toMatchObject({
      instanceId: 'node-1',
      succeeded: 0,
      running: [{ schoolId: 'sch1', code: 'heartbeat:process' }],
    });
    expect(await store.get('paragraf:runs:heartbeat:sch1:heartbeat:process')).toMatchObject({
      instanceId: 'node-1',
    });
  });
});
