/**
 * The one table of validation messages. Codes are stable (safe to switch on); texts may improve.
 * Texts name the field and the rule and never include the rejected value — СНИЛС and passport
 * numbers are personal data and must not reach logs through an error message.
 */
export const VALIDATION_MESSAGES = {
  VALUE_REQUIRED: { ru: 'Значение обязательно', en: 'A value is required' },
  VALUE_TYPE: { ru: 'Значение имеет неверный тип', en: 'The value has the wrong type' },
  VALUE_INVALID: { ru: 'Значение не прошло проверку', en: 'The value is invalid' },
  SNILS_FORMAT: {
    ru: 'СНИЛС должен иметь вид XXX-XXX-XXX YY или состоять из 11 цифр',
    en: 'SNILS must look like XXX-XXX-XXX YY or consist of 11 digits',
  },
  SNILS_CHECKSUM: { ru: 'Контрольное число СНИЛС не совпадает', en: 'The SNILS check number does not match' },
  INN_FORMAT: { ru: 'ИНН должен состоять только из цифр', en: 'INN must consist of digits only' },
  INN_LENGTH: {
    ru: 'ИНН должен содержать 10 цифр (организация) или 12 цифр (физическое лицо, ИП)',
    en: 'INN must have 10 digits (organisation) or 12 digits (individual, sole trader)',
  },
  INN_CHECKSUM: { ru: 'Контрольная цифра ИНН не совпадает', en: 'The INN check digit does not match' },
  OGRN_FORMAT: { ru: 'ОГРН должен состоять из 13 цифр', en: 'OGRN must consist of 13 digits' },
  OGRN_CHECKSUM: { ru: 'Контрольная цифра ОГРН не совпадает', en: 'The OGRN check digit does not match' },
  OGRNIP_FORMAT: { ru: 'ОГРНИП должен состоять из 15 цифр', en: 'OGRNIP must consist of 15 digits' },
  OGRNIP_CHECKSUM: {
    ru: 'Контрольная цифра ОГРНИП не совпадает',
    en: 'The OGRNIP check digit does not match',
  },
  KPP_FORMAT: {
    ru: 'КПП должен состоять из 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    en: 'KPP must have 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits',
  },
  UIN_FORMAT: {
    ru: 'УИН должен содержать 20 или 25 символов: цифры и буквы из таблицы ГИС ГМП',
    en: 'UIN must have 20 or 25 characters: digits and letters from the GIS GMP table',
  },
  UIN_CHECK_DIGIT: { ru: 'Контрольный разряд УИН не совпадает', en: 'The UIN check digit does not match' },
  UIN_ABSENT: { ru: 'УИН не указан (значение «0»)', en: 'UIN is absent (the value "0")' },
  PASSPORT_SERIES: {
    ru: 'Серия паспорта должна состоять из 4 цифр',
    en: 'The passport series must consist of 4 digits',
  },
  PASSPORT_NUMBER: {
    ru: 'Номер паспорта должен состоять из 6 цифр',
    en: 'The passport number must consist of 6 digits',
  },
  PHONE_FORMAT: {
    ru: 'Телефон должен быть российским номером: +7 и 10 цифр (вместо +7 допустима 8)',
    en: 'The phone must be a Russian number: +7 and 10 digits (8 instead of +7 is accepted)',
  },
  PHONE_NOT_MOBILE: {
    ru: 'Ожидается номер мобильного телефона (+7 9XX …)',
    en: 'A mobile number (+7 9XX …) is expected',
  },
  EMAIL_FORMAT: { ru: 'Адрес электронной почты указан неверно', en: 'The email address is malformed' },
  MARK_RANGE: {
    ru: 'Оценка должна быть целым числом от 1 до 5',
    en: 'A mark must be a whole number from 1 to 5',
  },
  MARK_FORMAT: {
    ru: 'Неизвестная отметка: допустимы 1–5, зч, нз, н, б, уп, осв, на',
    en: 'Unknown mark: allowed are 1–5, зч, нз, н, б, уп, осв, на',
  },
  CLASS_NAME: {
    ru: 'Класс должен иметь вид «5А»: параллель от 1 до 11 и буква',
    en: 'A class name must look like «5А»: grade 1 to 11 and a letter',
  },
  LESSON_NUMBER: {
    ru: 'Номер урока должен быть целым числом от 1 до 14',
    en: 'A lesson number must be a whole number from 1 to 14',
  },
  ACADEMIC_YEAR: {
    ru: 'Учебный год должен иметь вид «2025/2026» (два соседних года)',
    en: 'An academic year must look like «2025/2026» (two consecutive years)',
  },
  DATE_FORMAT: {
    ru: 'Дата должна иметь вид дд.ММ.гггг или гггг-ММ-дд',
    en: 'A date must look like dd.MM.yyyy or yyyy-MM-dd',
  },
  DATE_CALENDAR: { ru: 'Такой даты нет в календаре', en: 'No such date exists in the calendar' },
  PERSON_NAME: {
    ru: 'Имя должно состоять из букв, пробелов, дефисов и апострофов (до 60 символов)',
    en: 'A name must consist of letters, spaces, hyphens and apostrophes (up to 60 characters)',
  },
  SUBJECT_NAME: {
    ru: 'Название предмета должно быть непустым (до 100 символов)',
    en: 'A subject name must not be empty (up to 100 characters)',
  },
  DUPLICATE_KEY: {
    ru: 'Запись повторяет ключ одной из предыдущих записей',
    en: 'The record repeats the key of an earlier record',
  },
} as const satisfies Record<string, LocalizedText>;

/** Russian and English text of one message. */
export interface LocalizedText {
  readonly ru: string;
  readonly en: string;
}

/** Every stable validation code. */
export type ValidationCode = keyof typeof VALIDATION_MESSAGES;

/** Text for a code (ru + en). */
export function messageFor(code: ValidationCode): LocalizedText {
  return VALIDATION_MESSAGES[code];
}

/** True when `value` is one of the codes in the table. */
export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && Object.hasOwn(VALIDATION_MESSAGES, value);
}
