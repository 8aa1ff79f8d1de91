import type { KioskDb, MetaRow } from './db.ts';
import { newId } from './db.ts';

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

/**
 * Several meta rows read together (a transaction's round trips to the browser's storage
 * process are what a commit waits for). Keys without a row are absent.
 */
export async function getMetaRows(db: KioskDb, keys: readonly string[]): Promise<Map<string, MetaRow>> {
  const rows = await db.meta
    .where('key')
    .anyOf([...keys])
    .toArray();
  return new Map(rows.map((r) => [r.key, r]));
}

/** The value of a row read by getMetaRows. */
export function metaValue<T>(rows: ReadonlyMap<string, MetaRow>, key: string): T | undefined {
  return rows.get(key)?.value as T | undefined;
}

/**
 * Writes several meta values in one request, keeping the ids of rows read by
 * getMetaRows in the same transaction (a key's row must stay one row).
 */
export function putMetaRows(
  db: KioskDb,
  rows: ReadonlyMap<string, MetaRow>,
  values: Readonly<Record<string, unknown>>,
): Promise<unknown> {
  return db.meta.bulkPut(
    Object.entries(values).map(([key, value]) => ({ id: rows.get(key)?.id ?? newId(), key, value })),
  );
}
