import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import {
  discardAllDrafts,
  discardDraft,
  loadDraft,
  loadLatestDraft,
  newDraftId,
  saveDraft,
} from './drafts.ts';
import { submitDossier } from './submit.ts';
import { birthValues, dropDb, freshDb, memoryDayKeys, roomy, submitInput, vn } from './test-support.ts';

let dbs: KioskDb[] = [];
afterEach(async () => {
  for (const db of dbs) await dropDb(db);
  dbs = [];
});
const keys = memoryDayKeys();
const open = (name?: string) => {
  // A reopened database finds its at-rest keys where main keeps them: here, `keys`.
  const db = name ? freshDb(name, keys) : freshDb();
  dbs.push(db);
  return db;
};
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 24, 3, 0, tick++));
const draft = (id: string, formData: Record<string, string>, step = 1) => ({
  id,
  procedureCode: '1.001193',
  formId: 'birth-registration',
  formData,
  step,
});

describe('drafts', () => {
  it('keeps every value, hidden ones too, NFC, and survives a reopen', async () => {
    const name = `drafts-${crypto.randomUUID()}`;
    const db = open(name);
    const id = newDraftId();
    const values = {
      ...birthValues(),
      'father.undetermined': 'true',
      'father.fullName': 'kept while hidden',
    };
    const r = await saveDraft(draft(id, values, 3), { db, now: clock });
    expect(r.ok).toBe(true);
    db.close();
    const again = open(name);
    const loaded = await loadLatestDraft({ db: again });
    expect(loaded?.id).toBe(id);
    expect(loaded?.step).toBe(3);
    expect(loaded?.formData['father.fullName']).toBe('kept while hidden');
    expect(loaded?.formData['requester.fullName']).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
  });

  it('coalesces a burst of saves: the last values win and every caller learns they are stored', async () => {
    const db = open();
    const id = newDraftId();
    const calls = Array.from({ length: 30 }, (_, i) =>
      saveDraft(draft(id, { 'child.fullName': `Lê Minh An ${i}` }), { db, now: clock }),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await loadDraft(id, { db }))?.formData['child.fullName']).toBe('Lê Minh An 29');
  });

  it('loadLatestDraft picks the most recently saved draft', async () => {
    const db = open();
    const a = newDraftId();
    const b = newDraftId();
    await saveDraft(draft(a, { x: 'a' }), { db, now: clock });
    await saveDraft(draft(b, { x: 'b' }), { db, now: clock });
    await saveDraft(draft(a, { x: 'a2' }), { db, now: clock });
    expect((await loadLatestDraft({ db }))?.formData.x).toBe('a2');
  });

  it('discards one draft, or all of them at idle reset', async () => {
    const db = open();
    const a = newDraftId();
    const b = newDraftId();
    await saveDraft(draft(a, { x: 'a' }), { db, now: clock });
    await saveDraft(draft(b, { x: 'b' }), { db, now: clock });
    await discardDraft(a, { db });
    expect(await loadDraft(a, { db })).toBeNull();
    expect(await loadDraft(b, { db })).not.toBeNull();
    void saveDraft(draft(b, { x: 'late' }), { db, now: clock });
    await discardAllDrafts({ db });
    expect(await loadLatestDraft({ db })).toBeNull();
  });

  it('a late autosave after submit does not bring the draft back', async () => {
    const db = open();
    const input = submitInput(vn('2026-11-24 10:00'));
    await saveDraft(draft(input.draft.id, input.draft.formData), { db, now: clock });
    const r = await submitDossier(input, { db, space: roomy });
    expect(r.ok).toBe(true);
    expect(await saveDraft(draft(input.draft.id, input.draft.formData), { db, now: clock })).toEqual({
      ok: false,
      reason: 'submitted',
    });
    expect(await db.drafts.count()).toBe(0);
  });
});
