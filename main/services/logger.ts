import nodeFs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** The file operations the logger needs; node:fs by default, a fake in tests. */
export interface LogFileOps {
  mkdirSync(dir: string, options: { recursive: true; mode?: number }): unknown;
  appendFileSync(file: string, data: string, options?: { mode?: number }): void;
  statSync(file: string, options: { throwIfNoEntry: false }): { size: number } | undefined;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: true }): void;
}

export interface FileLoggerOptions {
  dir: string;
  fileName?: string;
  /** Rotate when the current file would grow past this many bytes. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (kiosk.log.1 … kiosk.log.N). */
  maxFiles?: number;
  clock?: () => Date;
  fs?: LogFileOps;
  /** Also write each line here (stderr in development). */
  echo?: (line: string) => void;
}

/** Errors are not JSON-serialisable as such; keep what helps diagnose a kiosk remotely. */
function toJsonable(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function formatLogLine(time: Date, level: LogLevel, event: string, fields: LogFields = {}): string {
  const record: Record<string, unknown> = { time: time.toISOString(), level, event };
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in record)) record[key] = toJsonable(value);
  }
  return JSON.stringify(record) + '\n';
}

/**
 * JSON-lines log in the data folder, rotated by size so a kiosk left running for
 * months never fills its disk. Writes are synchronous: volume is low, and a line
 * written just before a crash is the one worth having.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const fs = options.fs ?? nodeFs;
  const fileName = options.fileName ?? 'kiosk.log';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 3;
  const clock = options.clock ?? (() => new Date());
  const file = path.join(options.dir, fileName);
  // Owner only, like the rest of the data folder (the mode applies when the file is created).
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

  const rotate = () => {
    fs.rmSync(`${file}.${maxFiles}`, { force: true });
    for (let n = maxFiles - 1; n >= 1; n--) {
      if (fs.statSync(`${file}.${n}`, { throwIfNoEntry: false }))
        fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (maxFiles >= 1) fs.renameSync(file, `${file}.1`);
    else fs.rmSync(file, { force: true });
    size = 0;
  };

  const write = (level: LogLevel, event: string, fields?: LogFields) => {
    const line = formatLogLine(clock(), level, event, fields);
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    } catch (error) {
      // A full or read-only disk must not take the kiosk down with it.
      options.echo?.(formatLogLine(clock(), 'error', 'log-write-failed', { error }));
    }
    options.echo?.(line);
  };

  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that keeps lines in memory: for tests and for code paths before the data folder exists. */
export function createMemoryLogger() {
  const records: Array<{ level: LogLevel; event: string; fields: LogFields }> = [];
  const push =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      records.push({ level, event, fields });
    };
  const logger: Logger = {
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };
  return { logger, records };
}
