import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskDb, type KioskDb } from '../../db/db.ts';
import { getKioskIdentity, setKioskNumber } from './identity.ts';
import { dropDb } from './test-support.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

describe('kiosk identity', () => {
  it('is made once, kept across reopen, and concurrent first calls agree', async () => {
    const name = `identity-${crypto.randomUUID()}`;
    const first = openKioskDb(name);
    const [a, b] = await Promise.all([
      getKioskIdentity({ defaultKioskNumber: 2 }, { db: first }),
      getKioskIdentity({ defaultKioskNumber: 2 }, { db: first }),
    ]);
    expect(a).toEqual(b);
    expect(a.kioskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.kioskNumber).toBe(2);
    first.close();
    db = openKioskDb(name);
    expect(await getKioskIdentity({ defaultKioskNumber: 5 }, { db })).toEqual(a);
    expect(await setKioskNumber(3, { db })).toEqual({ kioskId: a.kioskId, kioskNumber: 3 });
    await expect(setKioskNumber(100, { db })).rejects.toThrow(RangeError);
  });
});
