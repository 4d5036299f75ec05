/**
 * The portal's operation log (`listAudit`): request id, time, operation, client, role, subject, status
 * and error code — never a body, a query value or personal data. A ring of the last 10 000 records.
 */
import { AUDIT_CAPACITY, type AuditRecord, type GospochtaState } from '../state.js';

export function recordAudit(state: GospochtaState, record: AuditRecord): void {
  state.audit.push(record);
  if (state.audit.length > AUDIT_CAPACITY + AUDIT_CAPACITY / 10) {
    state.audit.splice(0, state.audit.length - AUDIT_CAPACITY);
  }
}
