import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskDb, type KioskDb } from '../../db/db.ts';
import { dropDb, freshDb } from '../dossier/test-support.ts';
import { constantTimeEqual, hashPin, pinFormatProblem, pinMatches, MIN_PIN_ITERATIONS } from './pin.ts';
import {
  createVolunteer,
  deactivateVolunteer,
  listVolunteers,
  resetVolunteerPin,
  verifyVolunteerPin,
} from './volunteers.ts';

// The minimum the module allows, to keep the suite quick; production uses 310,000.
const iterations = MIN_PIN_ITERATIONS;
let dbs: KioskDb[] = [];
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
});
const open = (name?: string) => {
  const db = name ? openKioskDb(name) : freshDb();
  dbs.push(db);
  return db;
};
/** A clock the test moves by hand. */
function clock(start = '2026-11-24T02:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('PIN hashing', () => {
  it('PBKDF2 with a random salt: same PIN, different records; verifies only the right PIN', async () => {
    const a = await hashPin('482915', iterations);
    const b = await hashPin('482915', iterations);
    expect(a.algorithm).toBe('PBKDF2-SHA256');
    expect(a.iterations).toBe(iterations);
    expect(atob(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('482915', a)).toBe(true);
    expect(await pinMatches('482916', a)).toBe(false);
    await expect(hashPin('482915', 1000)).rejects.toThrow(RangeError);
  });
  it('compares in constant time over the whole length', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
  it('refuses PINs everyone tries first', () => {
    expect(pinFormatProblem('1234', 4)).toBe('too-simple');
    expect(pinFormatProblem('0000', 4)).toBe('too-simple');
    expect(pinFormatProblem('9876', 4)).toBe('too-simple');
    expect(pinFormatProblem('12a4', 4)).toBe('not-digits');
    expect(pinFormatProblem('482', 4)).toBe('too-short');
    expect(pinFormatProblem('4829', 4)).toBeNull();
  });
});

describe('volunteers', () => {
  it('creates, lists by Vietnamese name order, and deactivates', async () => {
    const db = open();
    const a = await createVolunteer({ name: '  Trần   Văn Bình ', pin: '4829' }, { db, iterations });
    const b = await createVolunteer({ name: 'Đỗ Thị Mai', pin: '5173' }, { db, iterations });
    expect(a.ok && a.volunteer.name).toBe('Trần Văn Bình');
    expect(await createVolunteer({ name: 'X', pin: '1111' }, { db, iterations })).toEqual({
      ok: false,
      reason: 'invalid-pin',
      problem: 'too-simple',
    });
    expect((await listVolunteers({}, { db })).map((v) => v.name)).toEqual(['Đỗ Thị Mai', 'Trần Văn Bình']);
    if (!b.ok) return;
    expect(await deactivateVolunteer(b.volunteer.id, { db })).toBe(true);
    expect((await listVolunteers({}, { db })).map((v) => v.name)).toEqual(['Trần Văn Bình']);
    expect((await listVolunteers({ includeInactive: true }, { db })).length).toBe(2);
    expect(await verifyVolunteerPin(b.volunteer.id, '5173', { db })).toEqual({
      ok: false,
      reason: 'inactive',
    });
    expect((await db.volunteers.get(b.volunteer.id))?.pin.hash).not.toContain('5173');
  });

  it('locks after 5 failures for 5 minutes, across a reload, then accepts the right PIN', async () => {
    const name = `vol-${crypto.randomUUID()}`;
    const c = clock();
    let db = openKioskDb(name);
    const created = await createVolunteer(
      { name: 'Lò Văn Sáng', pin: '4829' },
      { db, iterations, now: c.now },
    );
    if (!created.ok) return expect.fail(created.reason);
    const id = created.volunteer.id;
    expect(await verifyVolunteerPin(id, '4829', { db, now: c.now })).toEqual({ ok: true });
    for (let i = 1; i <= 4; i++) {
      expect(await verifyVolunteerPin(id, '0001', { db, now: c.now })).toEqual({
        ok: false,
        reason: 'wrong-pin',
        attemptsLeft: 5 - i,
      });
    }
    const fifth = await verifyVolunteerPin(id, '0001', { db, now: c.now });
    expect(fifth).toMatchObject({ ok: false, reason: 'locked', retryAfterMs: 5 * 60 * 1000 });
    db.close();
    db = open(name); // reload: the lockout is still there
    c.advance(4 * 60 * 1000);
    expect(await verifyVolunteerPin(id, '4829', { db, now: c.now })).toMatchObject({
      reason: 'locked',
      retryAfterMs: 60 * 1000,
    });
    c.advance(60 * 1000);
    expect(await verifyVolunteerPin(id, '4829', { db, now: c.now })).toEqual({ ok: true });
    // The count starts again from zero after a success.
    expect(await verifyVolunteerPin(id, '0001', { db, now: c.now })).toMatchObject({ attemptsLeft: 4 });
  });

  it('each further lockout lasts longer (5 min, 15 min, 1 h, 4 h, 4 h …) until the right PIN, across a reload', async () => {
    const name = `vol-${crypto.randomUUID()}`;
    const c = clock();
    let db = open(name);
    const created = await createVolunteer(
      { name: 'Hà Thị Lan', pin: '4829' },
      { db, iterations, now: c.now },
    );
    if (!created.ok) return expect.fail(created.reason);
    const id = created.volunteer.id;
    const minutes = 60 * 1000;
    for (const [round, lockMs] of [5, 15, 60, 240, 240].map((m, i) => [i, m * minutes] as const)) {
      for (let i = 0; i < 4; i++)
        expect(await verifyVolunteerPin(id, '0001', { db, now: c.now })).toMatchObject({
          reason: 'wrong-pin',
        });
      expect(await verifyVolunteerPin(id, '0001', { db, now: c.now })).toMatchObject({
        reason: 'locked',
        retryAfterMs: lockMs,
      });
      if (round === 2) {
        db.close();
        db = open(name); // a reload does not reset the ladder
      }
      c.advance(lockMs);
    }
    // The right PIN ends the ladder: the next lockout is 5 minutes again.
    expect(await verifyVolunteerPin(id, '4829', { db, now: c.now })).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) await verifyVolunteerPin(id, '0001', { db, now: c.now });
    expect(await verifyVolunteerPin(id, '0001', { db, now: c.now })).toMatchObject({
      reason: 'locked',
      retryAfterMs: 5 * minutes,
    });
  });

  it('the office can reset a forgotten PIN, which lifts the lockout', async () => {
    const db = open();
    const c = clock();
    const created = await createVolunteer(
      { name: 'Hà Thị Lan', pin: '4829' },
      { db, iterations, now: c.now },
    );
    if (!created.ok) return;
    const id = created.volunteer.id;
    for (let i = 0; i < 5; i++) await verifyVolunteerPin(id, '0001', { db, now: c.now });
    expect((await listVolunteers({}, { db, now: c.now }))[0]?.lockedUntil).not.toBeNull();
    expect(await resetVolunteerPin(id, '7305', { db, iterations })).toEqual({ ok: true });
    expect(await verifyVolunteerPin(id, '7305', { db, now: c.now })).toEqual({ ok: true });
  });
});
