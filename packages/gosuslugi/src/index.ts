/**
 * @goskit/gosuslugi — ESIA v2/v3 sign-in with GOST signatures, verified tokens and person data;
 * EPGU orders with chunked upload, status polling and limits.
 */
export * from './ediary/index.js';
export * from './epgu/index.js';
export * from './errors/index.js';
export * from './esia/index.js';
