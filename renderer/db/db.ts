import Dexie, { type EntityTable } from 'dexie';
import type { Dossier } from '../../shared/domain/dossier.ts';

/**
 * The kiosk's own database. Every row has a UUID string primary key made on the kiosk
 * (crypto.randomUUID()), so rows never clash when synced to the office. The schema is
 * versioned from the first release: a later change adds db.version(2) with an upgrade,
 * never edits version 1.
 */
export interface DraftRow {
  id: string;
  procedureCode: string;
  formId: string;
  formData: Record<string, string>;
  step: number;
  updatedAt: string;
}

export interface DossierRow extends Dossier {
  /** Local bookkeeping; the sync contract's Dossier is the rest. */
  createdAt: string;
}

export interface OutboxRow {
  id: string;
  dossierId: string;
  /** pending → sent (the office acknowledged); only acknowledged rows leave the kiosk. */
  state: 'pending' | 'sent';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
}

export interface RatingRow {
  id: string;
  dossierId: string | null;
  procedureCode: string | null;
  score: number;
  criteria: Record<string, number>;
  createdAt: string;
}

export interface MetaRow {
  /** A UUID too, for uniformity; `key` is the lookup. */
  id: string;
  key: string;
  value: unknown;
}

export type KioskDb = Dexie & {
  drafts: EntityTable<DraftRow, 'id'>;
  dossiers: EntityTable<DossierRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  ratings: EntityTable<RatingRow, 'id'>;
  meta: EntityTable<MetaRow, 'id'>;
};

export const DB_NAME = 'commune-kiosk';

/** Version 1 of the schema. Index lists: primary key first, then indexed fields. */
export const SCHEMA_V1 = {
  drafts: 'id, procedureCode, updatedAt',
  dossiers: 'id, &code, procedureCode, receivedAt, createdAt',
  outbox: 'id, &dossierId, state, nextAttemptAt',
  ratings: 'id, dossierId, createdAt',
  meta: 'id, &key',
} as const;

export function openKioskDb(
  name = DB_NAME,
  options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): KioskDb {
  // 'strict' makes Chromium flush a committed write transaction to disk before it reports
  // success: "saved" must survive a power cut right after it is shown.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as KioskDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

let shared: KioskDb | undefined;
export function kioskDb(): KioskDb {
  shared ??= openKioskDb();
  return shared;
}

/** Asks the browser to keep our storage under pressure; false if refused or unsupported. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

export const newId = (): string => crypto.randomUUID();
