import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridgeHandlers } from '../../../main/services/bridge-handlers.ts';
import { createKioskServices } from '../../../main/services/kiosk-services.ts';
import { createMemoryLogger } from '../../../main/services/logger.ts';
import { createOfficerPinService } from '../../../main/services/officer/officer-pin.ts';
import { createSetupCodeCheck } from '../../../main/services/officer/setup-code.ts';
import type { Catalogue } from '../../../shared/domain/procedure.ts';
import { createBridgeClient } from '../../bridge/client.ts';
import { META, type KioskDb } from '../../db/db.ts';
import { putMeta, getMeta } from '../../db/meta.ts';
import { dropDb, freshDb, profile } from '../dossier/test-support.ts';
import { hashPin, MIN_PIN_ITERATIONS, NO_LOCKOUT } from './pin.ts';
import { officerPinState, resetOfficerPin, setOfficerPin, verifyOfficerPin } from './officer-pin.ts';

let dir: string;
let dbs: KioskDb[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'officer-pin-'));
});
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
  rmSync(dir, { recursive: true, force: true });
});

/** The page's calls wired to main's real handlers and officer PIN file (no Electron, no HTTP). */
async function kiosk(setupCode?: string) {
  let t = Date.parse('2026-11-24T02:00:00Z');
  const check = await createSetupCodeCheck(setupCode);
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile,
      catalogue: { procedures: [] } as unknown as Catalogue,
      appVersion: 'test',
      host: 'headless',
      setupCode: check,
      officer: createOfficerPinService({
        file: path.join(dir, 'officer-pin.json'),
        setupCode: check,
        now: () => new Date(t),
        iterations: MIN_PIN_ITERATIONS,
      }),
    }),
    { logger: createMemoryLogger().logger },
  );
  const db = freshDb();
  dbs.push(db);
  const client = createBridgeClient((method, input) => dispatcher.invoke(method, input));
  return { ctx: { db, client }, advance: (ms: number) => (t += ms) };
}

describe('officer PIN, held by main', () => {
  it('is unset on first run, set once without a current PIN, then changed only with it', async () => {
    const { ctx } = await kiosk();
    expect(await officerPinState(ctx)).toBe('unset');
    expect(await verifyOfficerPin('482915', ctx)).toEqual({ ok: false, reason: 'unset' });
    expect(await setOfficerPin('4829', null, undefined, ctx)).toMatchObject({
      reason: 'invalid-pin',
      problem: 'too-short',
    });
    expect(await setOfficerPin('482915', null, undefined, ctx)).toEqual({
      ok: true,
      session: expect.any(String),
    });
    expect(await officerPinState(ctx)).toBe('set');
    expect(await setOfficerPin('736204', null, undefined, ctx)).toEqual({
      ok: false,
      reason: 'current-pin-required',
    });
    expect(await setOfficerPin('736204', '000001', undefined, ctx)).toMatchObject({
      reason: 'current-pin-rejected',
      check: { reason: 'wrong-pin', attemptsLeft: 4 },
    });
    expect(await setOfficerPin('736204', '482915', undefined, ctx)).toMatchObject({ ok: true });
    expect(await verifyOfficerPin('736204', ctx)).toMatchObject({ ok: true });
    expect(await verifyOfficerPin('482915', ctx)).toMatchObject({ reason: 'wrong-pin' });
  });

  it('locks after 5 failures, the right PIN included, until the time is up', async () => {
    const { ctx, advance } = await kiosk();
    await setOfficerPin('482915', null, undefined, ctx);
    for (let i = 0; i < 4; i++) await verifyOfficerPin('000001', ctx);
    expect(await verifyOfficerPin('000001', ctx)).toMatchObject({ reason: 'locked' });
    expect(await verifyOfficerPin('482915', ctx)).toMatchObject({ reason: 'locked' });
    advance(5 * 60 * 1000);
    expect(await verifyOfficerPin('482915', ctx)).toMatchObject({ ok: true });
  });

  it('with a setup code: the first PIN and a reset need it, compared in main, and wrong codes lock', async () => {
    const SETUP = '73914062';
    const { ctx, advance } = await kiosk(SETUP);
    expect(await setOfficerPin('258046', null, '000000', ctx)).toEqual({
      ok: false,
      reason: 'wrong-setup-code',
    });
    expect(await setOfficerPin('258046', null, undefined, ctx)).toEqual({
      ok: false,
      reason: 'wrong-setup-code',
    });
    expect(await setOfficerPin('258046', null, SETUP, ctx)).toMatchObject({ ok: true });
    expect(await resetOfficerPin('604817', '73914063', ctx)).toEqual({
      ok: false,
      reason: 'wrong-setup-code',
      attemptsLeft: 4,
    });
    for (let i = 0; i < 3; i++) await resetOfficerPin('604817', '000000', ctx);
    expect(await resetOfficerPin('604817', '000000', ctx)).toMatchObject({ reason: 'locked' });
    // Locked for both doors; even the right code waits.
    expect(await resetOfficerPin('604817', SETUP, ctx)).toMatchObject({ reason: 'locked' });
    advance(5 * 60 * 1000);
    expect(await resetOfficerPin('604817', SETUP, ctx)).toMatchObject({ ok: true });
    expect(await verifyOfficerPin('604817', ctx)).toMatchObject({ ok: true });
    expect(await verifyOfficerPin('258046', ctx)).toMatchObject({ reason: 'wrong-pin' });
  });

  it('takes over the PIN an upgraded kiosk kept in IndexedDB, once, and the page forgets its copy', async () => {
    const { ctx } = await kiosk();
    await putMeta(ctx.db, META.officerPin, {
      pin: await hashPin('482915', MIN_PIN_ITERATIONS),
      lockout: NO_LOCKOUT,
    });
    expect(await officerPinState(ctx)).toBe('set');
    expect(await getMeta(ctx.db, META.officerPin)).toBeUndefined();
    expect(await verifyOfficerPin('482915', ctx)).toMatchObject({ ok: true });
    expect(await verifyOfficerPin('111111', ctx)).toMatchObject({ reason: 'wrong-pin' });
  });

  it('does not take over an IndexedDB PIN when the profile has a setup code: it is set again with the code', async () => {
    const { ctx } = await kiosk('73914062');
    await putMeta(ctx.db, META.officerPin, {
      pin: await hashPin('482915', MIN_PIN_ITERATIONS),
      lockout: NO_LOCKOUT,
    });
    expect(await officerPinState(ctx)).toBe('unset');
    expect(await getMeta(ctx.db, META.officerPin)).toBeUndefined();
  });
});
