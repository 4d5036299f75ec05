export {
  createOnlineLessons,
  type OnlineLessons,
  type OnlineLessonsOptions,
  type VcCancelOptions,
  type VcRoomResult,
} from './create-online-lessons.js';
export {
  checkOnlineLesson,
  type JournalKind,
  type OnlineLesson,
  type OnlineLessonJournal,
} from './online-lesson.js';
