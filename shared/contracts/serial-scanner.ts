/**
 * The ID-card scanner in serial (COM) mode, read by main: its settings, its state and the
 * scans it delivers, as they cross the bridge (shared/contracts/bridge.ts).
 */
import { z } from 'zod';

/** Baud rates QR scanners offer in serial mode; 9600 is the usual factory setting. */
export const SERIAL_BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
export const DEFAULT_SERIAL_BAUD_RATE = 9600;

export const SerialScannerSettingsSchema = z.object({
  /** 'COM3' on Windows; '/dev/ttyACM0' or '/dev/ttyUSB0' on Linux. */
  path: z.string().trim().min(1).max(200),
  baudRate: z.literal(SERIAL_BAUD_RATES),
});
export type SerialScannerSettings = z.infer<typeof SerialScannerSettingsSchema>;

/** Why the port could not be opened or was lost; the renderer shows a localised text per reason. */
export const SERIAL_SCANNER_PROBLEMS = [
  'not-found',
  'no-permission',
  'busy',
  'failed',
  'disconnected',
] as const;

export const SerialScannerStatusSchema = z.object({
  settings: SerialScannerSettingsSchema.nullable(),
  /** 'off': no port set; 'listening': the port is open; 'failed': set, but not open (see problem). */
  state: z.enum(['off', 'listening', 'failed']),
  problem: z.enum(SERIAL_SCANNER_PROBLEMS).optional(),
  /** For logs and officers; the renderer shows a localised text chosen by `problem`. */
  message: z.string().optional(),
});
export type SerialScannerStatus = z.infer<typeof SerialScannerStatusSchema>;

/** The longest text one scan may carry (an ID-card QR is ~100–200 characters). */
export const SERIAL_SCAN_MAX_CHARS = 4096;
/** Longest wait of one serialScannerNext call (kept under the hosts' request timeouts). */
export const SERIAL_NEXT_MAX_WAIT_MS = 20_000;

/** A random id a listening screen gives its waits (renderer: crypto.randomUUID()). */
export const SerialListenerIdSchema = z.string().min(8).max(64);

export const serialScannerMethods = {
  serialScannerStatus: {
    input: z.object({}),
    output: SerialScannerStatusSchema,
  },
  /** Saves the settings (null: no serial scanner) and (re)opens the port; answers the new state. */
  serialScannerConfigure: {
    input: z.object({ settings: SerialScannerSettingsSchema.nullable() }),
    output: SerialScannerStatusSchema,
  },
  /** The serial ports the system knows, to choose from (a port may also be typed). */
  serialScannerPorts: {
    input: z.object({}),
    output: z.object({
      ports: z.array(z.object({ path: z.string(), label: z.string() })).max(100),
    }),
  },
  /** The officer's test: the next scan within `waitMs` is answered here, not to a form. */
  serialScannerTest: {
    input: z.object({ waitMs: z.number().int().min(0).max(SERIAL_NEXT_MAX_WAIT_MS) }),
    output: z.union([
      z.object({ ok: z.literal(true), text: z.string().max(SERIAL_SCAN_MAX_CHARS) }),
      z.object({ ok: z.literal(false), reason: z.enum(['off', 'timeout']) }),
    ]),
  },
  /**
   * Scans after `after` (a cursor from an earlier answer), waiting up to `waitMs` for one.
   * `after: null` answers at once with the current cursor and no scans, so a screen only
   * ever receives scans made while it was listening.
   */
  serialScannerNext: {
    input: z.object({
      after: z.number().int().min(0).nullable(),
      waitMs: z.number().int().min(0).max(SERIAL_NEXT_MAX_WAIT_MS),
      /** The listening screen's id, so that closing the screen can end its wait (serialScannerCancel). */
      listener: SerialListenerIdSchema.optional(),
    }),
    output: z.object({
      cursor: z.number().int().min(0),
      scans: z.array(z.string().max(SERIAL_SCAN_MAX_CHARS)).max(20),
    }),
  },
  /**
   * The screen with this listener id closed: its wait (if any) is answered at once, and a
   * wait of it that arrives later is not started. A long poll must not outlive its screen.
   */
  serialScannerCancel: {
    input: z.object({ listener: SerialListenerIdSchema }),
    output: z.object({}),
  },
} as const;
