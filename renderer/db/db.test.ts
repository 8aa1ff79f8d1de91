import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { META, SCHEMA_V1, SCHEMA_V2, newId, openKioskDb, type KioskDb } from './db.ts';

let db: KioskDb | undefined;
afterEach(async () => {
  if (db) {
    db.close();
    await db.delete();
  }
});

describe('kiosk database', () => {
  it('opens at schema version 4 with the tables of issue 3 and the unprinted-receipt index', async () => {
    db = openKioskDb(`test-${newId()}`);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'attachments',
      'dossiers',
      'draftPhotos',
      'drafts',
      'meta',
      'outbox',
      'ratings',
      'volunteers',
    ]);
    expect(db.dossiers.schema.idxByName.receiptUnprinted).toBeDefined();
  });

  it('keys outbox rows by item id and refuses a repeated per-install seq', async () => {
    db = openKioskDb(`test-${newId()}`);
    const row = {
      id: newId(),
      kind: 'rating' as const,
      seq: 1,
      hash: 'a'.repeat(64),
      payload: {},
      dossierId: null,
      status: 'pending' as const,
      attempts: 0,
      lastError: null,
      nextAttemptAt: 'x',
      createdAt: 'x',
      sentAt: null,
    };
    await db.outbox.add(row);
    expect((await db.outbox.get(row.id))?.seq).toBe(1);
    await expect(db.outbox.add({ ...row, id: newId() })).rejects.toThrow();
  });

  it('upgrades a v1 database: outbox rows become dossier sync items in order, nothing is lost', async () => {
    const name = `upgrade-${newId()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const dossierId = newId();
    const dossier = {
      id: dossierId,
      code: 'TEST.K01-261124-0001',
      kioskId: 'k',
      procedureCode: '1.001193',
      models: ['no-writing'],
      formId: 'birth-registration',
      formData: { 'child.fullName': 'Lê Minh An' },
      applicantName: 'Nguyễn Thị Hoa',
      volunteerId: null,
      receivedAt: '2026-11-24T10:00:00+07:00',
      dueAt: '2026-11-24T17:00:00+07:00',
      attachmentHashes: [],
      createdAt: '2026-11-24T03:00:00.000Z',
    };
    await v1.table('dossiers').add(dossier);
    await v1.table('outbox').add({
      id: newId(),
      dossierId,
      state: 'pending',
      attempts: 2,
      nextAttemptAt: 'n',
      createdAt: '2026-11-24T03:00:00.000Z',
    });
    await v1.table('outbox').add({
      id: newId(),
      dossierId: newId(),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 'n',
      createdAt: '2026-11-24T04:00:00.000Z',
    });
    v1.close();

    db = openKioskDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.id, r.kind, r.seq, r.status, r.hash])).toEqual([
      [dossierId, 'dossier', 1, 'pending', null],
      [rows[1]!.id, 'dossier', 2, 'refused', null],
    ]);
    expect(rows[0]!.payload).toMatchObject({ id: dossierId, code: dossier.code, channel: 'kiosk' });
    expect(rows[0]!.payload).not.toHaveProperty('createdAt');
    expect(rows[0]!.attempts).toBe(2);
    expect((await db.meta.where('key').equals(META.outboxSeq).first())?.value).toBe(2);
    expect(await db.dossiers.count()).toBe(1);
  });

  it('upgrades a v2 database: acknowledged items leave the outbox, waiting and refused ones stay', async () => {
    const name = `upgrade-${newId()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const item = (seq: number, status: string) => ({
      id: newId(),
      kind: 'dossier',
      seq,
      hash: 'a'.repeat(64),
      payload: status === 'sent' ? null : {},
      dossierId: newId(),
      status,
      attempts: 0,
      lastError: status === 'refused' ? 'payload.code: too long' : null,
      nextAttemptAt: 'n',
      createdAt: 'c',
      sentAt: status === 'sent' ? 'c' : null,
    });
    await v2
      .table('outbox')
      .bulkAdd([item(1, 'sent'), item(2, 'refused'), item(3, 'sent'), item(4, 'pending')]);
    await v2.table('meta').add({ id: newId(), key: META.outboxSeq, value: 4 });
    v2.close();

    db = openKioskDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.seq, r.status, r.lastError])).toEqual([
      [2, 'refused', 'payload.code: too long'],
      [4, 'pending', null],
    ]);
    expect(rows.every((r) => !('sentAt' in r))).toBe(true);
    // The next item still gets 5: numbers are never reused.
    expect((await db.meta.where('key').equals(META.outboxSeq).first())?.value).toBe(4);
  });
});
