// Structured logging to stderr (and, when given, a file rotated by size, see log-file.ts): one JSON object per line,
// never secrets. A line is made when it is logged and written when the turn ends: a breach's command leaves before
// the lines its turn logged reach the disk (docs/ARCHITECTURE.md, "Breach to broker").
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
  return scopedLogger(options, lineSink(options.console !== false, file));
}

type LineSink = { add(line: string): void; flush(): void };

/** Sinks holding lines not yet written, all written when the process exits (an exit, a fatal exception). */
const holding = new Set<LineSink>();
let exitHooked = false;
/** More lines than this in one turn are written at once rather than held. */
const MAX_HELD_LINES = 256;

/** Holds a turn's lines and writes them when it ends (setImmediate): to stderr in one write, to the file line by line. */
function lineSink(toConsole: boolean, file: LogFile | null): LineSink {
  let lines: string[] = [];
  const flush = (): void => {
    holding.delete(sink);
    if (lines.length === 0) return;
    const out = lines;
    lines = [];
    if (toConsole) process.stderr.write(out.join(''));
    for (const line of out) file?.write(line);
  };
  const sink: LineSink = {
    add(line) {
      lines.push(line);
      if (lines.length >= MAX_HELD_LINES) flush();
      else if (lines.length === 1) {
        holding.add(sink);
        setImmediate(flush).unref();
      }
    },
    flush,
  };
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', writeHeldLogLines);
  }
  return sink;
}

/**
 * Writes every line still held, now: at exit, and before something that blocks the thread or ends the process
 * without an exit event (a modal error box, Electron's `app.exit`).
 */
export function writeHeldLogLines(): void {
  for (const held of [...holding]) held.flush();
}

/** Children share the parent's sink and file, so one count of bytes decides its rotation. */
function scopedLogger(options: LoggerOptions, sink: LineSink): Logger {
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
    sink.add(`${line}\n`);
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
        sink,
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
