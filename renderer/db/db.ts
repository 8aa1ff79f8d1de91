import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Dossier } from '../../shared/domain/dossier.ts';
import type { SyncItemKind } from '../../shared/contracts/sync.ts';

/**
 * The kiosk's own database. Every row has a UUID string primary key made on the kiosk
 * (crypto.randomUUID()), so rows never clash when synced to the office. The schema is
 * versioned from the first release: a later change adds db.version(2) with an upgrade,
 * never edits version 1.
 */
/**
 * Personal fields sealed with AES-256-GCM under the key of a Vietnam day that main holds
 * (renderer/features/dossier/at-rest.ts). A row that has one keeps its personal fields
 * only here: in the clear they are empty (formData {}, bytes an empty Blob) or reduced
 * (applicantName to initials).
 */
export interface Sealed {
  /** The day whose key sealed it (YYYY-MM-DD): shredding that key makes it unreadable. */
  day: string;
  iv: Uint8Array;
  data: Uint8Array;
}

/**
 * Single text fields sealed on their own (sealed-rows.ts sealFields), each bound to
 * `${row id}#${field}`: the clear field is then empty ('' or null). A photo's file name,
 * a rating's comment, an outbox item's refusal text, the office's reason for a dossier's
 * status can all quote a citizen.
 */
export type SealedFields = Partial<Record<'fileName' | 'comment' | 'lastError' | 'statusReason', Sealed>>;

export interface DraftRow {
  id: string;
  procedureCode: string;
  formId: string;
  formData: Record<string, string>;
  step: number;
  updatedAt: string;
  /** formData, sealed; formData is then {}. */
  sealed?: Sealed;
}

/** A document photo (or file) attached to a draft; it moves to `attachments` on submit. */
export interface DraftPhotoRow {
  /** `${draftId}:${hash}`: a file is attached to a draft once. */
  id: string;
  draftId: string;
  /** Order in which they were added. */
  position: number;
  bytes: Blob;
  hash: string;
  mediaType: AttachmentRow['mediaType'];
  fileName: string;
  size: number;
  width: number | null;
  height: number | null;
  /** The bytes, sealed; `bytes` is then empty. */
  sealed?: Sealed;
  /** fileName, sealed; fileName is then ''. */
  sealedFields?: SealedFields;
}

/** Fields of a dossier row that are local bookkeeping, not the frozen declaration. */
export const DOSSIER_LOCAL_FIELDS = [
  'createdAt',
  'printed',
  'acknowledgedAt',
  'officeStatus',
  'receiptUnprinted',
  'receiptUnprintedReported',
  'sealedFields',
] as const;
export type DossierLocalField = (typeof DOSSIER_LOCAL_FIELDS)[number];

export interface DossierRow extends Dossier {
  /** Local bookkeeping; the sync contract's Dossier is the rest. */
  createdAt: string;
  /** When each document was last printed and where its PDF is kept (main-process path or key). */
  printed?: Partial<Record<'declaration' | 'receipt', { at: string; pdfRef: string | null }>>;
  /** When the office acknowledged the dossier's outbox item (stored or duplicate). */
  acknowledgedAt?: string | null;
  /** The last status the office reported for it (pulled), for the status screen. */
  officeStatus?: { status: string; reason: string | null; changedAt: string } | null;
  /**
   * 1 from the transaction that stores the dossier until a printer accepted its receipt
   * (giấy tiếp nhận); absent after. Indexed sparsely (only rows that have it), so the
   * kiosk finds the receipts a crash or a missing printer left unprinted without a scan.
   */
  receiptUnprinted?: 1;
  /** Set once the office was told the receipt did not print (a 'receipt-print' item, printed: false). */
  receiptUnprintedReported?: true;
  /** formData and the full applicantName, sealed; in the clear formData is {} and the name its initials. */
  sealed?: Sealed;
  /** officeStatus.reason, sealed (statusReason); the clear reason is then null. */
  sealedFields?: SealedFields;
}

/** Version 1's outbox row (kept for the v1 → v2 upgrade). */
export interface OutboxRowV1 {
  id: string;
  dossierId: string;
  state: 'pending' | 'sent';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
}

