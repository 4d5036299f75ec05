/**
 * Russian and English text of every rule a streamed file can break: well-formedness and hostile-input
 * bounds of XML and JSON, and the XSD checks. Texts name the rule and never quote the value.
 */
import type { LocalizedText } from '../messages/messages.js';

export const FORMAT_MESSAGES = {
  XML_MALFORMED: { ru: 'Документ XML составлен с ошибкой', en: 'The XML document is not well-formed' },
  XML_UNEXPECTED_END: { ru: 'Документ XML оборван', en: 'The XML document ends too early' },
  XML_DOCTYPE_REFUSED: {
    ru: 'Объявления DOCTYPE не принимаются',
    en: 'DOCTYPE declarations are refused',
  },
  XML_ENTITY_REFUSED: {
    ru: 'Допустимы только стандартные сущности XML (&lt; &gt; &amp; &quot; &apos; и числовые)',
    en: 'Only the predefined XML entities (&lt; &gt; &amp; &quot; &apos; and numeric ones) are allowed',
  },
  XML_DEPTH_LIMIT: { ru: 'Слишком глубокая вложенность элементов', en: 'Elements are nested too deeply' },
  XML_TEXT_LIMIT: { ru: 'Слишком длинный текст элемента', en: 'A text node is too long' },
  XML_TAG_LIMIT: { ru: 'Слишком длинный тег', en: 'A tag is too long' },
  XML_NAME_LIMIT: {
    ru: 'Слишком длинное имя элемента или атрибута',
    en: 'An element or attribute name is too long',
  },
  XML_ATTRIBUTE_LIMIT: {
    ru: 'Слишком много атрибутов или слишком длинное значение атрибута',
    en: 'Too many attributes, or an attribute value too long',
  },
  XML_ENCODING_UNSUPPORTED: {
    ru: 'Кодировка не поддерживается: используйте UTF-8 или windows-1251',
    en: 'Unsupported encoding: use UTF-8 or windows-1251',
  },
  JSON_MALFORMED: { ru: 'Документ JSON составлен с ошибкой', en: 'The JSON document is malformed' },
  JSON_UNEXPECTED_END: { ru: 'Документ JSON оборван', en: 'The JSON document ends too early' },
  JSON_DEPTH_LIMIT: { ru: 'Слишком глубокая вложенность JSON', en: 'JSON is nested too deeply' },
  JSON_VALUE_LIMIT: {
    ru: 'Слишком большая запись или значение JSON',
    en: 'A JSON record or value is too large',
  },
  JSON_SHAPE: {
    ru: 'Документ JSON должен быть объектом с массивом записей',
    en: 'The JSON document must be an object holding the records array',
  },
  XSD_UNSUPPORTED: {
    ru: 'Конструкция XSD не поддерживается потоковой проверкой',
    en: 'The XSD construct is not supported by the streaming checker',
  },
  XSD_INVALID: { ru: 'Схема XSD составлена с ошибкой', en: 'The XSD schema is invalid' },
  XSD_ROOT: {
    ru: 'Корневой элемент не описан в схеме',
    en: 'The root element is not declared by the schema',
  },
  XSD_NAMESPACE: {
    ru: 'Элемент не принадлежит пространству имён схемы',
    en: 'The element is not in the schema’s namespace',
  },
  XSD_UNEXPECTED_ELEMENT: {
    ru: 'Элемент не допускается схемой в этом месте',
    en: 'The schema does not allow this element here',
  },
  XSD_MISSING_ELEMENT: { ru: 'Отсутствует обязательный элемент', en: 'A required element is missing' },
  XSD_TOO_MANY: {
    ru: 'Элемент повторяется больше допустимого (maxOccurs)',
    en: 'The element occurs more often than allowed (maxOccurs)',
  },
  XSD_TEXT_NOT_ALLOWED: {
    ru: 'Текст внутри этого элемента не допускается',
    en: 'Text is not allowed inside this element',
  },
  XSD_CHILD_NOT_ALLOWED: {
    ru: 'Вложенные элементы здесь не допускаются',
    en: 'Child elements are not allowed here',
  },
  XSD_ATTRIBUTE_REQUIRED: { ru: 'Отсутствует обязательный атрибут', en: 'A required attribute is missing' },
  XSD_ATTRIBUTE_UNKNOWN: {
    ru: 'Атрибут не описан в схеме',
    en: 'The attribute is not declared by the schema',
  },
  XSD_DATATYPE: {
    ru: 'Значение не соответствует типу данных',
    en: 'The value does not match the data type',
  },
  XSD_PATTERN: { ru: 'Значение не соответствует шаблону', en: 'The value does not match the pattern' },
  XSD_ENUMERATION: {
    ru: 'Значение не входит в перечень допустимых',
    en: 'The value is not one of the allowed values',
  },
  XSD_LENGTH: { ru: 'Недопустимая длина значения', en: 'The value has a length out of bounds' },
  XSD_RANGE: { ru: 'Значение вне допустимого диапазона', en: 'The value is out of range' },
  XSD_FIXED: { ru: 'Значение должно быть фиксированным', en: 'The value must equal the fixed value' },
} as const satisfies Record<string, LocalizedText>;

export type FormatCode = keyof typeof FORMAT_MESSAGES;
