/** `goskit-sim --portal src/sim/feed.ts`: the primary e-diary feed (see feed-pair.ts). */
import { feed } from './feed-pair.js';

export default feed;
