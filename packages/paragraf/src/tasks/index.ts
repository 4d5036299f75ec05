export {
  type AddTaskInput,
  createTaskBook,
  type SchoolTask,
  type TaskBook,
  type TaskSchedule,
} from './task-book.js';
export { assertTaskCode, parseTaskSettings } from './task-settings.js';
export {
  isTaskCode,
  TASK_CODES,
  TASK_TYPES,
  type TaskCode,
  type TaskSettings,
  type TaskSettingsInput,
} from './task-types.js';
