/**
 * The ID-card scanner in serial (COM) mode: main opens the port the officer set, cuts what
 * it sends into scans (scan-framer.ts) and hands each scan to the screen that is listening
 * (serialScannerNext, a long poll) or to the officer's test. The text is parsed by the
 * renderer with the same parser as a keyboard-mode scan.
 *
 * A scan nobody is listening for is kept only a few seconds (`freshMs`): a card read on
 * an idle kiosk must not fill the next person's form.
 */
import {
  SERIAL_NEXT_MAX_WAIT_MS,
  type SerialScannerSettings,
  type SerialScannerStatus,
} from '../../../shared/contracts/serial-scanner.ts';
import type { Logger } from '../logger.ts';
import { createScanFramer } from './scan-framer.ts';

export type SerialProblem = NonNullable<SerialScannerStatus['problem']>;

/** An open port; `close` resolves once the port is released. */
export interface SerialConnection {
  close(): Promise<void>;
}

/** Thrown (or rejected) by `open` with why the port could not be opened. */
export class SerialOpenError extends Error {
  constructor(
    readonly problem: SerialProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SerialOpenError';
  }
}

/** The serial port library, behind an interface (serialport-driver.ts is the real one). */
export interface SerialDriver {
  open(
    settings: SerialScannerSettings,
    events: { onData(chunk: Uint8Array): void; onClose(error: Error | null): void },
  ): Promise<SerialConnection>;
  list(): Promise<{ path: string; label: string }[]>;
}

/** Where the settings are kept (a JSON file in the data folder). */
export interface SerialSettingsStore {
  load(): Promise<SerialScannerSettings | null>;
  save(settings: SerialScannerSettings | null): Promise<void>;
}

export interface SerialScannerDeps {
  driver: SerialDriver;
  store: SerialSettingsStore;
  logger: Logger;
  /** Milliseconds, monotonic. */
  now?: () => number;
  freshMs?: number;
  quietMs?: number;
}

export interface SerialScannerService {
  /** Opens the saved port, if any; never throws (a missing scanner is a status, not a crash). */
  start(): Promise<void>;
  status(): SerialScannerStatus;
  configure(settings: SerialScannerSettings | null): Promise<SerialScannerStatus>;
  ports(): Promise<{ path: string; label: string }[]>;
  test(waitMs: number): Promise<{ ok: true; text: string } | { ok: false; reason: 'off' | 'timeout' }>;
  /** `listener`: the listening screen's id, whose wait `cancel` ends. */
  next(after: number | null, waitMs: number, listener?: string): Promise<{ cursor: number; scans: string[] }>;
  /** The screen with this listener id closed: ends its wait now, and any wait of it still on its way. */
  cancel(listener: string): void;
  close(): Promise<void>;
}

interface Scan {
  seq: number;
  text: string;
  at: number;
}

const KEPT_SCANS = 20;
/** Cancelled listener ids remembered, for a wait that reaches main after its cancel. */
const KEPT_CANCELLED = 50;

