#!/usr/bin/env node
import { main } from './cli/main.js';

// Entry of the goskit-sim bin (built to dist/cli.js with a shebang).
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) {
      process.exitCode = code;
    }
  },
  (error: unknown) => {
    process.stderr.write(
      `goskit-sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
