/**
 * Russian and English text of the e-diary's own rules: the business checks on school data and the
 * JSON Schema keywords a record can break. Texts name the rule, never the value.
 */
import type { LocalizedText } from '@goskit/validation';

export const EDIARY_RULES = {
  EDIARY_PUPIL_UNKNOWN: {
    ru: 'Ученика с таким идентификатором нет в списке школы',
    en: 'No pupil with this id in the school’s register',
  },
  EDIARY_PUPIL_NOT_LINKED: {
    ru: 'Ребёнок не связан с учётной записью родителя на Госуслугах: запись не передаётся',
    en: 'The child is not linked to a parent’s Gosuslugi account: the record is not sent',
  },
  EDIARY_CLASS_UNKNOWN: {
    ru: 'Класса с таким идентификатором нет в списке школы',
    en: 'No class with this id in the school’s register',
  },
  EDIARY_CLASS_NOT_LINKED: {
    ru: 'В классе нет детей, связанных с Госуслугами: запись не передаётся',
    en: 'No child of the class is linked to Gosuslugi: the record is not sent',
  },
  EDIARY_DUPLICATE_ID: {
    ru: 'Запись с таким идентификатором уже встречалась в файле',
    en: 'A record with this id appeared earlier in the file',
  },
  EDIARY_DUPLICATE_RECORD: {
    ru: 'Запись повторяет другую запись файла',
    en: 'The record repeats another record of the file',
  },
  EDIARY_DATE_IN_FUTURE: { ru: 'Дата ещё не наступила', en: 'The date lies in the future' },
  EDIARY_KIND_MISMATCH: {
    ru: 'Файл содержит записи другого вида',
    en: 'The file holds records of another kind',
  },
  EDIARY_SCHOOL_MISMATCH: {
    ru: 'Файл относится к другой школе',
    en: 'The file belongs to another school',
  },
  EDIARY_UNKNOWN_KIND: {
    ru: 'Вид записей не указан или не поддерживается (marks, attendance, schedule)',
    en: 'The kind of records is missing or not supported (marks, attendance, schedule)',
  },
  EDIARY_FEED_REJECTED: {
    ru: 'Госуслуги не приняли запись',
    en: 'Gosuslugi refused the record',
  },
  JSON_REQUIRED: { ru: 'Отсутствует обязательное поле', en: 'A required field is missing' },
  JSON_UNKNOWN_FIELD: { ru: 'Поле не описано в схеме', en: 'The field is not declared by the schema' },
  JSON_TYPE: { ru: 'Значение имеет неверный тип', en: 'The value has the wrong type' },
  JSON_ENUM: {
    ru: 'Значение не входит в перечень допустимых',
    en: 'The value is not one of the allowed values',
  },
  JSON_PATTERN: { ru: 'Значение не соответствует шаблону', en: 'The value does not match the pattern' },
  JSON_LENGTH: { ru: 'Недопустимая длина значения', en: 'The value has a length out of bounds' },
  JSON_RANGE: { ru: 'Значение вне допустимого диапазона', en: 'The value is out of range' },
  JSON_ONE_OF: {
    ru: 'Значение не подходит ни под один допустимый вид',
    en: 'The value matches none of the allowed forms',
  },
  JSON_SCHEMA: { ru: 'Значение не соответствует схеме', en: 'The value does not match the schema' },
} as const satisfies Record<string, LocalizedText>;

export type EdiaryRuleCode = keyof typeof EDIARY_RULES;
