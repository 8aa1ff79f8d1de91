/**
 * Resetting a forgotten officer PIN with the profile's setup code (kiosk.setupCode).
 *
 * The setup code lives in the office's profile file, which only whoever installs the
 * kiosk can write, so it is the proof that the person at the screen is entitled to the
 * settings (shared/domain/office-profile.ts). The page never holds the code: main keeps
 * its hash and answers whether a typed code matches (setup-code.ts). A profile without a setup code has no
 * reset: the office re-installs the kiosk, as renderer/features/volunteer/officer-pin.ts
 * says. Built on the data layer's own primitives (meta record, PBKDF2 hash, lockout), so
 * the stored record is the one verifyOfficerPin reads.
 *
 * Why wrong setup codes count on the officer PIN's own lockout rather than a separate
 * one: both open the same door. With one counter, someone guessing cannot alternate
 * between the PIN and the setup code to get twice the attempts, and a locked kiosk stays
 * locked for both until the time shown.
 */
import { META, type LockoutState, type PinRecord } from '../../db/db.ts';
import { dbOf, nowOf } from '../dossier/context.ts';
import { getMeta, putMeta } from '../dossier/meta.ts';
import {
  DEFAULT_PIN_ITERATIONS,
  MAX_PIN_FAILURES,
  NO_LOCKOUT,
  afterFailure,
  hashPin,
  lockedUntil,
  pinFormatProblem,
  type PinFormatProblem,
} from '../volunteer/pin.ts';
import { OFFICER_PIN_MIN_LENGTH } from '../volunteer/officer-pin.ts';
import type { PinContext } from '../volunteer/volunteers.ts';
import type { SetupCodeChecker } from './setup-code.ts';

/** The meta record under META.officerPin, as renderer/features/volunteer/officer-pin.ts writes it. */
interface OfficerPinRecord {
  pin: PinRecord;
  lockout: LockoutState;
}

export type ResetOfficerPinResult =
  | { ok: true }
  /** The profile has no setup code: only re-installing the kiosk resets the PIN. */
  | { ok: false; reason: 'no-setup-code' }
  /** No officer PIN is stored yet: the first-run form sets it. */
  | { ok: false; reason: 'unset' }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
  | { ok: false; reason: 'wrong-setup-code'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: string };

/**
 * Replaces the officer PIN with `newPin` when `setupCode` (typed at the screen) is the
 * profile's, as `check` (main, through the bridge) says; `check` null: the profile has no
 * setup code. Nothing changes otherwise; a wrong code counts as a failed officer-PIN attempt.
 */
export async function resetOfficerPin(
  newPin: string,
  auth: { setupCode: string; check: SetupCodeChecker | null },
  ctx: PinContext = {},
): Promise<ResetOfficerPinResult> {
  if (auth.check === null) return { ok: false, reason: 'no-setup-code' };
  const problem = pinFormatProblem(newPin, OFFICER_PIN_MIN_LENGTH);
  if (problem) return { ok: false, reason: 'invalid-pin', problem };
  const db = dbOf(ctx);
  const now = nowOf(ctx);
  const stored = await getMeta<OfficerPinRecord>(db, META.officerPin);
  if (!stored) return { ok: false, reason: 'unset' };
  const locked = lockedUntil(stored.lockout, now);
  // While locked, the code is not even compared: a guess must not learn anything.
  if (locked) return { ok: false, reason: 'locked', lockedUntil: locked.toISOString() };

  if (!(await auth.check(auth.setupCode))) {
    const lockout = await db.transaction('rw', db.meta, async () => {
      const current = await getMeta<OfficerPinRecord>(db, META.officerPin);
      if (!current) return NO_LOCKOUT;
      const next = afterFailure(current.lockout, now);
      await putMeta(db, META.officerPin, { ...current, lockout: next } satisfies OfficerPinRecord);
      return next;
    });
    const nowLocked = lockedUntil(lockout, now);
    if (nowLocked) return { ok: false, reason: 'locked', lockedUntil: nowLocked.toISOString() };
    return { ok: false, reason: 'wrong-setup-code', attemptsLeft: MAX_PIN_FAILURES - lockout.failures };
  }

  // Hashed before the transaction: WebCrypto is asynchronous and would let it auto-commit.
  const pin = await hashPin(newPin, ctx.iterations ?? DEFAULT_PIN_ITERATIONS);
  return db.transaction('rw', db.meta, async (): Promise<ResetOfficerPinResult> => {
    const current = await getMeta<OfficerPinRecord>(db, META.officerPin);
    // A lockout that started meanwhile (a wrong guess in another tab) wins.
    const lockedNow = current && lockedUntil(current.lockout, now);
    if (lockedNow) return { ok: false, reason: 'locked', lockedUntil: lockedNow.toISOString() };
    await putMeta(db, META.officerPin, { pin, lockout: NO_LOCKOUT } satisfies OfficerPinRecord);
    return { ok: true };
  });
}
