/** Sending the feed's notices through the shared outbox (notificationsService). */
import type { PortalRuntime } from '../../engine/types.js';
import { type NotificationChannel, notificationsService } from '../../services/notifications.js';
import type { EdiaryState } from './state.js';

export const SOURCE = 'ediary';

/** Notices about the pupils' records reach the parent at once: the personal account and push. */
export const RECORD_CHANNELS: readonly NotificationChannel[] = ['lk', 'push'];

export function outbox(sim: PortalRuntime) {
  return sim.service(notificationsService);
}

/** Parents (oids) linked to a pupil, or to any pupil of a class, at a school. */
export function parentsOf(
  state: EdiaryState,
  schoolId: string,
  match: { pupilId?: string; classId?: string },
): string[] {
  const parents = new Set<string>();
  for (const connection of state.connections.values()) {
    if (connection.schoolId !== schoolId) {
      continue;
    }
    const hit = connection.pupils.some(
      (pupil) =>
        (match.pupilId !== undefined && pupil.pupilId === match.pupilId) ||
        (match.classId !== undefined && pupil.classId === match.classId),
    );
    if (hit) {
      parents.add(connection.parentOid);
    }
  }
  return [...parents];
}
