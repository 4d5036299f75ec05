// Messages, issues, errors

export { hashKey } from './batch/key-hash.js';
// Batch validation
export type { BatchIssue, BatchOptions, BatchReport, DuplicateGroup } from './batch/types.js';
export { type BatchSource, validateBatch, validateStream } from './batch/validate-batch.js';
export { inn10CheckDigit, inn12CheckDigit11, inn12CheckDigit12 } from './checksum/inn.js';
export { ogrnCheckDigit, ogrnipCheckDigit } from './checksum/ogrn.js';

// Checksums (for callers that build identifiers themselves)
export { SNILS_CHECKSUM_THRESHOLD, snilsCheckNumber, snilsChecksumApplies } from './checksum/snils.js';
export {
  UIN_CHAR_ORDINALS,
  type UinCheckPass,
  uinCharValue,
  uinCheckDigit,
  uinCheckDigitDetailed,
} from './checksum/uin.js';
export {
  isValidationError,
  ValidationError,
  type ValidationErrorCode,
} from './errors/validation-error.js';
export {
  generateInn10,
  generateInn12,
  generateKpp,
  generateOgrn,
  generateOgrnip,
  generatePassport,
  generatePhone,
  generateSnils,
  generateUin,
} from './generate/identifiers.js';
// Generators of valid data (demo data, property tests)
export type { RandomSource } from './generate/random-digits.js';
export { generateSchoolRecord, type SchoolRecordOptions } from './generate/school-record.js';
export { assertEmail, checkEmail, emailSchema, isValidEmail, normalizeEmail } from './identifiers/email.js';
export {
  assertInn,
  checkInn,
  checkInn10,
  checkInn12,
  type InnKind,
  inn10Schema,
  inn12Schema,
  innSchema,
  isValidInn,
  normalizeInn,
} from './identifiers/inn.js';
export { assertKpp, checkKpp, isValidKpp, kppSchema, normalizeKpp } from './identifiers/kpp.js';
export {
  assertOgrn,
  assertOgrnip,
  checkOgrn,
  checkOgrnip,
  isValidOgrn,
  isValidOgrnip,
  normalizeOgrn,
  normalizeOgrnip,
  ogrnipSchema,
  ogrnSchema,
} from './identifiers/ogrn.js';
export {
  assertPassport,
  checkPassport,
  isValidPassport,
  normalizePassport,
  type Passport,
  passportSchema,
} from './identifiers/passport.js';
export {
  assertPhone,
  checkPhone,
  isValidPhone,
  mobilePhoneSchema,
  normalizePhone,
  type PhoneOptions,
  phoneSchema,
} from './identifiers/phone.js';
// Identifiers
export { assertSnils, checkSnils, isValidSnils, normalizeSnils, snilsSchema } from './identifiers/snils.js';
export { assertUin, checkUin, isValidUin, normalizeUin, uinSchema } from './identifiers/uin.js';
export type { CheckResult, IssuePath, ValidationIssue } from './messages/issue.js';
export {
  isValidationCode,
  type LocalizedText,
  messageFor,
  VALIDATION_MESSAGES,
  type ValidationCode,
} from './messages/messages.js';
export {
  academicYearOf,
  academicYearSchema,
  assertAcademicYear,
  checkAcademicYear,
  isValidAcademicYear,
  normalizeAcademicYear,
} from './school/academic-year.js';
export {
  assertClassName,
  CLASS_LETTERS,
  type ClassName,
  checkClassName,
  classNameSchema,
  isValidClassName,
  normalizeClassName,
  parseClassName,
} from './school/class-name.js';
export {
  assertIsoDate,
  assertRuDate,
  checkIsoDate,
  checkRuDate,
  daysInMonth,
  isLeapYear,
  isoDateSchema,
  isoDateToRu,
  isValidIsoDate,
  isValidRuDate,
  ruDateSchema,
  ruDateToIso,
} from './school/date.js';
export {
  assertLessonNumber,
  checkLessonNumber,
  isValidLessonNumber,
  lessonNumberSchema,
  MAX_LESSON_NUMBER,
} from './school/lesson-number.js';
// School data
export {
  assertMark,
  checkMark,
  isNumericMark,
  isValidMark,
  type Mark,
  markSchema,
  NUMERIC_MARKS,
  type NumericMark,
  TEXT_MARKS,
  type TextMark,
} from './school/mark.js';
export { checkPersonName, isValidPersonName, personNameSchema } from './school/person-name.js';
export {
  markEntrySchema,
  type SchoolRecord,
  type SchoolRecordInput,
  schoolRecordSchema,
  subjectSchema,
} from './school/school-record.js';
// zod integration
export { addCodedIssues, type CodedIssueParams, codedSchema, codedStringSchema } from './zod/coded-schema.js';
export { getIssueCode, toValidationIssues } from './zod/issue-code.js';
