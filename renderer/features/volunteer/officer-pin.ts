/**
 * The officer PIN that guards the kiosk's settings; same hashing and lockout as the
 * volunteers' PINs, kept in meta.
 *
 * First run: there is deliberately no default PIN (a default printed in a manual or a
 * profile file is known to everyone, and profiles are plain JSON copied between
 * offices). Until a PIN is set, `officerPinState()` answers 'unset' and the settings
 * screen asks the installing officer to choose one (6–12 digits, typed twice) before
 * showing anything else; `setOfficerPin(newPin)` accepts no current PIN only in that
 * state. Afterwards changing it requires the current PIN, which counts towards the
 * lockout like any attempt. A forgotten officer PIN is reset by clearing the kiosk's
 * data (the office re-installs), never by a back door in the UI.
 */
import { META, type LockoutState, type PinRecord } from '../../db/db.ts';
import { getMeta, putMeta } from '../dossier/meta.ts';
import { dbOf, nowOf, type DataContext } from '../dossier/context.ts';
import {
  DEFAULT_PIN_ITERATIONS,
  NO_LOCKOUT,
  hashPin,
  pinFormatProblem,
  verifyWithLockout,
  type PinCheck,
  type PinFormatProblem,
} from './pin.ts';
import type { PinContext } from './volunteers.ts';

export const OFFICER_PIN_MIN_LENGTH = 6;

interface OfficerPin {
  pin: PinRecord;
  lockout: LockoutState;
}

export async function officerPinState(ctx: DataContext = {}): Promise<'unset' | 'set'> {
  return (await getMeta<OfficerPin>(dbOf(ctx), META.officerPin)) ? 'set' : 'unset';
}

export async function verifyOfficerPin(
  pin: string,
  ctx: DataContext = {},
): Promise<PinCheck | { ok: false; reason: 'unset' }> {
  const db = dbOf(ctx);
  const result = await verifyWithLockout(
    pin,
    nowOf(ctx),
    () => getMeta<OfficerPin>(db, META.officerPin),
    (change) =>
      db.transaction('rw', db.meta, async () => {
        const current = await getMeta<OfficerPin>(db, META.officerPin);
        if (!current) return NO_LOCKOUT;
        const lockout = change(current.lockout);
        await putMeta(db, META.officerPin, { ...current, lockout });
        return lockout;
      }),
  );
  return result ?? { ok: false, reason: 'unset' };
}

export type SetOfficerPinResult =
  | { ok: true }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
  /** A PIN is set: the current one is required and was missing or wrong (see check). */
  | { ok: false; reason: 'current-pin-required' }
  | { ok: false; reason: 'current-pin-rejected'; check: Exclude<PinCheck, { ok: true }> };

/** First run: setOfficerPin(newPin). Later: setOfficerPin(newPin, currentPin). */
export async function setOfficerPin(
  newPin: string,
  currentPin: string | null = null,
  ctx: PinContext = {},
): Promise<SetOfficerPinResult> {
  const problem = pinFormatProblem(newPin, OFFICER_PIN_MIN_LENGTH);
  if (problem) return { ok: false, reason: 'invalid-pin', problem };
  const db = dbOf(ctx);
  const existing = await getMeta<OfficerPin>(db, META.officerPin);
  if (existing) {
    if (currentPin === null) return { ok: false, reason: 'current-pin-required' };
    const check = await verifyOfficerPin(currentPin, ctx);
    if (!check.ok) {
      if (check.reason === 'unset') return { ok: false, reason: 'current-pin-required' };
      return { ok: false, reason: 'current-pin-rejected', check };
    }
  }
  const pin = await hashPin(newPin, ctx.iterations ?? DEFAULT_PIN_ITERATIONS);
  // Re-check inside the transaction: two first-run prompts must not both "set" a PIN.
  const wrote = await db.transaction('rw', db.meta, async () => {
    const now = await getMeta<OfficerPin>(db, META.officerPin);
    if (now && !existing) return false;
    await putMeta(db, META.officerPin, { pin, lockout: NO_LOCKOUT } satisfies OfficerPin);
    return true;
  });
  return wrote ? { ok: true } : { ok: false, reason: 'current-pin-required' };
}
