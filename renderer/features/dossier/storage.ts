/**
 * Storage safety: persistent storage, free space before accepting a dossier, and quota
 * failures recognised at the transaction so the caller gets a typed reason.
 */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** navigator.storage.persist(): without it Chromium may evict the kiosk's data under disk pressure. */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<PersistenceResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/**
 * Kept free beyond the dossier itself. IndexedDB needs room for its journal and
 * compaction, and the print service writes PDFs next to it; a kiosk that fills its disk
 * to the last byte fails in ways that are hard to recover at the desk.
 */
export const DEFAULT_SPACE_MARGIN_BYTES = 50 * 1024 * 1024;

export type SpaceCheck =
  | { ok: true; freeBytes: number | null }
  | { ok: false; reason: 'storage-low'; freeBytes: number; neededBytes: number };

export interface CheckSpaceOptions {
  marginBytes?: number;
  /** Injected in tests; navigator.storage.estimate in the kiosk. */
  estimate?: () => Promise<StorageEstimate>;
}

/**
 * Whether `estimateBytes` more can be stored with the margin to spare. When the browser
 * cannot say (no estimate API), it answers ok with freeBytes null: the transaction's own
 * quota handling is then the only guard.
 */
export async function checkSpace(
  estimateBytes: number,
  options: CheckSpaceOptions = {},
): Promise<SpaceCheck> {
  const margin = options.marginBytes ?? DEFAULT_SPACE_MARGIN_BYTES;
  const estimate =
    options.estimate ??
    (globalThis.navigator?.storage?.estimate ? () => globalThis.navigator.storage.estimate() : undefined);
  if (!estimate) return { ok: true, freeBytes: null };
  let e: StorageEstimate;
  try {
    e = await estimate();
  } catch {
    return { ok: true, freeBytes: null };
  }
  if (typeof e.quota !== 'number' || typeof e.usage !== 'number') return { ok: true, freeBytes: null };
  const freeBytes = Math.max(0, e.quota - e.usage);
  const neededBytes = Math.max(0, estimateBytes) + margin;
  return freeBytes >= neededBytes
    ? { ok: true, freeBytes }
    : { ok: false, reason: 'storage-low', freeBytes, neededBytes };
}

/**
 * A quota failure, however it arrives: a DOMException QuotaExceededError from a request,
 * Dexie's QuotaExceededError, or an AbortError of the transaction whose inner error (or
 * message) is the quota. Chromium reports a full disk as the transaction aborting.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /quota|disk (is )?full|no space/i.test(message)) return true;
    const next = e as { inner?: unknown; cause?: unknown; failures?: unknown[] };
    e = next.inner ?? next.cause ?? (Array.isArray(next.failures) ? next.failures[0] : undefined);
  }
  return false;
}

export type WriteFailure =
  { ok: false; reason: 'storage-full' } | { ok: false; reason: 'write-failed'; message: string };

/** Classifies an error thrown by a write transaction. */
export function writeFailure(error: unknown): WriteFailure {
  if (isQuotaError(error)) return { ok: false, reason: 'storage-full' };
  return {
    ok: false,
    reason: 'write-failed',
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
