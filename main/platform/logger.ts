// Structured logging to stderr (and, when given, a file rotated by size, see log-file.ts): one JSON object per line,
// never secrets.
import { rotatingLogFile, type LogFile } from './log-file';

export { logDir, logFilePath, LOG_KEEP, LOG_MAX_BYTES } from './log-file';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(scope: string): Logger;
};

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LoggerOptions = {
  level?: LogLevel;
  /** Also append to this file, rotated at `maxFileBytes` (5 MiB) keeping `keepFiles` (5) older ones. */
  file?: string;
  maxFileBytes?: number;
  keepFiles?: number;
  scope?: string;
  console?: boolean;
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const file =
    options.file === undefined
      ? null
      : rotatingLogFile({
          path: options.file,
          ...(options.maxFileBytes === undefined ? {} : { maxBytes: options.maxFileBytes }),
          ...(options.keepFiles === undefined ? {} : { keep: options.keepFiles }),
        });
  return scopedLogger(options, file);
}

/** Children share the parent's file, so one count of bytes decides its rotation. */
function scopedLogger(options: LoggerOptions, file: LogFile | null): Logger {
  const min = order[options.level ?? 'info'];
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (order[level] < min) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      message,
      ...context,
    });
    if (options.console !== false) process.stderr.write(`${line}\n`);
    file?.write(`${line}\n`);
  };
  return {
    debug: (m, c) => {
      write('debug', m, c);
    },
    info: (m, c) => {
      write('info', m, c);
    },
    warn: (m, c) => {
      write('warn', m, c);
    },
    error: (m, c) => {
      write('error', m, c);
    },
    child: (scope) =>
      scopedLogger(
        { ...options, scope: options.scope === undefined ? scope : `${options.scope}.${scope}` },
        file,
      ),
  };
}

/** A logger that keeps lines in memory: for tests that assert what was logged. */
export function memoryLogger(): Logger & {
  lines: { level: LogLevel; message: string; context?: Record<string, unknown> }[];
} {
  const lines: { level: LogLevel; message: string; context?: Record<string, unknown> }[] = [];
  const make = (): Logger => ({
    debug: (message, context) => lines.push({ level: 'debug', message, ...(context ? { context } : {}) }),
    info: (message, context) => lines.push({ level: 'info', message, ...(context ? { context } : {}) }),
    warn: (message, context) => lines.push({ level: 'warn', message, ...(context ? { context } : {}) }),
    error: (message, context) => lines.push({ level: 'error', message, ...(context ? { context } : {}) }),
    child: () => make(),
  });
  return Object.assign(make(), { lines });
}
