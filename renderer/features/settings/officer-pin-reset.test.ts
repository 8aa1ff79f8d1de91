import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import { dropDb, freshDb } from '../dossier/test-support.ts';
import { MIN_PIN_ITERATIONS, PIN_LOCKOUT_MS } from '../volunteer/pin.ts';
import { setOfficerPin, verifyOfficerPin } from '../volunteer/officer-pin.ts';
import { resetOfficerPin } from './officer-pin-reset.ts';
import { createSetupCodeCheck } from '../../../main/services/officer/setup-code.ts';

// The minimum the data layer allows, to keep the suite quick; production uses 310,000.
const iterations = MIN_PIN_ITERATIONS;
const SETUP = '73914062';
let dbs: KioskDb[] = [];
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
});

function kiosk() {
  const db = freshDb();
  dbs.push(db);
  let t = Date.parse('2026-11-24T02:00:00Z');
  return { db, iterations, now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

// Main's own check (a salted scrypt hash of the profile's code), as the bridge answers it.
const mainCheck = createSetupCodeCheck(SETUP);
const withCode = async (setupCode: string) => ({ setupCode, check: (await mainCheck).matches });

describe('resetOfficerPin', () => {
  it('replaces a forgotten PIN when the setup code is right; the old PIN stops working', async () => {
    const ctx = kiosk();
    expect(await setOfficerPin('258046', null, ctx)).toEqual({ ok: true });
    expect(await resetOfficerPin('604817', await withCode(SETUP), ctx)).toEqual({ ok: true });
    expect(await verifyOfficerPin('604817', ctx)).toEqual({ ok: true });
    expect(await verifyOfficerPin('258046', ctx)).toMatchObject({ ok: false, reason: 'wrong-pin' });
  });

  it('refuses a wrong setup code, changes nothing and counts it on the officer lockout', async () => {
    const ctx = kiosk();
    await setOfficerPin('258046', null, ctx);
    expect(await resetOfficerPin('604817', await withCode('73914063'), ctx)).toEqual({
      ok: false,
      reason: 'wrong-setup-code',
      attemptsLeft: 4,
    });
    // One counter for both: a wrong PIN now leaves 3.
    expect(await verifyOfficerPin('111111', ctx)).toEqual({
      ok: false,
      reason: 'wrong-pin',
      attemptsLeft: 3,
    });
    expect(await verifyOfficerPin('258046', ctx)).toEqual({ ok: true });
  });

  it('locks after five wrong codes; while locked even the right code is not accepted', async () => {
    const ctx = kiosk();
    await setOfficerPin('258046', null, ctx);
    for (let i = 0; i < 4; i++) await resetOfficerPin('604817', await withCode('000000'), ctx);
    const fifth = await resetOfficerPin('604817', await withCode('000000'), ctx);
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    expect(await resetOfficerPin('604817', await withCode(SETUP), ctx)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await verifyOfficerPin('258046', ctx)).toMatchObject({ ok: false, reason: 'locked' });
    ctx.advance(PIN_LOCKOUT_MS + 1);
    expect(await resetOfficerPin('604817', await withCode(SETUP), ctx)).toEqual({ ok: true });
    expect(await verifyOfficerPin('604817', ctx)).toEqual({ ok: true });
  });

  it('needs a setup code in the profile, a PIN already set and a valid new PIN', async () => {
    const ctx = kiosk();
    expect(await resetOfficerPin('604817', await withCode(SETUP), ctx)).toEqual({
      ok: false,
      reason: 'unset',
    });
    await setOfficerPin('258046', null, ctx);
    expect(await resetOfficerPin('604817', { setupCode: SETUP, check: null }, ctx)).toEqual({
      ok: false,
      reason: 'no-setup-code',
    });
    expect(await resetOfficerPin('123456', await withCode(SETUP), ctx)).toEqual({
      ok: false,
      reason: 'invalid-pin',
      problem: 'too-simple',
    });
    expect(await resetOfficerPin('6048', await withCode(SETUP), ctx)).toMatchObject({
      reason: 'invalid-pin',
    });
    expect(await verifyOfficerPin('258046', ctx)).toEqual({ ok: true });
  });
});
