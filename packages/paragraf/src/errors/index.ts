export { isParagrafError, ParagrafError, type ParagrafErrorCode } from './paragraf-error.js';
export { XmlFormatError, type XmlFormatErrorCode } from './xml-format-error.js';
export { XmlSecurityError, type XmlSecurityErrorCode } from './xml-security-error.js';
