/**
 * Submitting a declaration: the dossier, its outbox item, its attachments, the dossier
 * code sequence and the draft's removal are one IndexedDB transaction, so a crash or
 * power cut at any moment leaves either the whole dossier or the draft, never half.
 * The promise resolves only after that transaction committed (with strict durability:
 * on disk), so "Đã lưu" on screen is true.
 *
 * Why the code is checked rather than simply read inside the transaction: the outbox
 * item carries sha256(canonicalJson(payload)), the payload contains the code, and
 * WebCrypto's digest is asynchronous; awaiting it inside an IndexedDB transaction lets
 * the transaction auto-commit. So the code is computed from the stored sequence state,
 * the dossier built and hashed, and the transaction then re-reads the state and writes
 * only if it is unchanged (otherwise it writes nothing and the whole step repeats; on a
 * single-user kiosk that happens only on a double tap from two tabs).
 */
import {
  AttachmentMetaPayloadSchema,
  DossierPayloadSchema,
  issuesToReasons,
  type AttachmentMetaPayload,
} from '../../../shared/contracts/sync.ts';
import type { LocalisedText } from '../../../shared/domain/localised.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { sameDayDeadline, type Deadline } from '../../../shared/domain/deadline.ts';
import {
  buildDossier,
  INITIAL_DOSSIER_CODE_STATE,
  nextDossierCode,
  type DossierCodeState,
} from '../../../shared/dossier/index.ts';
import type { FormDef, FormValues } from '../../../shared/forms/model.ts';
import { META, dossierPayloadOf, newId, type AttachmentRow, type DossierRow } from '../../db/db.ts';
import {
  attachmentBudget,
  DEFAULT_ATTACHMENT_BUDGET,
  type AttachmentBudgetConfig,
  type AttachmentBudgetResult,
  type PreparedAttachment,
} from './attachments.ts';
import { dbOf, type DataContext } from './context.ts';
import { contentHashOf } from './crypto.ts';
import { flushDraft } from './drafts.ts';
import { getMeta, putMeta } from './meta.ts';
import { issueOutboxSeq, newOutboxRow } from './outbox.ts';
import { checkSpace, writeFailure, type CheckSpaceOptions, type WriteFailure } from './storage.ts';

export interface SubmitDossierInput {
  /** The draft being submitted; its id becomes the dossier's UUID (a double tap cannot make two). */
  draft: { id: string; formData: FormValues };
  profile: OfficeProfile;
  procedure: Pick<Procedure, 'code' | 'processingTime'>;
  form: FormDef;
  volunteerId: string | null;
  kioskId: string;
  kioskNumber: number;
  attachments?: readonly PreparedAttachment[];
  /** Time of receipt (the caller's clock; Vietnam date decides the code's day). */
  now: Date;
}

export interface SubmitOptions extends DataContext {
  budget?: AttachmentBudgetConfig;
  space?: CheckSpaceOptions;
}

export type SubmitResult =
  | {
      ok: true;
      dossier: Readonly<DossierRow>;
      deadline: Deadline;
      /** True when this draft had already been submitted (double tap): the stored dossier is returned. */
      alreadySubmitted: boolean;
    }
  /** The declaration does not validate: messages per field id; nothing was written. */
  | { ok: false; reason: 'invalid'; errors: Record<string, LocalisedText> }
  /** Valid per the form but outside the sync contract's limits (e.g. a 5,000-character answer). */
  | { ok: false; reason: 'invalid-payload'; reasons: string[] }
  /** Free space below the margin: refused before writing. */
  | { ok: false; reason: 'storage-low'; freeBytes: number; neededBytes: number }
  | { ok: false; reason: 'attachments'; budget: Exclude<AttachmentBudgetResult, { ok: true }> }
  /** The sequence kept moving under us (another tab submitting); nothing written. */
  | { ok: false; reason: 'busy' }
  /** The transaction failed (storage-full for quota): nothing of it was written, the draft remains. */
  | WriteFailure;

const MAX_ATTEMPTS = 5;
/** Row, outbox copy and indexes of one dossier are a few KB; this is a safe over-estimate. */
const DOSSIER_BYTES_ESTIMATE = 64 * 1024;

const sameState = (a: DossierCodeState, b: DossierCodeState) =>
  a.lastDate === b.lastDate && a.lastSeq === b.lastSeq;

/** Stored attachments' total bytes (kept in meta by every transaction that adds or removes some). */
export async function attachmentBytesStored(ctx: DataContext = {}): Promise<number> {
  return (await getMeta<number>(dbOf(ctx), META.attachmentBytes)) ?? 0;
}

