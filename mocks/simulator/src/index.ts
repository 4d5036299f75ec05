/** Node entry (also fine for bundlers that externalise node builtins). Browser bundles: ./browser.ts. */
export { createSimulator } from './create-simulator.js';
export * from './universal.js';
