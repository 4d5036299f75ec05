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
    // Self-contained since 2026-12 (docs/decisions/086-bundled-cli.md): its dependencies are inside,
    // so this budget covers zod, the @goskit packages and the XML parser as well (334 kB then).
    name: 'goskit-sim bin (self-contained, msw excluded)',
    path: 'dist/cli.js',
    limit: '360 kB',
    ignore: ['msw'],
    modifyEsbuildConfig: (config) => ({ ...config, platform: 'node', format: 'esm' }),
  },
];
