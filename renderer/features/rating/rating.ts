/**
 * Citizen satisfaction at the end of a visit: one tap on a three-level scale, an
 * optional reason, stored with an outbox item of kind 'rating' in one transaction.
 *
 * The scale is the one public-service portals show, "Rất hài lòng / Hài lòng / Không
 * hài lòng" (DOMAIN_FACTS.md, "Receipts, dossier codes, ratings, statistics"): three large
 * buttons are easier for an elderly citizen than five. The sync contract carries a 1–5
 * score (some portals use five levels), so the levels are sent as their place on that
 * five-level scale (Rất hài lòng 5, Hài lòng 4, Không hài lòng 2; 3 would be "Bình
 * thường", 1 "Rất không hài lòng"), which keeps the office's "satisfied = score ≥ 4"
 * count right for either kind of kiosk.
 */
import { RatingPayloadSchema, issuesToReasons, type RatingPayload } from '../../../shared/contracts/sync.ts';
import type { LocalisedText } from '../../../shared/domain/localised.ts';
import { toVietnamIso } from '../../../shared/domain/vietnam-time.ts';
import { cleanText } from '../../../shared/forms/text.ts';
import { newId, type KioskDb, type RatingRow } from '../../db/db.ts';
import { dbOf, nowOf, type DataContext } from '../../db/context.ts';
import {
  contentHash,
  issueOutboxSeq,
  newOutboxRow,
  writeFailure,
  type WriteFailure,
  dayKeysOf,
  openFields,
  sealFields,
  sealPayload,
} from '../dossier/index.ts';

export type SatisfactionLevel = 'very-satisfied' | 'satisfied' | 'dissatisfied';

export const SATISFACTION_LEVELS: readonly {
  level: SatisfactionLevel;
  score: number;
  label: LocalisedText;
}[] = [
  { level: 'very-satisfied', score: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { level: 'satisfied', score: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { level: 'dissatisfied', score: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
];

export interface SaveRatingInput {
  /** The dossier just submitted, or null for a visit without one (e.g. only asked for information). */
  dossierId: string | null;
  procedureCode: string | null;
  level: SatisfactionLevel;
  /** Optional free text (NFC, trimmed, ≤ 1000 characters). */
  reason?: string;
}

export type SaveRatingResult =
  | { ok: true; rating: RatingRow; alreadyRated: boolean }
  | { ok: false; reason: 'invalid'; reasons: string[] }
  | WriteFailure;

export async function saveRating(input: SaveRatingInput, ctx: DataContext = {}): Promise<SaveRatingResult> {
  const db = dbOf(ctx);
  const now = nowOf(ctx);
  const level = SATISFACTION_LEVELS.find((l) => l.level === input.level);
  if (!level) return { ok: false, reason: 'invalid', reasons: [`unknown level ${String(input.level)}`] };
  const parsed = RatingPayloadSchema.safeParse({
    id: newId(),
    dossierId: input.dossierId,
    procedureCode: input.procedureCode,
    score: level.score,
    comment: cleanText(input.reason ?? ''),
    ratedAt: toVietnamIso(now),
  });
  if (!parsed.success) return { ok: false, reason: 'invalid', reasons: issuesToReasons(parsed.error) };
  const payload: RatingPayload = parsed.data;
  const hash = contentHash(payload);
  const row: RatingRow = {
    id: payload.id,
    dossierId: payload.dossierId,
    procedureCode: payload.procedureCode,
    score: payload.score,
    criteria: {},
    createdAt: now.toISOString(),
    level: level.level,
    comment: '',
  };
  try {
    // The reason may name the citizen: sealed at rest (dossier/at-rest.ts), before the transaction.
    const keys = dayKeysOf(db);
    const [fields, stored] = await Promise.all([
      sealFields(keys, now, row.id, { comment: payload.comment }),
      sealPayload(keys, now, row.id, 'rating', payload),
    ]);
    if (fields.comment) row.sealedFields = fields;
    const result = await db.transaction(
      'rw',
      [db.ratings, db.outbox, db.meta],
      async (): Promise<SaveRatingResult> => {
        // One rating per dossier: a second tap (or a back-and-forth) keeps the first.
        if (payload.dossierId) {
          const existing = await db.ratings.where('dossierId').equals(payload.dossierId).first();
          if (existing) return { ok: true, rating: existing, alreadyRated: true };
        }
        const [seq] = await issueOutboxSeq(db, 1);
        await db.ratings.add(row);
        await db.outbox.add({
          ...newOutboxRow(
            {
              id: row.id,
              kind: 'rating',
              seq: seq!,
              hash,
              payload: stored.payload,
              dossierId: payload.dossierId,
            },
            now,
          ),
          ...(stored.sealed ? { sealed: stored.sealed } : {}),
        });
        // Answered as it was given: the reason in the clear, in memory only.
        const given: RatingRow = { ...row, comment: payload.comment };
        delete given.sealedFields;
        return { ok: true, rating: given, alreadyRated: false };
      },
    );
    // The rating kept from a first tap, read as it was given (after the transaction: WebCrypto).
    return result.ok && result.alreadyRated
      ? { ...result, rating: await openFields(keys, result.rating) }
      : result;
  } catch (e) {
    return writeFailure(e);
  }
}

/** A rating as it was given, its reason unsealed ('' once retention removed it or its day key is gone). */
export async function getRating(id: string, ctx: DataContext = {}): Promise<RatingRow | undefined> {
  const db = dbOf(ctx);
  const row = await db.ratings.get(id);
  return row && openFields(dayKeysOf(db), row);
}

/**
 * Retention: the free-text reason may name the citizen or their situation, so it goes
 * with the dossier's personal data; the score stays for the office's statistics (the
 * office already holds the rating as sent). Call inside a transaction that includes
 * `ratings`, so the reasons go in the same commit as the dossiers. Returns how many
 * reasons were cleared.
 */
export async function clearRatingReasons(db: KioskDb, dossierIds: readonly string[]): Promise<number> {
  if (dossierIds.length === 0) return 0;
  return db.ratings
    .where('dossierId')
    .anyOf([...dossierIds])
    .filter((r) => (r.comment ?? '') !== '' || r.sealedFields?.comment !== undefined)
    .modify((r) => {
      r.comment = '';
      delete r.sealedFields;
    });
}
