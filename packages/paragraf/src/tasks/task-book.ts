/**
 * The tasks set up for each school, kept in a core `KeyValueStore`: adding one checks the code and
 * validates its settings (defaults applied) and its schedule. One record per school plus an index of
 * schools; configuration writes are read-modify-write, so make them from one place (an admin UI), not
 * from every runner.
 */
import type { KeyValueStore } from '@goskit/core';
import { ParagrafError } from '../errors/paragraf-error.js';
import { TaskError } from '../errors/task-error.js';
import { assertTaskCode, parseTaskSettings } from './task-settings.js';
import type { TaskCode } from './task-types.js';

export interface TaskSchedule {
  /** Run every so many seconds (10 s – 7 days). */
  everySec: number;
}

export interface SchoolTask {
  schoolId: string;
  code: TaskCode;
  settings: Record<string, unknown>;
  schedule: TaskSchedule;
  enabled: boolean;
}

export interface AddTaskInput {
  schoolId: string;
  code: string;
  settings?: unknown;
  schedule: TaskSchedule;
  enabled?: boolean;
}

export interface TaskBook {
  add(input: AddTaskInput): Promise<SchoolTask>;
  remove(schoolId: string, code: string): Promise<boolean>;
  get(schoolId: string, code: string): Promise<SchoolTask | undefined>;
  list(schoolId: string): Promise<SchoolTask[]>;
  schools(): Promise<string[]>;
}

const SCHOOL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function createTaskBook(options: { store: KeyValueStore; keyPrefix?: string }): TaskBook {
  const prefix = options.keyPrefix ?? 'paragraf:tasks:';
  const store = options.store;
  const schoolKey = (schoolId: string) => {
    if (!SCHOOL_ID.test(schoolId)) {
      throw new ParagrafError('INVALID_ARGUMENT', 'schoolId must be 1–64 Latin letters, digits, "-" or "_"');
    }
    return `${prefix}school:${schoolId}`;
  };
  const read = async (schoolId: string): Promise<SchoolTask[]> =>
    ((await store.get(schoolKey(schoolId))) as SchoolTask[] | undefined) ?? [];
  const schools = async (): Promise<string[]> =>
    ((await store.get(`${prefix}schools`)) as string[] | undefined) ?? [];

  return {
    async add(input) {
      const code = assertTaskCode(input.code);
      const settings = parseTaskSettings(code, input.settings) as Record<string, unknown>;
      const every = input.schedule?.everySec;
      if (!Number.isInteger(every) || every < 10 || every > 604_800) {
        throw new TaskError(
          'TASK_SETTINGS_INVALID',
          {
            ru: 'Расписание: everySec — целое число от 10 до 604800',
            en: 'Schedule: everySec must be an integer from 10 to 604800',
          },
          { taskCode: code },
        );
      }
      const task: SchoolTask = {
        schoolId: input.schoolId,
        code,
        settings,
        schedule: { everySec: every },
        enabled: input.enabled ?? true,
      };
      const tasks = (await read(input.schoolId)).filter((existing) => existing.code !== code);
      await store.set(schoolKey(input.schoolId), [...tasks, task]);
      const known = await schools();
      if (!known.includes(input.schoolId)) {
        await store.set(`${prefix}schools`, [...known, input.schoolId]);
      }
      return task;
    },
    async remove(schoolId, code) {
      const tasks = await read(schoolId);
      const rest = tasks.filter((task) => task.code !== code);
      await store.set(schoolKey(schoolId), rest);
      return rest.length !== tasks.length;
    },
    async get(schoolId, code) {
      return (await read(schoolId)).find((task) => task.code === code);
    },
    list: read,
    schools,
  };
}
