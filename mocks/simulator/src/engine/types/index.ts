/** The engine's public shapes, one concern per file. Names are fixed; fields may be added, never renamed. */
export type * from './clock.js';
export type * from './contracts.js';
export type * from './faults.js';
export type * from './journal.js';
export type * from './options.js';
export type * from './portal.js';
export type * from './rate-limit.js';
export type * from './request.js';
export type * from './roster.js';
export type * from './runtime.js';
export type * from './services.js';
export type * from './snapshot.js';
export type * from './standard-schema.js';
export type * from './tls.js';
