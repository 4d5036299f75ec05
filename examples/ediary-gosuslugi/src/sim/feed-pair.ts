/**
 * The e-diary feed served twice by one goskit-sim: the primary at `/ediary` and a backup at
 * `/ediary-backup` sharing its state (two servers behind one database). A fault rule on portal
 * `ediary` takes only the primary down. `feed.ts` and `feed-backup.ts` hand the two halves to
 * `goskit-sim --portal`; both import this module, so they are the two halves of one pair.
 */
import { EDIARY_BACKUP_HOST, ediaryPortal, replicatePortal } from '@goskit/simulator';

export const [feed, feedBackup] = replicatePortal(ediaryPortal(), {
  name: 'ediary-backup',
  hosts: [EDIARY_BACKUP_HOST],
});
