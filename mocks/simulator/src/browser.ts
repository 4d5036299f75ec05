/**
 * Browser entry (package.json "browser" condition): the same API, but nothing reachable imports
 * node:http — sim.listen() rejects with NOT_IMPLEMENTED. Use sim.handlers with setupWorker.
 */
export { createSimulator } from './create-simulator-browser.js';
export * from './universal.js';
