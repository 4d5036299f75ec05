/**
 * The `paragraf` portal's state: exchange accounts, the queue of pushes (each item's progress is read
 * off the virtual clock), the «База ссылок» (Sferum community per school), and «Демо школа»'s journals
 * and lessons. Everything keyed by request input is a Map; the whole state is structured-cloneable.
 */

/** Who may call the exchange service, for which school (the login/password header elements). */
export interface ParagrafAccount {
  login: string;
  password: string;
  schoolId: string;
}

export type ParagrafQueueOperation = 'pushData' | 'pushZipFile';

export interface ParagrafQueueItem {
  queueId: string;
  schoolId: string;
  operation: ParagrafQueueOperation;
  /** Records (pupils or files) in the push. */
  total: number;
  /** Epoch ms (virtual) the push was accepted. */
  acceptedAt: number;
  /** Problems found in the push; any makes the item end `failed`. */
  errors: { code: string; text: string }[];
}

/** One school's entry of the «База ссылок»: the Sferum community and its community token. */
export interface ParagrafLink {
  schoolId: string;
  communityId: number;
  communityName: string;
  /** Kept for the simulated system only; answers show `tokenHint` (the last four characters). */
  token: string;
  savedAt: number;
}

/** 'general': общее образование (a subject chat is allowed); the others are not. */
export type ParagrafJournalKind = 'general' | 'additional' | 'extracurricular';

export interface ParagrafJournal {
  id: string;
  kind: ParagrafJournalKind;
  /** The roster course behind a general journal (class × subject). */
  courseId?: string;
  classId: string;
  className: string;
  subjectName: string;
  teacherId: string;
  /** The Sferum chat once created. */
  chatPeerId?: number;
}

export type ParagrafLessonState = 'planned' | 'online' | 'finished' | 'cancelled';

export interface ParagrafLesson {
  id: string;
  journalId: string;
  /** dd.mm.yyyy */
  date: string;
  /** 1–8: the lesson's number in the day. */
  number: number;
  topic: string;
  /** «Онлайн-урок» once published online. */
  mode: 'offline' | 'online';
  state: ParagrafLessonState;
  callId?: string;
  joinLink?: string;
  /** Epoch ms (virtual). */
  publishedAt?: number;
}

export interface ParagrafState {
  accounts: Map<string, ParagrafAccount>;
  queue: Map<string, ParagrafQueueItem>;
  queueCounter: number;
  /** Failure armed for the next pushes (control API): each takes one. */
  failNext: { code: string; text: string }[];
  links: Map<string, ParagrafLink>;
  journals: Map<string, ParagrafJournal>;
  lessons: Map<string, ParagrafLesson>;
  /** The school of «Демо школа» (its ESIA oid). */
  schoolId: string;
}
