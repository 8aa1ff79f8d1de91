import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import {
  dossierByCode,
  dossierTotal,
  listDossiers,
  todayDossierCount,
  todayDossierPage,
  todayDossiers,
} from './queries.ts';
import { submitDossier } from './submit.ts';
import { dropDb, freshDb, roomy, submitInput } from './test-support.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

describe('dossier queries', () => {
  it('today means the Vietnam day (tests run in UTC), newest first', async () => {
    db = freshDb();
    // 16:30 UTC on the 23rd = 23:30 on the 23rd in Vietnam; 17:30 UTC = 00:30 on the 24th.
    for (const at of [
      '2026-11-23T16:30:00Z',
      '2026-11-23T17:30:00Z',
      '2026-11-24T09:00:00Z',
      '2026-11-24T17:00:00Z',
    ]) {
      const r = await submitDossier(submitInput(new Date(at)), { db, space: roomy });
      expect(r.ok).toBe(true);
    }
    const now = new Date('2026-11-24T02:00:00Z'); // 09:00 on the 24th in Vietnam
    const today = await todayDossiers(now, { db });
    expect(today.map((d) => d.receivedAt)).toEqual([
      '2026-11-24T16:00:00+07:00',
      '2026-11-24T00:30:00+07:00',
    ]);
    expect(await todayDossierCount(now, { db })).toBe(2);
    const first = await todayDossierPage(now, { page: 0, pageSize: 1 }, { db });
    expect(first.total).toBe(2);
    expect(first.items.map((d) => d.receivedAt)).toEqual(['2026-11-24T16:00:00+07:00']);
    const second = await todayDossierPage(now, { page: 1, pageSize: 1 }, { db });
    expect(second.items.map((d) => d.receivedAt)).toEqual(['2026-11-24T00:30:00+07:00']);
    expect((await todayDossierPage(now, { page: 2, pageSize: 1 }, { db })).items).toEqual([]);
  });

  it('finds a dossier by its code and pages the list newest first', async () => {
    db = freshDb();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await submitDossier(submitInput(new Date(Date.UTC(2026, 10, 24, 2, i))), {
        db,
        space: roomy,
      });
      if (r.ok) codes.push(r.dossier.code);
    }
    expect((await dossierByCode(` ${codes[2]} `, { db }))?.code).toBe(codes[2]);
    expect(await dossierByCode('TEST.00565.K01-261124-9999', { db })).toBeNull();
    const p0 = await listDossiers({ page: 0, pageSize: 2 }, { db });
    const p2 = await listDossiers({ page: 2, pageSize: 2 }, { db });
    expect(p0.items.map((d) => d.code)).toEqual([codes[4], codes[3]]);
    expect(p2.items.map((d) => d.code)).toEqual([codes[0]]);
    expect([p0.total, p0.pageCount]).toEqual([5, 3]);
    // The kept counter follows later submits.
    await submitDossier(submitInput(new Date(Date.UTC(2026, 10, 24, 3))), { db, space: roomy });
    expect((await listDossiers({ page: 0, pageSize: 2 }, { db })).total).toBe(6);
    expect(await dossierTotal({ db })).toBe(await db.dossiers.count());
  });
});