/** An acknowledged item leaves the outbox (schema v3), so there is no "sent" status. */
export type OutboxStatus =
  /** Waiting for the office's acknowledgement; retried with backoff. */
  | 'pending'
  /** The office answered invalid/conflict: kept for staff, never retried automatically. */
  | 'refused';

/**
 * One sync item (shared/contracts/sync.ts PushItem) waiting for the office. There is
 * deliberately no persisted "sending" state: a crash mid-push would leave it stuck;
 * an item simply stays pending until an answer acknowledges its id and hash, and a
 * resend is harmless because the office answers `duplicate`.
 */
export interface OutboxRow {
  /** The PushItem id = the payload's id (dossier, rating or attachment-meta UUID). */
  id: string;
  kind: SyncItemKind;
  /** Per-install sequence 1, 2, 3 … across all kinds. */
  seq: number;
  /** sha256(canonicalJson(payload)); null only for rows carried over from schema v1 until rehashed. */
  hash: string | null;
  /**
   * The payload as an object: rows carried over from schema v1 and written before
   * payloadJson existed. Newer rows keep null here. Null once sent.
   */
  payload: unknown;
  /**
   * The payload as its canonical JSON, exactly what was hashed. A string rather than an
   * object because IndexedDB reads it back as one allocation instead of a whole object
   * graph: reading a sync batch of 100 no longer drags a GC tail (BENCHMARKS.md, dossier
   * section). Null once sent (the dossier row keeps the content). Not indexed, so no
   * schema version change.
   */
  payloadJson?: string | null;
  dossierId: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  /**
   * The payload's personal fields, sealed: a dossier's formData and applicantName (its
   * dossier row's own sealed value), an attachment's fileName, a rating's comment.
   * payloadJson then carries them emptied, and outboxPending puts them back before
   * anything is hashed or sent.
   */
  sealed?: Sealed;
  /** lastError when it is the office's refusal text (it may quote the declaration); lastError is then null. */
  sealedFields?: SealedFields;
}

export interface RatingRow {
  id: string;
  dossierId: string | null;
  procedureCode: string | null;
  score: number;
  criteria: Record<string, number>;
  createdAt: string;
  /** v2: the scale level chosen and the optional reason (NFC). */
  level?: string;
  comment?: string;
  /** When the office acknowledged the rating's outbox item (retention counts from it). */
  acknowledgedAt?: string | null;
  /** comment, sealed; comment is then ''. */
  sealedFields?: SealedFields;
}

/** An attachment's bytes, keyed by its sha256 within a dossier (id = the attachment-meta sync id). */
export interface AttachmentRow {
  id: string;
  dossierId: string;
  hash: string;
  mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  fileName: string;
  size: number;
  bytes: Blob;
  createdAt: string;
  /** Set when the office confirmed the whole file (chunk upload complete). */
  uploadedAt: string | null;
  /**
   * Set before the first chunk is sent: an upload never started goes from offset 0 at
   * once; a started one first asks the office where to resume. Not indexed.
   */
  uploadStartedAt?: string | null;
  /** The bytes, sealed; `bytes` is then empty. */
  sealed?: Sealed;
  /** fileName, sealed; fileName is then ''. */
  sealedFields?: SealedFields;
}

/** A PBKDF2-SHA256 PIN hash (renderer/features/volunteer/pin.ts). */
export interface PinRecord {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of the 32-byte derived key */
  hash: string;
}

/** Consecutive failed PIN attempts; persisted so a reload does not reset a lockout. */
export interface LockoutState {
  failures: number;
  lockedUntil: string | null;
  /** Lockouts since the last right PIN: each one lasts longer (pin.ts PIN_LOCKOUT_STEPS_MS). Absent: 0. */
  lockouts?: number;
}

export interface VolunteerRow {
  id: string;
  name: string;
  pin: PinRecord;
  lockout: LockoutState;
  /** 1 active, 0 deactivated (IndexedDB cannot index booleans). */
  active: 0 | 1;
  createdAt: string;
  deactivatedAt: string | null;
}

export interface MetaRow {
  /** A UUID too, for uniformity; `key` is the lookup. */
  id: string;
  key: string;
  value: unknown;
}

