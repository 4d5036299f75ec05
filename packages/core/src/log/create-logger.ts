import { redactText } from '../redact/index.js';
import { LOG_LEVELS, type LogFields, type Logger, type LogLevel } from './logger.js';
import { redactFields } from './redact-fields.js';

const REDACTING = Symbol.for('goskit.redactingLogger');

export interface CreateLoggerOptions {
  /** Where redacted records go. Default: nothing (silent). */
  sink?: Partial<Logger>;
  /** Lowest level passed to the sink. Default 'warn' — debug and info are silent unless asked for. */
  level?: LogLevel;
}

/** A logger that redacts every message and field before its sink sees them. */
export interface RedactingLogger extends Logger {
  readonly [REDACTING]: true;
  readonly level: LogLevel;
  /** True when records of `level` reach the sink — lets callers skip building costly fields. */
  enabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

/**
 * Wraps a sink so that redaction happens by construction: the transport only ever logs through
 * this wrapper, so no call site can forget to redact.
 */
export function createLogger(options: CreateLoggerOptions = {}): RedactingLogger {
  const level = options.level ?? 'warn';
  const threshold = LOG_LEVELS.indexOf(level);
  const sink = options.sink ?? {};
  const method = (name: Exclude<LogLevel, 'silent'>) => {
    const write = sink[name];
    if (!write || LOG_LEVELS.indexOf(name) < threshold) {
      return () => {};
    }
    return (message: string, fields?: LogFields) => {
      const safeMessage = redactText(message);
      if (fields === undefined) {
        write.call(sink, safeMessage);
      } else {
        write.call(sink, safeMessage, redactFields(fields));
      }
    };
  };
  return {
    [REDACTING]: true,
    level,
    enabled: (name) => sink[name] !== undefined && LOG_LEVELS.indexOf(name) >= threshold,
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
  };
}

export function isRedactingLogger(value: unknown): value is RedactingLogger {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REDACTING] === true
  );
}

/**
 * The transport's view of a user logger: already-redacting loggers are used as they are; a plain
 * sink is wrapped and receives every level (its own configuration filters); no logger means
 * silent debug/info and warn/error to nothing — goskit reports failures by throwing.
 */
export function toRedactingLogger(logger: Partial<Logger> | undefined): RedactingLogger {
  if (isRedactingLogger(logger)) {
    return logger;
  }
  if (logger === undefined) {
    return createLogger({ level: 'warn' });
  }
  return createLogger({ sink: logger, level: 'debug' });
}
