export {
  createOnlineLessons,
  type OnlineLessons,
  type OnlineLessonsOptions,
  type VcCancelOptions,
  type VcRoomOptions,
  type VcRoomResult,
} from './create-online-lessons.js';
export {
  checkOnlineLesson,
  type JournalKind,
  type OnlineLesson,
  type OnlineLessonJournal,
} from './online-lesson.js';
export {
  type LessonToClose,
  type OnlineLessonFailure,
  type OnlineLessonQueue,
  type OnlineLessonTasksOptions,
  onlineLessonTaskHandlers,
  type VcCancelRunResult,
  type VcRoomRunResult,
} from './online-lesson-tasks.js';
