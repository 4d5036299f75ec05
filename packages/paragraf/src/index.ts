export * from './errors/index.js';
export * from './export/index.js';
export * from './lease/index.js';
export * from './links/index.js';
export * from './online/index.js';
export * from './runner/index.js';
export * from './soap/index.js';
export * from './tasks/index.js';
