/**
 * Draft autosave. The wizard calls saveDraft on every change with all values, hidden
 * ones included (a section hidden by an answer comes back intact if the answer changes
 * back). Calls are coalesced per draft: while one write is in flight only the newest
 * values wait, so typing fast costs at most one transaction at a time.
 */
import type { DraftRow, KioskDb } from '../../db/db.ts';
import { newId } from '../../db/db.ts';
import { nfcValues } from '../../../shared/forms/text.ts';
import { draftDbOf, nowOf, type DataContext } from '../../db/context.ts';
import { writeFailure, type WriteFailure } from './storage.ts';
import { deleteDraftPhotos } from './draft-photos.ts';
import { dayKeysOf } from './at-rest.ts';
import { openDraft, sealDraft } from './sealed-rows.ts';

export interface DraftInput {
  id: string;
  procedureCode: string;
  formId: string;
  /** Every value, hidden ones included. */
  formData: Readonly<Record<string, string>>;
  /** Wizard step, so a reload resumes where the person was. */
  step: number;
}

export type SaveDraftResult =
  | { ok: true; draft: DraftRow }
  /** Already submitted as a dossier: late autosaves must not resurrect the draft. */
  | { ok: false; reason: 'submitted' }
  | WriteFailure;

/** A new draft id (it becomes the dossier's UUID on submit). */
export const newDraftId = (): string => newId();

interface Slot {
  next: DraftRow | null;
  running: Promise<SaveDraftResult> | null;
}
const slots = new Map<string, Slot>();
const slotKey = (db: KioskDb, id: string) => `${db.name}\u0000${id}`;

/** The answers are sealed first (at-rest.ts): what IndexedDB keeps of a draft is ciphertext. */
async function writeDraft(db: KioskDb, row: DraftRow): Promise<SaveDraftResult> {
  try {
    const sealed = await sealDraft(dayKeysOf(db), row, new Date(row.updatedAt));
    return await db.transaction('rw', db.drafts, db.dossiers, async () => {
      if (await db.dossiers.get(row.id)) return { ok: false, reason: 'submitted' } as const;
      await db.drafts.put(sealed);
      return { ok: true, draft: row } as const;
    });
  } catch (e) {
    return writeFailure(e);
  }
}

/** Saves the draft (latest call wins); resolves once a write including these values committed. */
export function saveDraft(draft: DraftInput, ctx: DataContext = {}): Promise<SaveDraftResult> {
  const db = draftDbOf(ctx);
  const row: DraftRow = {
    id: draft.id,
    procedureCode: draft.procedureCode,
    formId: draft.formId,
    formData: nfcValues(draft.formData),
    step: draft.step,
    updatedAt: nowOf(ctx).toISOString(),
  };
  const key = slotKey(db, draft.id);
  let slot = slots.get(key);
  if (!slot) {
    slot = { next: null, running: null };
    slots.set(key, slot);
  }
  slot.next = row;
  if (slot.running) return slot.running;
  const s = slot;
  const running = (async (): Promise<SaveDraftResult> => {
    let result: SaveDraftResult = { ok: true, draft: row };
    try {
      while (s.next) {
        const r = s.next;
        s.next = null;
        result = await writeDraft(db, r);
      }
      return result;
    } finally {
      s.running = null;
      if (!s.next) slots.delete(key);
    }
  })();
  s.running = running;
  return running;
}

/** Waits for any autosave of this draft still in flight (submit calls it first). */
export async function flushDraft(id: string, ctx: DataContext = {}): Promise<void> {
  const slot = slots.get(slotKey(draftDbOf(ctx), id));
  if (slot?.running) await slot.running;
}

/** The most recently saved draft (to resume after a reload or crash), or null. */
export async function loadLatestDraft(ctx: DataContext = {}): Promise<DraftRow | null> {
  const db = draftDbOf(ctx);
  const row = await db.drafts.orderBy('updatedAt').last();
  return row ? openDraft(dayKeysOf(db), row) : null;
}

/** The draft, or null (none, or its answers can no longer be read). */
export async function loadDraft(id: string, ctx: DataContext = {}): Promise<DraftRow | null> {
  const db = draftDbOf(ctx);
  const row = await db.drafts.get(id);
  return row ? openDraft(dayKeysOf(db), row) : null;
}

/** Discards a draft (idle reset after the warning, or the person cancels); pending autosaves are dropped. */
export async function discardDraft(id: string, ctx: DataContext = {}): Promise<void> {
  const db = draftDbOf(ctx);
  const slot = slots.get(slotKey(db, id));
  if (slot) {
    slot.next = null;
    if (slot.running) await slot.running;
  }
  await db.transaction('rw', db.drafts, db.draftPhotos, async () => {
    await db.drafts.delete(id);
    await deleteDraftPhotos(db, id);
  });
}

/** Discards every draft: the idle reset leaves no personal data behind. */
export async function discardAllDrafts(ctx: DataContext = {}): Promise<void> {
  const db = draftDbOf(ctx);
  for (const [key, slot] of slots) {
    if (key.startsWith(`${db.name}\u0000`)) {
      slot.next = null;
      if (slot.running) await slot.running;
    }
  }
  await db.transaction('rw', db.drafts, db.draftPhotos, async () => {
    await db.drafts.clear();
    await db.draftPhotos.clear();
  });
}

/**
 * Discards the drafts last saved before `cutoff`, with their photos, and photos whose draft
 * is gone: at start, nothing a person left longer ago than the idle timeout survives a
 * restart. Returns how many drafts went.
 */
export async function discardDraftsSavedBefore(cutoff: Date, ctx: DataContext = {}): Promise<number> {
  const db = draftDbOf(ctx);
  return db.transaction('rw', db.drafts, db.draftPhotos, async () => {
    const stale = await db.drafts.where('updatedAt').below(cutoff.toISOString()).primaryKeys();
    await db.drafts.bulkDelete(stale);
    const kept = new Set(await db.drafts.toCollection().primaryKeys());
    await db.draftPhotos.filter((photo) => !kept.has(photo.draftId)).delete();
    return stale.length;
  });
}
