/**
 * Volunteers who fill declarations for citizens (Ngày không viết). The office manages
 * them in the kiosk's settings; each signs in with a personal PIN, and the dossier
 * records who assisted (SubmitDossierInput.volunteerId). Citizens never sign in.
 */
import { newId, type LockoutState, type VolunteerRow } from '../../db/db.ts';
import { cleanText } from '../../../shared/forms/text.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import {
  DEFAULT_PIN_ITERATIONS,
  NO_LOCKOUT,
  hashPin,
  lockedUntil,
  pinFormatProblem,
  verifyWithLockout,
  type PinCheck,
  type PinFormatProblem,
} from './pin.ts';

export const VOLUNTEER_PIN_MIN_LENGTH = 4;

export interface VolunteerSummary {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
  /** When the PIN is locked after repeated failures; null otherwise. */
  lockedUntil: string | null;
}

export interface PinContext extends DataContext {
  /** PBKDF2 iterations for new hashes (≥ 100,000). */
  iterations?: number;
}

export type VolunteerPinCheck = PinCheck | { ok: false; reason: 'unknown-volunteer' | 'inactive' };

function summary(row: VolunteerRow, now: Date): VolunteerSummary {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    createdAt: row.createdAt,
    lockedUntil: lockedUntil(row.lockout, now)?.toISOString() ?? null,
  };
}

export async function createVolunteer(
  input: { name: string; pin: string },
  ctx: PinContext = {},
): Promise<
  | { ok: true; volunteer: VolunteerSummary }
  | { ok: false; reason: 'invalid-name' }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
> {
  const name = cleanText(input.name);
  if (name.length === 0 || name.length > 100) return { ok: false, reason: 'invalid-name' };
  const problem = pinFormatProblem(input.pin, VOLUNTEER_PIN_MIN_LENGTH);
  if (problem) return { ok: false, reason: 'invalid-pin', problem };
  const now = nowOf(ctx);
  const row: VolunteerRow = {
    id: newId(),
    name,
    pin: await hashPin(input.pin, ctx.iterations ?? DEFAULT_PIN_ITERATIONS),
    lockout: { ...NO_LOCKOUT },
    active: 1,
    createdAt: now.toISOString(),
    deactivatedAt: null,
  };
  await dbOf(ctx).volunteers.add(row);
  return { ok: true, volunteer: summary(row, now) };
}

/** Volunteers by name (Vietnamese order); active only unless asked. */
export async function listVolunteers(
  options: { includeInactive?: boolean } = {},
  ctx: DataContext = {},
): Promise<VolunteerSummary[]> {
  const now = nowOf(ctx);
  const rows = await dbOf(ctx).volunteers.toArray();
  return rows
    .filter((r) => options.includeInactive || r.active === 1)
    .map((r) => summary(r, now))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function getVolunteer(id: string, ctx: DataContext = {}): Promise<VolunteerSummary | null> {
  const row = await dbOf(ctx).volunteers.get(id);
  return row ? summary(row, nowOf(ctx)) : null;
}

export async function verifyVolunteerPin(
  id: string,
  pin: string,
  ctx: DataContext = {},
): Promise<VolunteerPinCheck> {
  const db = dbOf(ctx);
  const row = await db.volunteers.get(id);
  if (!row) return { ok: false, reason: 'unknown-volunteer' };
  if (row.active !== 1) return { ok: false, reason: 'inactive' };
  const result = await verifyWithLockout(
    pin,
    nowOf(ctx),
    async () => row,
    (change) =>
      db.transaction('rw', db.volunteers, async () => {
        const current = await db.volunteers.get(id);
        const next: LockoutState = change(current?.lockout ?? NO_LOCKOUT);
        await db.volunteers.update(id, { lockout: next });
        return next;
      }),
  );
  return result ?? { ok: false, reason: 'unknown-volunteer' };
}

/** The office sets a new PIN (forgotten PIN); this also lifts a lockout. */
export async function resetVolunteerPin(
  id: string,
  pin: string,
  ctx: PinContext = {},
): Promise<
  | { ok: true }
  | { ok: false; reason: 'unknown-volunteer' }
  | { ok: false; reason: 'invalid-pin'; problem: PinFormatProblem }
> {
  const problem = pinFormatProblem(pin, VOLUNTEER_PIN_MIN_LENGTH);
  if (problem) return { ok: false, reason: 'invalid-pin', problem };
  const record = await hashPin(pin, ctx.iterations ?? DEFAULT_PIN_ITERATIONS);
  const n = await dbOf(ctx).volunteers.update(id, { pin: record, lockout: { ...NO_LOCKOUT } });
  return n === 1 ? { ok: true } : { ok: false, reason: 'unknown-volunteer' };
}

/**
 * Deactivated volunteers can no longer sign in, but the row stays: dossiers they
 * assisted keep pointing at a known person.
 */
export async function deactivateVolunteer(id: string, ctx: DataContext = {}): Promise<boolean> {
  const n = await dbOf(ctx).volunteers.update(id, { active: 0, deactivatedAt: nowOf(ctx).toISOString() });
  return n === 1;
}

export async function reactivateVolunteer(id: string, ctx: DataContext = {}): Promise<boolean> {
  return (await dbOf(ctx).volunteers.update(id, { active: 1, deactivatedAt: null })) === 1;
}
