export * from './errors/index.js';
export * from './export/index.js';
export * from './soap/index.js';