export function createSerialScannerService(deps: SerialScannerDeps): SerialScannerService {
  const now = deps.now ?? (() => performance.now());
  const freshMs = deps.freshMs ?? 5_000;
  let settings: SerialScannerSettings | null = null;
  let connection: SerialConnection | null = null;
  let problem: { problem: SerialProblem; message: string } | null = null;
  /** Bumped on every (re)configuration, so a late event of an old port is ignored. */
  let generation = 0;
  let seq = 0;
  let scans: Scan[] = [];
  const waiters = new Set<() => void>();
  const waitersOf = new Map<string, () => void>();
  let cancelled: string[] = [];
  let tester: ((text: string | null) => void) | null = null;

  const wake = () => {
    for (const w of [...waiters]) w();
  };

  const received = (text: string) => {
    if (tester) {
      const t = tester;
      tester = null;
      t(text);
      return;
    }
    seq += 1;
    scans = [...scans, { seq, text, at: now() }].slice(-KEPT_SCANS);
    deps.logger.info('serial-scan', { chars: text.length });
    wake();
  };

  const framer = createScanFramer({ onScan: received, ...(deps.quietMs ? { quietMs: deps.quietMs } : {}) });

  const closePort = async () => {
    const open = connection;
    connection = null;
    framer.flush();
    if (open) await open.close().catch(() => undefined);
  };

  const openPort = async () => {
    const mine = ++generation;
    problem = null;
    if (!settings) return;
    try {
      const opened = await deps.driver.open(settings, {
        onData: (chunk) => {
          if (mine === generation) framer.push(chunk);
        },
        onClose: (error) => {
          if (mine !== generation) return;
          connection = null;
          framer.flush();
          problem = { problem: 'disconnected', message: error?.message ?? 'port closed' };
          deps.logger.warn('serial-port-lost', { path: settings?.path, message: problem.message });
        },
      });
      if (mine !== generation) {
        await opened.close().catch(() => undefined);
        return;
      }
      connection = opened;
      deps.logger.info('serial-port-open', { path: settings.path, baudRate: settings.baudRate });
    } catch (error) {
      if (mine !== generation) return;
      problem =
        error instanceof SerialOpenError
          ? { problem: error.problem, message: error.message }
          : { problem: 'failed', message: error instanceof Error ? error.message : String(error) };
      deps.logger.warn('serial-port-open-failed', { path: settings.path, ...problem });
    }
  };

  const status = (): SerialScannerStatus => {
    if (!settings) return { settings: null, state: 'off' };
    if (connection) return { settings, state: 'listening' };
    return {
      settings,
      state: 'failed',
      ...(problem ? { problem: problem.problem, message: problem.message } : { problem: 'failed' as const }),
    };
  };

  const fresh = (after: number): string[] => {
    const since = now() - freshMs;
    return scans.filter((s) => s.seq > after && s.at >= since).map((s) => s.text);
  };

  return {
    async start() {
      try {
        settings = await deps.store.load();
      } catch (error) {
        deps.logger.warn('serial-settings-unreadable', { error });
        settings = null;
      }
      await openPort();
    },
    status,
    async configure(next) {
      await closePort();
      settings = next;
      await deps.store.save(next);
      await openPort();
      return status();
    },
    ports: () => deps.driver.list(),
    test(waitMs) {
      if (!settings) return Promise.resolve({ ok: false, reason: 'off' });
      tester?.(null);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          if (tester === answer) tester = null;
          resolve({ ok: false, reason: 'timeout' });
        }, waitMs);
        const answer = (text: string | null) => {
          clearTimeout(timer);
          resolve(text === null ? { ok: false, reason: 'timeout' } : { ok: true, text });
        };
        tester = answer;
      });
    },
    next(after, waitMs, listener) {
      if (after === null) return Promise.resolve({ cursor: seq, scans: [] });
      const ready = fresh(after);
      const gone = listener !== undefined && cancelled.includes(listener);
      if (ready.length > 0 || waitMs === 0 || gone) return Promise.resolve({ cursor: seq, scans: ready });
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          if (listener !== undefined && waitersOf.get(listener) === done) waitersOf.delete(listener);
          resolve({ cursor: seq, scans: fresh(after) });
        };
        const timer = setTimeout(done, Math.min(waitMs, SERIAL_NEXT_MAX_WAIT_MS));
        waiters.add(done);
        if (listener !== undefined) {
          waitersOf.get(listener)?.();
          waitersOf.set(listener, done);
        }
      });
    },
    cancel(listener) {
      cancelled = [...cancelled.filter((c) => c !== listener), listener].slice(-KEPT_CANCELLED);
      waitersOf.get(listener)?.();
    },
    async close() {
      generation += 1;
      tester?.(null);
      wake();
      await closePort();
    },
  };
}