export type KioskDb = Dexie & {
  drafts: EntityTable<DraftRow, 'id'>;
  draftPhotos: EntityTable<DraftPhotoRow, 'id'>;
  dossiers: EntityTable<DossierRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  ratings: EntityTable<RatingRow, 'id'>;
  meta: EntityTable<MetaRow, 'id'>;
  attachments: EntityTable<AttachmentRow, 'id'>;
  volunteers: EntityTable<VolunteerRow, 'id'>;
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

/**
 * Version 2 (issue 3: dossiers, volunteers, attachments). Only the changed tables are
 * listed; Dexie carries the others over from version 1.
 * - outbox: one row per sync item of any kind (dossier, rating, attachment-meta), so
 *   dossierId is no longer unique; `&seq` is the per-install sequence; `[status+seq]`
 *   serves "pending items in seq order" from the index alone.
 * - attachments: the bytes of photos/files, unique per dossier and content hash.
 * - volunteers: the few people who may sign in; looked up by id only.
 * Dossier indexes stay as in v1: `&code` (receipt QR look-up) and `receivedAt` (today's
 * dossiers and the list, newest first) cover the queries at 100,000 dossiers.
 */
export const SCHEMA_V2 = {
  outbox: 'id, &seq, [status+seq], dossierId, kind',
  attachments: 'id, &[dossierId+hash], dossierId, hash',
  volunteers: 'id',
} as const;

/**
 * Version 3: its upgrade empties the outbox of acknowledged items, and draftPhotos keeps
 * the document photos of a declaration still being filled, so a reload or crash loses
 * neither the answers nor the photos.
 */
export const SCHEMA_V3 = {
  draftPhotos: 'id, draftId',
} as const;

/**
 * Version 4: dossiers whose receipt has not printed yet (receiptUnprinted), offered for
 * printing at start and on the dossier list. Dossiers stored before it had their
 * receipts handled by the screens of the time, so none is marked by the upgrade.
 */
export const SCHEMA_V4 = {
  dossiers: 'id, &code, procedureCode, receivedAt, createdAt, receiptUnprinted',
} as const;

/** Keys of the meta table (one row each). */
export const META = {
  /** { kioskId, kioskNumber } */
  kioskIdentity: 'kiosk.identity',
  /** DossierCodeState of shared/dossier/dossier-code.ts */
  dossierCodeState: 'dossier.codeState',
  /** Last per-install outbox seq issued (number). */
  outboxSeq: 'outbox.seq',
  /** Bytes of all stored attachments (number), kept in step in each writing transaction. */
  attachmentBytes: 'attachments.totalBytes',
  /**
   * Number of stored dossiers (number), kept by submit; IndexedDB count() walks the whole
   * store (~200 ms at 100,000 in Chromium). Absent until first needed, then counted once.
   * Anything that deletes dossiers (retention) must decrement it in the same transaction.
   */
  dossierCount: 'dossiers.count',
  /** { pin: PinRecord, lockout: LockoutState } */
  officerPin: 'officer.pin',
} as const;

export interface OpenKioskDbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * 'strict' (default) makes Chromium flush a committed write transaction to disk before
   * it reports success: "saved" must survive a power cut right after it is shown.
   * Chromium's own default is 'relaxed'. Drafts use a second, relaxed connection
   * (kioskDraftDb): losing the last keystroke to a power cut is acceptable, an fsync per
   * keystroke is not.
   */
  durability?: 'strict' | 'relaxed';
}

export function openKioskDb(name = DB_NAME, options: OpenKioskDbOptions = {}): KioskDb {
  const { durability = 'strict', ...idb } = options;
  const db = new Dexie(name, { chromeTransactionDurability: durability, ...idb }) as KioskDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeV2toV3);
  db.version(4).stores(SCHEMA_V4);
  guardFrozenDossiers(db);
  return db;
}

/**
 * v1 outbox rows (state, one per dossier) become v2 sync items. v1 shipped with no code
 * that wrote dossiers or outbox rows, so this normally finds nothing; it is here so an
 * install that did have rows loses none. The content hash needs WebCrypto, which cannot
 * run inside an upgrade transaction, so carried-over rows get hash null and
 * renderer/features/dossier/outbox.ts computes it before they are first sent.
 */
