/** Node entry (also fine for bundlers that externalise node builtins). Browser bundles: ./browser.ts. */
export { builtInPortals, createSimulator, isTestEnvironment } from './engine/create-simulator.js';
export * from './universal.js';
