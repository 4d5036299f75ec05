export { ExchangeError, type ExchangeErrorCode, type QueueErrorEntry } from './exchange-error.js';
export { LinkError, type LinkErrorCode, type LinkIssue } from './link-error.js';
export { OnlineLessonError, type OnlineLessonErrorCode } from './online-lesson-error.js';
export { isParagrafError, ParagrafError, type ParagrafErrorCode } from './paragraf-error.js';
export { type SoapFaultDetails, SoapFaultError } from './soap-fault-error.js';
export { TaskError, type TaskErrorCode } from './task-error.js';
export { XmlFormatError, type XmlFormatErrorCode } from './xml-format-error.js';
export { XmlSecurityError, type XmlSecurityErrorCode } from './xml-security-error.js';
