/** `goskit-sim --portal src/sim/feed-backup.ts`: the feed's backup at /ediary-backup (see feed-pair.ts). */
import { feedBackup } from './feed-pair.js';

export default feedBackup;
