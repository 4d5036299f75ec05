/** «Демо школа», the shared roster every built-in portal builds its demo data from. */
import type { RosterSource } from '../engine/types.js';
import { generateDemoData } from './generate-demo.js';
import { mergeRoster } from './merge-roster.js';
import { ROSTER_KEYS } from './roster-schema.js';

export { SUBJECTS } from './courses.js';
export {
  CLASS_LETTERS,
  DEMO_PASSWORD,
  type DemoOptions,
  FIXED_PERSONA_IDS,
  generateDemoData,
} from './generate-demo.js';
export { mergeRoster } from './merge-roster.js';
export { ROSTER_KEYS, rosterOverrideSchema } from './roster-schema.js';

/** The built-in roster source the composition root hands the engine. */
export const demoRoster: RosterSource = {
  generate: (seed) => generateDemoData(seed),
  merge: mergeRoster,
  keys: ROSTER_KEYS,
};
