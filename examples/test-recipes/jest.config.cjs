/**
 * Jest on Node 20: native ESM (`node --experimental-vm-modules node_modules/jest/bin/jest.js`, the
 * `test:jest` script), plain `.mjs` tests, no transform. Not CommonJS: on Node < 24.9 Jest cannot
 * `require()` an ES module, and both msw 2 (its `rettime` dependency) and @goskit/crypto (`jose`)
 * require ES-only packages from their CommonJS builds. TypeScript tests: add a transformer
 * (ts-jest in ESM mode, @swc/jest) — nothing goskit-specific changes.
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/jest/**/*.test.mjs'],
  transform: {},
};
