import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, openKioskDb, type KioskDb } from './db.ts';

let db: KioskDb | undefined;
afterEach(async () => {
  if (db) {
    db.close();
    await db.delete();
  }
});

describe('kiosk database', () => {
  it('opens at schema version 1 with the five tables', async () => {
    db = openKioskDb(`test-${newId()}`);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['dossiers', 'drafts', 'meta', 'outbox', 'ratings']);
  });

  it('keys rows by UUID strings and rejects a second outbox entry for one dossier', async () => {
    db = openKioskDb(`test-${newId()}`);
    const dossierId = newId();
    const row = {
      id: newId(),
      dossierId,
      state: 'pending' as const,
      attempts: 0,
      nextAttemptAt: 'x',
      createdAt: 'x',
    };
    await db.outbox.add(row);
    expect((await db.outbox.get(row.id))?.dossierId).toBe(dossierId);
    await expect(db.outbox.add({ ...row, id: newId() })).rejects.toThrow();
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
