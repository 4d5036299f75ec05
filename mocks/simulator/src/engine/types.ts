/** The engine's public shapes; each concern has its own file under types/. */
export type * from './types/index.js';