/** An outbox row as version 2 kept it: acknowledged items stayed, as 'sent'. */
type OutboxRowV2 = Omit<OutboxRow, 'status'> & { status: OutboxStatus | 'sent'; sentAt: string | null };

async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const rows = (await tx.table('outbox').toArray()) as unknown as OutboxRowV1[];
  rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  let seq = 0;
  for (const old of rows) {
    const dossier = (await tx.table('dossiers').get(old.dossierId)) as DossierRow | undefined;
    seq += 1;
    const row: OutboxRowV2 = {
      id: old.dossierId,
      kind: 'dossier',
      seq,
      hash: null,
      payload: dossier ? dossierPayloadOf(dossier) : null,
      dossierId: old.dossierId,
      status: !dossier ? 'refused' : old.state === 'sent' ? 'sent' : 'pending',
      attempts: old.attempts,
      lastError: dossier ? null : 'dossier missing at the v2 upgrade',
      nextAttemptAt: old.nextAttemptAt,
      createdAt: old.createdAt,
      sentAt: null,
    };
    await tx.table('outbox').delete(old.id);
    await tx.table('outbox').put(row);
  }
  if (seq > 0) await tx.table('meta').put({ id: newId(), key: META.outboxSeq, value: seq });
}

/**
 * Version 3 keeps in the outbox only what still needs the office or staff: items the
 * office acknowledged ('sent' in v2) are removed, as recordPushResults now does at once.
 * Their dossiers keep acknowledgedAt; the per-install seq lives in meta, so no number
 * is reused.
 */
async function upgradeV2toV3(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  await outbox.where('[status+seq]').between(['sent', Dexie.minKey], ['sent', Dexie.maxKey]).delete();
  await outbox.toCollection().modify((row: Partial<OutboxRowV2>) => {
    delete row.sentAt;
  });
}

/** The dossier as the sync contract carries it: the domain fields and the channel, no local bookkeeping. */
export function dossierPayloadOf(row: Dossier): Dossier & { channel: 'kiosk' } {
  return {
    id: row.id,
    code: row.code,
    kioskId: row.kioskId,
    procedureCode: row.procedureCode,
    models: [...row.models],
    formId: row.formId,
    formData: { ...row.formData },
    applicantName: row.applicantName,
    volunteerId: row.volunteerId,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    attachmentHashes: [...row.attachmentHashes],
    ...(row.lookupKey ? { lookupKey: row.lookupKey } : {}),
    channel: 'kiosk',
  };
}

export class FrozenDossierError extends Error {
  override name = 'FrozenDossierError';
}

/**
 * Once submitted, a dossier's content is frozen: the database itself refuses any update
 * that touches a field other than local bookkeeping (printing, acknowledgement, the
 * office's status), whoever calls it. Deleting is left to retention, not to editing.
 */
function valueAt(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}
const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function guardFrozenDossiers(db: KioskDb): void {
  const local = new Set<string>(DOSSIER_LOCAL_FIELDS);
  db.dossiers.hook('updating', (mods, _key, current) => {
    // Dexie reports arrays as modified whenever they are new objects, so compare values.
    const changed = Object.entries(mods).filter(
      ([path, value]) =>
        !local.has(path.split('.')[0] as string) && !sameValue(valueAt(current, path), value),
    );
    if (changed.length > 0) {
      throw new FrozenDossierError(`dossier content is frozen: ${changed.map(([p]) => p).join(', ')}`);
    }
    return undefined;
  });
}

let shared: KioskDb | undefined;
let sharedDrafts: KioskDb | undefined;
/** The kiosk's database (strict durability). */
export function kioskDb(): KioskDb {
  shared ??= openKioskDb();
  return shared;
}
/** A second connection to the same database with relaxed durability, for draft autosave only. */
export function kioskDraftDb(): KioskDb {
  sharedDrafts ??= openKioskDb(DB_NAME, { durability: 'relaxed' });
  return sharedDrafts;
}

export const newId = (): string => crypto.randomUUID();
