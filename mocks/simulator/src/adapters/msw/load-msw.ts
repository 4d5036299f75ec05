/**
 * Loads msw synchronously on first use of `sim.handlers` in Node (msw is an optional peer: the
 * package must load without it). Node ≥ 20.19 resolves msw's `module-sync` build, so the handlers
 * share classes with the `msw/node` a test imports.
 */
import { createRequire } from 'node:module';
import { SimulatorError } from '../../engine/errors.js';
import type { MswModule } from './msw-module.js';

export const MSW_INSTALL_HINT = 'npm install --save-dev msw (or pnpm add -D msw / yarn add -D msw)';

/** `from`: where msw is looked up (this module by default; tests point it at a folder without msw). */
export function loadMsw(from: string | URL = import.meta.url): MswModule {
  let loaded: MswModule;
  try {
    loaded = createRequire(from)('msw') as MswModule;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') {
      throw new SimulatorError(
        'MSW_MISSING',
        `sim.handlers needs msw, an optional peer dependency of @goskit/simulator: ${MSW_INSTALL_HINT}`,
        { cause: error },
      );
    }
    throw error;
  }
  return loaded;
}
