import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, openKioskDb, SCHEMA_V1, type KioskDb } from './db.ts';

let db: KioskDb | undefined;
afterEach(async () => {
  if (db) {
    db.close();
    await db.delete();
  }
});

/** The day-one guarantees (issue 2); later versions' own rules are tested with their code. */
describe('kiosk database, version 1 guarantees', () => {
  it('keeps the five version-1 tables, each keyed by its id', async () => {
    db = openKioskDb(`test-${newId()}`);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    const names = db.tables.map((t) => t.name);
    for (const table of Object.keys(SCHEMA_V1)) {
      expect(names).toContain(table);
      expect(db.table(table).schema.primKey.keyPath).toBe('id');
    }
  });

  it('stores rows under kiosk-made UUID strings', async () => {
    db = openKioskDb(`test-${newId()}`);
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await db.drafts.add({
      id,
      procedureCode: '1.001193',
      formId: 'f',
      formData: {},
      step: 0,
      updatedAt: 'x',
    });
    expect((await db.drafts.get(id))?.procedureCode).toBe('1.001193');
  });
});
