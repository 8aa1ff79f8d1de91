import type { KioskDb, MetaRow } from '../../db/db.ts';
import { newId } from '../../db/db.ts';

/**
 * Meta rows are looked up by their unique `key`. Call these inside a transaction that
 * includes `meta` when the read and the write must be atomic.
 */
export async function getMeta<T>(db: KioskDb, key: string): Promise<T | undefined> {
  const row = await db.meta.where('key').equals(key).first();
  return row?.value as T | undefined;
}

export async function putMeta(db: KioskDb, key: string, value: unknown): Promise<void> {
  const row: MetaRow | undefined = await db.meta.where('key').equals(key).first();
  await db.meta.put({ id: row?.id ?? newId(), key, value });
}
