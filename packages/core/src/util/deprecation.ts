/**
 * One warning per renamed option, not one per call: an old name keeps working for one minor release
 * and says so once — through the client's logger when it has one (once per logger), otherwise as a
 * Node `DeprecationWarning` (once per process, silenced by `--no-deprecation` like Node's own).
 */
import type { Logger } from '../log/logger.js';

const perLogger = new WeakMap<object, Set<string>>();
const perProcess = new Set<string>();

/**
 * Reports the use of a deprecated name. `id` identifies the rename (`'GOSKIT_NOW_OPTION'`); the
 * message says what to use instead. For goskit packages; not a stable API of its own.
 */
export function warnDeprecated(logger: Partial<Logger> | undefined, id: string, message: string): void {
  if (logger !== undefined && typeof logger.warn === 'function') {
    let seen = perLogger.get(logger);
    if (seen === undefined) {
      seen = new Set();
      perLogger.set(logger, seen);
    }
    if (!seen.has(id)) {
      seen.add(id);
      logger.warn(`[goskit] deprecated: ${message}`, { deprecation: id });
    }
    return;
  }
  if (perProcess.has(id)) {
    return;
  }
  perProcess.add(id);
  // Not every runtime has a process (browsers, workers): there the logger is the only channel.
  const host = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } })
    .process;
  if (typeof host?.emitWarning === 'function') {
    host.emitWarning(`[goskit] ${message}`, { type: 'DeprecationWarning', code: id });
  }
}
