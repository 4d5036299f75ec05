/**
 * Checks a task code and its settings: an unknown code is a `TaskError('TASK_UNKNOWN')` whose ru/en
 * text lists every valid code; settings that break the task's schema are `TASK_SETTINGS_INVALID`
 * with goskit issues (field path, code, ru/en text). Returns the settings with defaults applied.
 */
import { toValidationIssues } from '@goskit/validation';
import { TaskError } from '../errors/task-error.js';
import { isTaskCode, TASK_CODES, TASK_TYPES, type TaskCode, type TaskSettings } from './task-types.js';

export function assertTaskCode(code: unknown): TaskCode {
  if (isTaskCode(code)) {
    return code;
  }
  const shown = typeof code === 'string' ? `«${code.slice(0, 64)}»` : 'не строка';
  const shownEn = typeof code === 'string' ? `"${code.slice(0, 64)}"` : 'not a string';
  const list = TASK_CODES.join(', ');
  throw new TaskError('TASK_UNKNOWN', {
    ru: `Неизвестный тип задачи ${shown}. Допустимые: ${list}`,
    en: `Unknown task type ${shownEn}. Valid types: ${list}`,
  });
}

export function parseTaskSettings<C extends TaskCode>(code: C, settings: unknown): TaskSettings<C> {
  const checked = TASK_TYPES[code].settings.safeParse(settings ?? {});
  if (!checked.success) {
    const issues = toValidationIssues(checked.error);
    const fields = checked.error.issues.map((issue) => issue.path.join('.') || '(settings)').join(', ');
    throw new TaskError(
      'TASK_SETTINGS_INVALID',
      {
        ru: `Настройки задачи ${code} неверны: ${fields}`,
        en: `Settings of task ${code} are invalid: ${fields}`,
      },
      { taskCode: code, issues },
    );
  }
  return checked.data as TaskSettings<C>;
}
