import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SetupCodeCheck } from './setup-code.ts';

/**
 * The officer PIN that opens the kiosk's settings, held and checked by main, so that what
 * it guards (re-enrolling the kiosk with another office) cannot be reached by a page that
 * skips the PIN screen (DevTools, an injected script). Kept in <dataDir>/officer-pin.json
 * (0600): PBKDF2-HMAC-SHA256 with a random salt, in the very format the page used to keep
 * in IndexedDB, so a kiosk upgraded with a PIN set keeps it (`adopt`). Lockout as before:
 * 5 failures lock for 5 min, then 15 min, 1 h, 4 h for each further 5, until the right PIN.
 *
 * A right PIN opens an officer session: a random token the page holds in memory while
 * settings are open, required by main for what needs an officer.
 */
export const OFFICER_PIN_MIN_LENGTH = 6;
export const MAX_PIN_FAILURES = 5;
const LOCKOUT_STEPS_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000] as const;
export const DEFAULT_ITERATIONS = 310_000;
/** An officer session ends this long after it was opened. */
export const OFFICER_SESSION_MS = 30 * 60_000;

export const PinRecordSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.base64().max(100),
  hash: z.base64().max(100),
});
export type PinRecord = z.infer<typeof PinRecordSchema>;
const LockoutSchema = z.object({
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
  lockouts: z.number().int().min(0).default(0),
});
type Lockout = z.infer<typeof LockoutSchema>;
const StoredSchema = z.object({ pin: PinRecordSchema, lockout: LockoutSchema });
type Stored = z.infer<typeof StoredSchema>;
const NO_LOCKOUT: Lockout = { failures: 0, lockedUntil: null, lockouts: 0 };

export type PinFormatProblem = 'not-digits' | 'too-short' | 'too-long' | 'too-simple';
export type OfficerPinCheck =
  | { ok: true; session: string }
  | { ok: false; reason: 'unset' }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: string };
export type SetOfficerPinResult =
  | { ok: true; session: string }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
  | { ok: false; reason: 'current-pin-required' }
  | { ok: false; reason: 'current-pin-rejected'; check: Exclude<OfficerPinCheck, { ok: true }> }
  | { ok: false; reason: 'wrong-setup-code' };
export type ResetOfficerPinResult =
  | { ok: true; session: string }
  | { ok: false; reason: 'no-setup-code' }
  | { ok: false; reason: 'unset' }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
  | { ok: false; reason: 'wrong-setup-code'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: string };

export interface OfficerPinService {
  state(): Promise<'unset' | 'set'>;
  verify(pin: string): Promise<OfficerPinCheck>;
  /** First run (none stored): the setup code when the profile has one. Later: the current PIN. */
  set(input: {
    newPin: string;
    currentPin?: string | null;
    setupCode?: string;
  }): Promise<SetOfficerPinResult>;
  /** A forgotten PIN replaced with the profile's setup code; a wrong code counts on the lockout. */
  reset(input: { newPin: string; setupCode: string }): Promise<ResetOfficerPinResult>;
  /**
   * A PIN the page kept in IndexedDB before main held it: taken only while none is stored
   * and the profile has no setup code (which would have guarded the first PIN).
   */
  adopt(pin: PinRecord): Promise<{ adopted: boolean }>;
  /** Whether `token` is an officer session opened by a right PIN and not yet over. */
  sessionValid(token: unknown): boolean;
}

