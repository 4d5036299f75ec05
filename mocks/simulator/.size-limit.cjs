// Size budgets for @goskit/simulator. A JS config (not package.json) because the CLI is a Node
// program: its bundle must leave Node built-ins external, which only `modifyEsbuildConfig` can say.
// Both grew with the paragraf, gospochta, max, ediary and notifications portals (2026-12).
const workspaceDeps = [
  'msw',
  '@goskit/core',
  '@goskit/crypto',
  '@goskit/gospochta',
  '@goskit/validation',
  'zod',
  'yaml',
  'fast-xml-parser',
  'fflate',
];

module.exports = [
  {
    name: 'browser entry (msw excluded)',
    path: 'dist/browser.js',
    import: '*',
    limit: '170 kB',
    ignore: workspaceDeps,
  },
  {
    name: 'goskit-sim bin (workspace deps excluded)',
    path: 'dist/cli.js',
    limit: '180 kB',
    ignore: workspaceDeps,
    modifyEsbuildConfig: (config) => ({ ...config, platform: 'node', format: 'esm' }),
  },
];
