/** Kinds of legally significant letters (openapi DocumentType) and their Russian names. */
import type { components } from '../generated/gospochta.js';

export type DocumentType = components['schemas']['DocumentType'];

export const DOCUMENT_TYPES: Readonly<Record<DocumentType, string>> = {
  'court-notice': 'Судебное извещение',
  'bankruptcy-notice': 'Уведомление о банкротстве',
  order: 'Приказ',
  'tax-notice': 'Налоговое уведомление',
  'fine-decision': 'Постановление о штрафе',
  claim: 'Претензия',
  demand: 'Требование',
  contract: 'Договор',
  notice: 'Уведомление',
  decision: 'Решение',
  other: 'Иное',
};

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_TYPES, value);
}
