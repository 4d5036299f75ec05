/**
 * Browser entry (package.json "browser" condition): the same API, but nothing reachable imports
 * node:http — sim.listen() rejects with NOT_IMPLEMENTED. Use sim.handlers with setupWorker.
 */
export { builtInPortals, createSimulator, isTestEnvironment } from './engine/create-simulator-browser.js';
export * from './universal.js';