export async function submitDossier(
  input: SubmitDossierInput,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const db = dbOf(options);
  const { draft, profile, procedure, form, now } = input;
  const agency = profile.office.agencyCode;

  // Validate first with a placeholder code: invalid input must write nothing.
  const probe = buildDossier({
    id: draft.id,
    code: nextDossierCode(INITIAL_DOSSIER_CODE_STATE, now, agency, input.kioskNumber).code,
    kioskId: input.kioskId,
    profile,
    procedure,
    form,
    values: draft.formData,
    volunteerId: input.volunteerId,
    receivedAt: now,
  });
  if (!probe.ok) return { ok: false, reason: 'invalid', errors: probe.errors };

  const existing = await db.dossiers.get(draft.id);
  if (existing) return already(existing, input);

  // One copy of each distinct file.
  const files = [...new Map((input.attachments ?? []).map((a) => [a.hash, a])).values()];
  const stored = await attachmentBytesStored(options);
  const budget = attachmentBudget(files, stored, options.budget ?? DEFAULT_ATTACHMENT_BUDGET);
  if (!budget.ok) return { ok: false, reason: 'attachments', budget };
  const space = await checkSpace(DOSSIER_BYTES_ESTIMATE + budget.dossierBytes, options.space);
  if (!space.ok) return space;

  const metas: { payload: AttachmentMetaPayload; hash: string; file: PreparedAttachment }[] = [];
  for (const file of files) {
    const payload = AttachmentMetaPayloadSchema.parse({
      id: newId(),
      dossierId: draft.id,
      hash: file.hash,
      size: file.size,
      mediaType: file.mediaType,
      fileName: file.fileName,
    });
    metas.push({ payload, hash: await contentHashOf(payload), file });
  }

  await flushDraft(draft.id, options);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const state = (await getMeta<DossierCodeState>(db, META.dossierCodeState)) ?? INITIAL_DOSSIER_CODE_STATE;
    const next = nextDossierCode(state, now, agency, input.kioskNumber);
    const built = buildDossier({
      id: draft.id,
      code: next.code,
      kioskId: input.kioskId,
      profile,
      procedure,
      form,
      values: draft.formData,
      volunteerId: input.volunteerId,
      receivedAt: now,
      attachmentHashes: files.map((f) => f.hash),
    });
    if (!built.ok) return { ok: false, reason: 'invalid', errors: built.errors };
    const parsed = DossierPayloadSchema.safeParse(dossierPayloadOf(built.dossier));
    if (!parsed.success)
      return { ok: false, reason: 'invalid-payload', reasons: issuesToReasons(parsed.error) };
    const payload = parsed.data;
    const hash = await contentHashOf(payload);
    const row: DossierRow = Object.freeze({ ...built.dossier, createdAt: now.toISOString() });

    let outcome: 'written' | 'retry' | DossierRow;
    try {
      outcome = await db.transaction(
        'rw',
        [db.dossiers, db.outbox, db.meta, db.drafts, db.attachments],
        async (): Promise<'written' | 'retry' | DossierRow> => {
          const twice = await db.dossiers.get(draft.id);
          if (twice) return twice;
          const current =
            (await getMeta<DossierCodeState>(db, META.dossierCodeState)) ?? INITIAL_DOSSIER_CODE_STATE;
          if (!sameState(current, state)) return 'retry';
          const seqs = await issueOutboxSeq(db, 1 + metas.length);
          await db.dossiers.add(row);
          await db.outbox.add(
            newOutboxRow(
              { id: row.id, kind: 'dossier', seq: seqs[0]!, hash, payload, dossierId: row.id },
              now,
            ),
          );
          for (const [i, m] of metas.entries()) {
            const attachment: AttachmentRow = {
              id: m.payload.id,
              dossierId: row.id,
              hash: m.file.hash,
              mediaType: m.file.mediaType,
              fileName: m.file.fileName,
              size: m.file.size,
              bytes: m.file.bytes,
              createdAt: now.toISOString(),
              uploadedAt: null,
            };
            await db.attachments.add(attachment);
            await db.outbox.add(
              newOutboxRow(
                {
                  id: m.payload.id,
                  kind: 'attachment-meta',
                  seq: seqs[i + 1]!,
                  hash: m.hash,
                  payload: m.payload,
                  dossierId: row.id,
                },
                now,
              ),
            );
          }
          if (metas.length > 0) {
            const bytes = (await getMeta<number>(db, META.attachmentBytes)) ?? 0;
            await putMeta(db, META.attachmentBytes, bytes + budget.dossierBytes);
          }
          await putMeta(db, META.dossierCodeState, next.state);
          const count = await getMeta<number>(db, META.dossierCount);
          if (count !== undefined) await putMeta(db, META.dossierCount, count + 1);
          await db.drafts.delete(draft.id);
          return 'written';
        },
      );
    } catch (e) {
      return writeFailure(e);
    }
    if (outcome === 'written')
      return { ok: true, dossier: row, deadline: built.deadline, alreadySubmitted: false };
    if (outcome !== 'retry') return already(outcome, input);
  }
  return { ok: false, reason: 'busy' };
}

function already(row: DossierRow, input: SubmitDossierInput): SubmitResult {
  return {
    ok: true,
    dossier: row,
    deadline: sameDayDeadline(input.profile, input.procedure, new Date(row.receivedAt)),
    alreadySubmitted: true,
  };
}
