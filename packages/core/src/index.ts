export { GoskitError, isGoskitError } from './errors/goskit-error.js';
export * from './redact/index.js';
export type { KeyValueStore, StoreWriteOptions } from './store/key-value-store.js';
export { MemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
