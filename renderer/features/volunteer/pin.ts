/**
 * PIN hashing and lockout, shared by volunteers and the officer PIN.
 *
 * Hashing: PBKDF2-HMAC-SHA256 through WebCrypto (no dependency, same code in Chromium and
 * Node), a random 16-byte salt per PIN, DEFAULT_PIN_ITERATIONS iterations. Why so many:
 * a PIN has only 10^4–10^8 possible values, so anyone who copies the kiosk's IndexedDB
 * could try them all; each guess costs the full iteration count, which turns seconds of
 * work into hours or days per PIN. 310,000 is OWASP's 2021 figure for PBKDF2-SHA256 and
 * still verifies in ~0.1–0.3 s on a thin-client CPU, which a person typing a PIN does not
 * notice; we never go below 100,000. The real protection against guessing at the screen
 * is the lockout (5 failures → 5 minutes, then 15 minutes, 1 hour, 4 hours for each
 * further 5 until the right PIN), persisted so a reload does not reset it. Growing:
 * with a fixed 5 minutes a 4-digit PIN falls to patient guessing in about a week at
 * the screen; with the steps it takes months.
 */
import type { LockoutState, PinRecord } from '../../db/db.ts';

export const DEFAULT_PIN_ITERATIONS = 310_000;
export const MIN_PIN_ITERATIONS = 100_000;
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60 * 1000;
/**
 * The n-th lockout since the last right PIN lasts PIN_LOCKOUT_STEPS_MS[n − 1], the last
 * step repeating. Capped at 4 hours so "locked until HH:mm" stays within the working day
 * the screen speaks of.
 */
export const PIN_LOCKOUT_STEPS_MS = [
  PIN_LOCKOUT_MS,
  15 * 60 * 1000,
  60 * 60 * 1000,
  4 * 60 * 60 * 1000,
] as const;
export const NO_LOCKOUT: LockoutState = Object.freeze({ failures: 0, lockedUntil: null });

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = DEFAULT_PIN_ITERATIONS): Promise<PinRecord> {
  if (iterations < MIN_PIN_ITERATIONS)
    throw new RangeError(`at least ${MIN_PIN_ITERATIONS} PBKDF2 iterations`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: b64(salt),
    hash: b64(await derive(pin, salt, iterations)),
  };
}

/** Compares every byte whatever differs first, so timing does not reveal how much of a guess was right. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const actual = await derive(pin, unb64(record.salt), record.iterations);
  return constantTimeEqual(actual, unb64(record.hash));
}

export type PinFormatProblem = 'not-digits' | 'too-short' | 'too-long' | 'too-simple';

/**
 * Digits only (the kiosk shows a numeric keypad), minLength..12 long, and not a PIN
 * everyone tries first (all one digit, or a straight run such as 1234 / 9876).
 */
export function pinFormatProblem(pin: string, minLength: number): PinFormatProblem | null {
  if (!/^\d+$/.test(pin)) return 'not-digits';
  if (pin.length < minLength) return 'too-short';
  if (pin.length > 12) return 'too-long';
  const d = [...pin].map(Number);
  const steps = new Set(d.slice(1).map((x, i) => (x - d[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'too-simple';
  return null;
}

export function lockedUntil(state: LockoutState, now: Date): Date | null {
  if (!state.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return until > now ? until : null;
}

/**
 * State after a failed attempt: the fifth consecutive failure locks, each lockout since
 * the last right PIN longer than the one before (PIN_LOCKOUT_STEPS_MS).
 */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const lockouts = state.lockouts ?? 0;
  // A lockout that has run out starts a fresh count of attempts, not of lockouts.
  const failures = (state.lockedUntil && !lockedUntil(state, now) ? 0 : state.failures) + 1;
  if (failures >= MAX_PIN_FAILURES) {
    const step = PIN_LOCKOUT_STEPS_MS[Math.min(lockouts, PIN_LOCKOUT_STEPS_MS.length - 1)]!;
    return { failures, lockedUntil: new Date(now.getTime() + step).toISOString(), lockouts: lockouts + 1 };
  }
  return { failures, lockedUntil: null, lockouts };
}

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: string; retryAfterMs: number };

/**
 * One verification against stored state. `load` and `save` read and write the
 * {pin, lockout} record; `save` runs in a transaction that re-reads the lockout so two
 * attempts at once are both counted.
 */
export async function verifyWithLockout(
  pin: string,
  now: Date,
  load: () => Promise<{ pin: PinRecord; lockout: LockoutState } | undefined>,
  update: (change: (lockout: LockoutState) => LockoutState) => Promise<LockoutState>,
): Promise<PinCheck | null> {
  const record = await load();
  if (!record) return null;
  const locked = lockedUntil(record.lockout, now);
  if (locked) return lockedAnswer(locked, now);
  const matches = await pinMatches(pin, record.pin);
  if (matches) {
    const after = await update((l) => (lockedUntil(l, now) ? l : NO_LOCKOUT));
    const stillLocked = lockedUntil(after, now);
    return stillLocked ? lockedAnswer(stillLocked, now) : { ok: true };
  }
  const after = await update((l) => afterFailure(l, now));
  const nowLocked = lockedUntil(after, now);
  if (nowLocked) return lockedAnswer(nowLocked, now);
  return { ok: false, reason: 'wrong-pin', attemptsLeft: MAX_PIN_FAILURES - after.failures };
}

function lockedAnswer(until: Date, now: Date): PinCheck {
  return {
    ok: false,
    reason: 'locked',
    lockedUntil: until.toISOString(),
    retryAfterMs: until.getTime() - now.getTime(),
  };
}
