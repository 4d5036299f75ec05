import packageJson from '../../package.json' with { type: 'json' };

/** Version of @goskit/simulator, inlined at build time (shown by --version and /__goskit/health). */
export const SIMULATOR_VERSION: string = packageJson.version;