/** Digits only, minLength..12, not all one digit nor a straight run (same rule the page applies). */
export function pinFormatProblem(pin: string, minLength = OFFICER_PIN_MIN_LENGTH): PinFormatProblem | null {
  if (!/^\d+$/.test(pin)) return 'not-digits';
  if (pin.length < minLength) return 'too-short';
  if (pin.length > 12) return 'too-long';
  const d = [...pin].map(Number);
  const steps = new Set(d.slice(1).map((x, i) => (x - d[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'too-simple';
  return null;
}

function derive(pin: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(pin, salt, iterations, 32, 'sha256', (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function hashPin(pin: string, iterations: number): Promise<PinRecord> {
  const salt = randomBytes(16);
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: salt.toString('base64'),
    hash: (await derive(pin, salt, iterations)).toString('base64'),
  };
}

async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const actual = await derive(pin, Buffer.from(record.salt, 'base64'), record.iterations);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function lockedUntil(lockout: Lockout, now: Date): string | null {
  return lockout.lockedUntil && Date.parse(lockout.lockedUntil) > now.getTime() ? lockout.lockedUntil : null;
}

function afterFailure(lockout: Lockout, now: Date): Lockout {
  // A lockout that has run out starts a fresh count of attempts, not of lockouts.
  const failures = (lockout.lockedUntil && !lockedUntil(lockout, now) ? 0 : lockout.failures) + 1;
  if (failures < MAX_PIN_FAILURES) return { ...lockout, failures, lockedUntil: null };
  const step = LOCKOUT_STEPS_MS[Math.min(lockout.lockouts, LOCKOUT_STEPS_MS.length - 1)]!;
  return {
    failures,
    lockedUntil: new Date(now.getTime() + step).toISOString(),
    lockouts: lockout.lockouts + 1,
  };
}

export function createOfficerPinService(options: {
  file: string;
  setupCode: SetupCodeCheck;
  now?: () => Date;
  /** PBKDF2 iterations for new PINs (tests lower it; never below 100,000). */
  iterations?: number;
}): OfficerPinService {
  const now = options.now ?? (() => new Date());
  const iterations = Math.max(100_000, options.iterations ?? DEFAULT_ITERATIONS);
  const sessions = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time: two attempts at once must both count, two first runs not both set.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function read(): Promise<Stored | null> {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A damaged file must not open settings to whoever comes: fail closed.
    return StoredSchema.parse(JSON.parse(text));
  }
  async function write(stored: Stored): Promise<void> {
    await mkdir(path.dirname(options.file), { recursive: true, mode: 0o700 });
    const tmp = `${options.file}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(stored) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, 0o600);
    await rename(tmp, options.file);
  }
  function openSession(): string {
    const token = randomBytes(32).toString('base64url');
    const at = now().getTime();
    for (const [t, expires] of sessions) if (expires <= at) sessions.delete(t);
    sessions.set(token, at + OFFICER_SESSION_MS);
    return token;
  }
  /** A failed attempt (PIN or setup code) on the one shared lockout. */
  async function fail(stored: Stored): Promise<{ locked: string | null; attemptsLeft: number }> {
    const lockout = afterFailure(stored.lockout, now());
    await write({ ...stored, lockout });
    return { locked: lockedUntil(lockout, now()), attemptsLeft: MAX_PIN_FAILURES - lockout.failures };
  }
  const verifyStored = async (pin: string): Promise<OfficerPinCheck> => {
    const stored = await read();
    if (!stored) return { ok: false, reason: 'unset' };
    const locked = lockedUntil(stored.lockout, now());
    // While locked, the PIN is not even compared: a guess must learn nothing.
    if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
    if (await pinMatches(pin, stored.pin)) {
      if (stored.lockout.failures || stored.lockout.lockouts) await write({ ...stored, lockout: NO_LOCKOUT });
      return { ok: true, session: openSession() };
    }
    const failed = await fail(stored);
    return failed.locked
      ? { ok: false, reason: 'locked', lockedUntil: failed.locked }
      : { ok: false, reason: 'wrong-pin', attemptsLeft: failed.attemptsLeft };
  };

  return {
    state: () => serial(async () => ((await read()) ? 'set' : 'unset')),
    verify: (pin) => serial(() => verifyStored(pin)),
    set: (input) =>
      serial(async (): Promise<SetOfficerPinResult> => {
        const problem = pinFormatProblem(input.newPin);
        if (problem) return { ok: false, reason: 'invalid-pin', problem };
        const stored = await read();
        if (stored) {
          if (!input.currentPin) return { ok: false, reason: 'current-pin-required' };
          const check = await verifyStored(input.currentPin);
          if (!check.ok) {
            if (check.reason === 'unset') return { ok: false, reason: 'current-pin-required' };
            return { ok: false, reason: 'current-pin-rejected', check };
          }
        } else if (options.setupCode.required && !(await options.setupCode.matches(input.setupCode ?? ''))) {
          // A fresh kiosk is claimed only with the profile's setup code, when it has one.
          return { ok: false, reason: 'wrong-setup-code' };
        }
        await write({ pin: await hashPin(input.newPin, iterations), lockout: NO_LOCKOUT });
        return { ok: true, session: openSession() };
      }),
    reset: (input) =>
      serial(async (): Promise<ResetOfficerPinResult> => {
        if (!options.setupCode.required) return { ok: false, reason: 'no-setup-code' };
        const problem = pinFormatProblem(input.newPin);
        if (problem) return { ok: false, reason: 'invalid-pin', problem };
        const stored = await read();
        if (!stored) return { ok: false, reason: 'unset' };
        const locked = lockedUntil(stored.lockout, now());
        if (locked) return { ok: false, reason: 'locked', lockedUntil: locked };
        if (!(await options.setupCode.matches(input.setupCode))) {
          const failed = await fail(stored);
          return failed.locked
            ? { ok: false, reason: 'locked', lockedUntil: failed.locked }
            : { ok: false, reason: 'wrong-setup-code', attemptsLeft: failed.attemptsLeft };
        }
        await write({ pin: await hashPin(input.newPin, iterations), lockout: NO_LOCKOUT });
        return { ok: true, session: openSession() };
      }),
    adopt: (pin) =>
      serial(async () => {
        // With a setup code the officer sets the PIN again with it: a record from the page
        // cannot be told from one an injected script made up.
        if (options.setupCode.required || (await read())) return { adopted: false };
        await write({ pin, lockout: NO_LOCKOUT });
        return { adopted: true };
      }),
    sessionValid(token) {
      if (typeof token !== 'string') return false;
      const expires = sessions.get(token);
      return expires !== undefined && expires > now().getTime();
    },
  };
}
