import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { RatingPayloadSchema } from '../../../shared/contracts/sync.ts';
import { newId, type KioskDb } from '../../db/db.ts';
import {
  outboxPayload,
  outboxPending,
  outboxPendingCount,
  outboxPendingDossierCount,
} from '../dossier/outbox.ts';
import { submitDossier } from '../dossier/submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from '../dossier/test-support.ts';
import { clearRatingReasons, getRating, saveRating, SATISFACTION_LEVELS } from './rating.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));
const now = () => vn('2026-11-24 10:05');

describe('saveRating', () => {
  it('stores the rating with an outbox item after its dossier, once per dossier', async () => {
    db = freshDb();
    const d = await submitDossier(submitInput(vn('2026-11-24 10:00')), { db, space: roomy });
    if (!d.ok) return expect.fail(d.reason);
    const input = {
      dossierId: d.dossier.id,
      procedureCode: '1.001193',
      level: 'dissatisfied' as const,
      reason: '  Chờ   lâu quá '.normalize('NFD'),
    };
    const r = await saveRating(input, { db, now });
    expect(r.ok && r.rating).toMatchObject({ score: 2, level: 'dissatisfied', comment: 'Chờ lâu quá' });
    const again = await saveRating({ ...input, level: 'very-satisfied' }, { db, now });
    expect(again.ok && again.alreadyRated).toBe(true);
    expect(await db.ratings.count()).toBe(1);
    // Two items wait for the office, but only one of them is a dossier.
    expect(await outboxPendingCount({ db })).toBe(2);
    expect(await outboxPendingDossierCount({ db })).toBe(1);
    const items = await outboxPending(10, {}, { db });
    expect(items.map((i) => [i.kind, i.seq])).toEqual([
      ['dossier', 1],
      ['rating', 2],
    ]);
    const payload = RatingPayloadSchema.parse(outboxPayload(items[1]!));
    expect(payload).toEqual({
      id: items[1]!.id,
      dossierId: d.dossier.id,
      procedureCode: '1.001193',
      score: 2,
      comment: 'Chờ lâu quá',
      ratedAt: '2026-11-24T10:05:00+07:00',
    });
    expect(items[1]!.hash).toBe(createHash('sha256').update(canonicalJson(payload)).digest('hex'));
  });

  it('maps the three-level scale onto the contract score so the office counts satisfied as ≥ 4', () => {
    expect(SATISFACTION_LEVELS.map((l) => [l.label.vi, l.score])).toEqual([
      ['Rất hài lòng', 5],
      ['Hài lòng', 4],
      ['Không hài lòng', 2],
    ]);
  });

  it('refuses a reason over the contract limit, writing nothing', async () => {
    db = freshDb();
    const r = await saveRating(
      { dossierId: null, procedureCode: null, level: 'satisfied', reason: 'x'.repeat(1001) },
      { db, now },
    );
    expect(r.ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });

  it('clears the reasons of the given dossiers only, keeping score and level', async () => {
    db = freshDb();
    const rate = (dossierId: string, reason: string) =>
      saveRating({ dossierId, procedureCode: '1.001193', level: 'very-satisfied', reason }, { db, now });
    const [da, dbb, dc] = [newId(), newId(), newId()];
    const a = await rate(da, 'Nhanh, chị Lan giúp điền');
    const b = await rate(dbb, '');
    const c = await rate(dc, 'Tốt');
    if (!a.ok || !b.ok || !c.ok) return expect.fail('rating not saved');
    const cleared = await db.transaction('rw', db.ratings, () => clearRatingReasons(db, [da, dbb, newId()]));
    expect(cleared).toBe(1);
    expect(await getRating(a.rating.id, { db })).toEqual({ ...a.rating, comment: '' });
    // The sealed reason goes with it, not only the emptied clear field.
    expect((await db.ratings.get(a.rating.id))?.sealedFields).toBeUndefined();
    expect((await db.ratings.get(c.rating.id))?.sealedFields?.comment).toBeDefined();
    expect(await getRating(b.rating.id, { db })).toEqual(b.rating);
    expect(await getRating(c.rating.id, { db })).toEqual(c.rating);
    expect(await clearRatingReasons(db, [])).toBe(0);
  });
});
