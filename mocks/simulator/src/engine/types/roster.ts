/**
 * The shared school roster every portal builds its demo data from: «Демо школа», its classes, people
 * and courses. The shape lives here so portals and the engine agree on it; the generator lives in
 * src/roster/ and is handed to the engine by the composition root.
 */

export type PersonaRole = 'parent' | 'teacher' | 'admin' | 'student';

export interface Passport {
  series: string;
  number: string;
}

export interface Persona {
  id: string;
  role: PersonaRole;
  /** ESIA numeric id. */
  oid: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** 'dd.MM.yyyy' */
  birthDate: string;
  gender: 'M' | 'F';
  snils: string;
  inn: string;
  phone: string;
  email: string;
  passport: Passport;
  login: string;
  password: string;
  trusted: boolean;
  /** Organisation roles (admins, teachers). */
  organisations?: { oid: string; ogrn: string; role: string; title: string }[];
  /** Student persona ids (parents). */
  children?: string[];
}

export interface Organisation {
  oid: string;
  shortName: string;
  fullName: string;
  ogrn: string;
  inn: string;
  kpp: string;
  address: string;
}

export interface SchoolClass {
  id: string;
  /** '1А' … '11Б' */
  name: string;
  grade: number;
  letter: string;
  teacherId: string;
  studentIds: string[];
}

/** A subject taught at the school ('Математика'). */
export interface SchoolSubject {
  id: string;
  name: string;
}

/** One class learning one subject with one teacher: a journal in an e-diary, a subject chat in Sferum. */
export interface SchoolCourse {
  id: string;
  classId: string;
  subjectId: string;
  teacherId: string;
}

export interface DemoData {
  seed: string;
  organisation: Organisation;
  classes: SchoolClass[];
  /** Every person: students, teachers, parents, admins (fixed personas first). */
  personas: Persona[];
  /** Absent in rosters written before courses existed; the generator always fills them. */
  subjects?: SchoolSubject[];
  courses?: SchoolCourse[];
}

/** The roster's name in portal-authoring docs. */
export type SchoolRoster = DemoData;

/**
 * Where the engine gets the roster: generated from the seed, with a caller's overrides applied and
 * checked. The built-in «Демо школа» generator is src/roster/; a test can hand in its own.
 */
export interface RosterSource {
  generate(seed: string): DemoData;
  /** Applies the caller's `organisation` / `classes` / `personas` / … over generated data; throws INVALID_DATA. */
  merge(generated: DemoData, override: Partial<DemoData> | undefined): DemoData;
  /** Top-level keys of `SimulatorOptions.data` that belong to the roster. */
  readonly keys: readonly string[];
}
