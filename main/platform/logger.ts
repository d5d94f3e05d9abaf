// Structured logging to stderr (and, when given, a file): one JSON object per line, never secrets.
import { appendFileSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(scope: string): Logger;
};

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LoggerOptions = { level?: LogLevel; file?: string; scope?: string; console?: boolean };

export function createLogger(options: LoggerOptions = {}): Logger {
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
    if (options.file !== undefined) {
      try {
        appendFileSync(options.file, `${line}\n`);
      } catch {
        // A full disk or a removed folder must not stop the guard; stderr still has the line.
      }
    }
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
      createLogger({ ...options, scope: options.scope === undefined ? scope : `${options.scope}.${scope}` }),
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
