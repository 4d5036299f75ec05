/** Structured fields attached to a log record. */
export type LogFields = Record<string, unknown>;

/** The logger shape goskit accepts (octokit's): pino, winston, console and friends fit. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

const noop = (): void => {};

/** Drops everything. */
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });

/**
 * Writes to the console. The one deliberate console sink in goskit; records reach it only through
 * `createLogger`, which redacts them first.
 */
export const consoleLogger: Logger = Object.freeze({
  // biome-ignore lint/suspicious/noConsole: the opt-in console sink
  debug: (message: string, fields?: LogFields) => console.debug(message, fields ?? ''),
  // biome-ignore lint/suspicious/noConsole: the opt-in console sink
  info: (message: string, fields?: LogFields) => console.info(message, fields ?? ''),
  // biome-ignore lint/suspicious/noConsole: the opt-in console sink
  warn: (message: string, fields?: LogFields) => console.warn(message, fields ?? ''),
  // biome-ignore lint/suspicious/noConsole: the opt-in console sink
  error: (message: string, fields?: LogFields) => console.error(message, fields ?? ''),
});
