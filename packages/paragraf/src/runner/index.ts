export {
  createTaskRunner,
  type RunnerStatus,
  type RunRecord,
  type TaskHandler,
  type TaskRunContext,
  type TaskRunner,
  type TaskRunnerOptions,
} from './task-runner.js';
