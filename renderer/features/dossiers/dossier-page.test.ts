import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, type KioskDb } from '../../db/db.ts';
import { outboxPending, recordPushResults, toPushItems } from '../dossier/outbox.ts';
import { submitDossier } from '../dossier/submit.ts';
import { birthValues, dropDb, freshDb, roomy, submitInput } from '../dossier/test-support.ts';
import { purgeAcknowledgedPersonalData } from '../retention/purge.ts';
import { loadDossierPage } from './dossier-page.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

describe('loadDossierPage', () => {
  it('marks the dossiers retention purged, and only those, with the same initials as before', async () => {
    db = freshDb();
    const ids: string[] = [];
    for (const at of ['2026-10-01T02:00:00Z', '2026-10-01T03:00:00Z']) {
      // Born before these receipt dates (a birth after receipt does not validate).
      const draft = { id: newId(), formData: { ...birthValues(), 'child.dateOfBirth': '20/12/2025' } };
      const r = await submitDossier(submitInput(new Date(at), { draft }), { db, space: roomy });
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.dossier.id);
    }
    const [old, kept] = ids as [string, string];
    // The office acknowledged the first dossier only; retention then removes its personal data.
    const items = toPushItems((await outboxPending(500, {}, { db })).filter((r) => r.dossierId === old));
    const ackAt = new Date('2026-10-02T01:00:00Z');
    await recordPushResults(
      items,
      items.map((i) => ({
        outcome: 'stored' as const,
        id: i.id,
        hash: i.hash,
        officeReceivedAt: '2026-10-02T08:00:00+07:00',
      })),
      ackAt,
      { db, now: () => ackAt },
    );
    const before = await loadDossierPage('all', 0, new Date('2026-11-24T02:00:00Z'), { db });
    expect(before.rows.map((r) => r.purged)).toEqual([false, false]);

    const result = await purgeAcknowledgedPersonalData(
      { now: new Date('2026-11-24T02:00:00Z'), retentionDays: 30 },
      { db },
    );
    expect(result.purged).toBe(1);

    const after = await loadDossierPage('all', 0, new Date('2026-11-24T02:00:00Z'), { db });
    const byId = new Map(after.rows.map((r) => [r.id, r]));
    expect(byId.get(old)).toMatchObject({ purged: true, sync: 'sent', initials: 'N.T.H.' });
    expect(byId.get(kept)).toMatchObject({ purged: false, sync: 'pending', initials: 'N.T.H.' });
  });
});
