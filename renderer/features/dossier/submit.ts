/**
 * Submitting a declaration: the dossier (marked "receipt not printed yet"), its outbox
 * item, its attachments, the dossier
 * code sequence and the draft's removal (answers and photos) are one IndexedDB transaction, so a crash or
 * power cut at any moment leaves either the whole dossier or the draft, never half.
 * The promise resolves only after that transaction committed (with strict durability:
 * on disk), so "Đã lưu" on screen is true.
 *
 * The code sequence is read, the dossier built, validated and hashed (synchronously:
 * crypto.ts contentHash) and everything written inside that one transaction, so two
 * submits can never take the same number. Its requests go in two batches (reads, then
 * writes): a commit's latency is mostly these round trips to the browser's storage
 * process and the flush (BENCHMARKS.md, dossier section).
 *
 * The personal fields and the photos are sealed (at-rest.ts) before that transaction,
 * since WebCrypto cannot be awaited inside it: the declaration is built once beforehand
 * to know them, and the transaction checks that its own build seals the same. Should
 * main fail to give the day's key (its disk full, say), nothing is written and the
 * draft stays, as for a full IndexedDB.
 */
import {
  AttachmentMetaPayloadSchema,
  DossierPayloadSchema,
  issuesToReasons,
} from '../../../shared/contracts/sync.ts';
import { loadAdminUnits } from '../../../shared/admin-units/index.ts';
import type { LocalisedText } from '../../../shared/domain/localised.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { sameDayDeadline, type Deadline } from '../../../shared/domain/deadline.ts';
import {
  buildDossier,
  INITIAL_DOSSIER_CODE_STATE,
  laterCodeState,
  nextDossierCode,
  type DossierCodeState,
} from '../../../shared/dossier/index.ts';
import type { FormDef, FormValues } from '../../../shared/forms/model.ts';
import {
  META,
  dossierPayloadOf,
  newId,
  type AttachmentRow,
  type DossierRow,
  type Sealed,
  type SealedFields,
} from '../../db/db.ts';
import {
  attachmentBudget,
  DEFAULT_ATTACHMENT_BUDGET,
  type AttachmentBudgetConfig,
  type AttachmentBudgetResult,
  type PreparedAttachment,
} from './attachments.ts';
import { dbOf, type DataContext } from '../../db/context.ts';
import { contentHash } from './crypto.ts';
import { dayKeysOf } from './at-rest.ts';
import {
  openDossier,
  personalOf,
  sealBlob,
  sealFields,
  sealPersonal,
  sealPayload,
  withoutPersonal,
} from './sealed-rows.ts';
import { canonicalJson } from '../../../shared/contracts/canonical-json.ts';
import { flushDraft } from './drafts.ts';
import { deleteDraftPhotos } from './draft-photos.ts';
import { getMeta, getMetaRows, metaValue, putMetaRows } from '../../db/meta.ts';
import { newOutboxRow } from './outbox.ts';
import { checkSpace, writeFailure, type CheckSpaceOptions, type WriteFailure } from './storage.ts';
import { newLookupKey } from '../../../shared/dossier/lookup-key.ts';

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
  /**
   * Main's code high-water mark (bridge `dossierCodeMark`), read before the submit: the
   * code follows the later of it and this profile's own state, so a lost browser profile
   * does not reissue a code. Null when main could not be asked.
   */
  codeMark?: DossierCodeState | null;
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
      /** The code state after this submit, for main's high-water mark (absent when already submitted). */
      codeState?: DossierCodeState;
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
  /** The transaction failed (storage-full for quota): nothing of it was written, the draft remains. */
  | WriteFailure;

/** Row, outbox copy and indexes of one dossier are a few KB; this is a safe over-estimate. */
const DOSSIER_BYTES_ESTIMATE = 64 * 1024;

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
  // One copy of each distinct file.
  const files = [...new Map((input.attachments ?? []).map((a) => [a.hash, a])).values()];
  const filesBytes = files.reduce((sum, f) => sum + f.size, 0);

  // Outside the transaction (awaiting anything but IndexedDB there would end it): the
  // disk's free space, the last autosave, the administrative units the validation checks
  // place codes against, and the attachments' sync payloads.
  const keys = dayKeysOf(db);
  const [space] = await Promise.all([
    checkSpace(DOSSIER_BYTES_ESTIMATE + filesBytes, options.space),
    flushDraft(draft.id, options),
    loadAdminUnits(),
  ]);
  if (!space.ok) {
    // A second tap on a kiosk short of space must still say the first one was saved.
    const existing = await db.dossiers.get(draft.id);
    return existing ? already(await openDossier(keys, existing), input) : space;
  }
  const agency = profile.office.agencyCode;
  // The personal fields as the transaction will build them (the code, which only the
  // transaction knows, takes no part in them).
  const preview = buildDossier({
    id: draft.id,
    code: nextDossierCode(INITIAL_DOSSIER_CODE_STATE, now, agency, input.kioskNumber).code,
    kioskId: input.kioskId,
    profile,
    procedure,
    form,
    values: draft.formData,
    volunteerId: input.volunteerId,
    receivedAt: now,
    attachmentHashes: files.map((f) => f.hash),
  });
  if (!preview.ok) return { ok: false, reason: 'invalid', errors: preview.errors };
  const personalJson = canonicalJson(personalOf(preview.dossier));
  const metas = files.map((file) => {
    const payload = AttachmentMetaPayloadSchema.parse({
      id: newId(),
      dossierId: draft.id,
      hash: file.hash,
      size: file.size,
      mediaType: file.mediaType,
      fileName: file.fileName,
    });
    return { payload, hash: contentHash(payload), file };
  });
  let sealedPersonal: Sealed;
  let sealedFiles: { bytes: Blob; sealed: Sealed; sealedFields: SealedFields }[];
  // An attachment-meta item keeps its file name (which may be a citizen's name) sealed too.
  let sealedMetas: { payload: Record<string, unknown>; sealed?: Sealed }[];
  try {
    [sealedPersonal, sealedFiles, sealedMetas] = await Promise.all([
      sealPersonal(keys, now, draft.id, preview.dossier),
      Promise.all(
        metas.map(async (m) => ({
          ...(await sealBlob(keys, now, m.payload.id, m.file.bytes)),
          sealedFields: await sealFields(keys, now, m.payload.id, { fileName: m.file.fileName }),
        })),
      ),
      Promise.all(metas.map((m) => sealPayload(keys, now, m.payload.id, 'attachment-meta', m.payload))),
    ]);
  } catch (e) {
    return writeFailure(e);
  }

  const budgetConfig = options.budget ?? DEFAULT_ATTACHMENT_BUDGET;
  let result: SubmitResult;
  try {
    result = await db.transaction(
      'rw',
      [db.dossiers, db.outbox, db.meta, db.drafts, db.draftPhotos, db.attachments],
      async (): Promise<SubmitResult> => {
        const [existing, meta] = await Promise.all([
          db.dossiers.get(draft.id),
          getMetaRows(db, [META.dossierCodeState, META.outboxSeq, META.dossierCount, META.attachmentBytes]),
        ]);
        if (existing) return already(existing, input);

        // Nothing is written on any refusal below: returning ends the transaction empty.
        const state = laterCodeState(
          metaValue<DossierCodeState>(meta, META.dossierCodeState) ?? INITIAL_DOSSIER_CODE_STATE,
          input.codeMark,
        );
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
          // 80 random bits that only the receipt's QR carries: the look-up's proof of holding it.
          lookupKey: newLookupKey((bytes) => crypto.getRandomValues(bytes)),
        });
        if (!built.ok) return { ok: false, reason: 'invalid', errors: built.errors };
        const stored = metaValue<number>(meta, META.attachmentBytes) ?? 0;
        const budget = attachmentBudget(files, stored, budgetConfig);
        if (!budget.ok) return { ok: false, reason: 'attachments', budget };
        const parsed = DossierPayloadSchema.safeParse(dossierPayloadOf(built.dossier));
        if (!parsed.success)
          return { ok: false, reason: 'invalid-payload', reasons: issuesToReasons(parsed.error) };
        const payload = parsed.data;
        if (canonicalJson(personalOf(built.dossier)) !== personalJson) {
          throw new Error('the declaration changed between sealing and storing');
        }
        const row: DossierRow = Object.freeze({
          ...built.dossier,
          createdAt: now.toISOString(),
          // Until a printer accepts the receipt (recordReceiptPrinted).
          receiptUnprinted: 1 as const,
        });

        const lastSeq = metaValue<number>(meta, META.outboxSeq) ?? 0;
        const outbox = [
          {
            ...newOutboxRow(
              {
                id: row.id,
                kind: 'dossier',
                seq: lastSeq + 1,
                // The hash is of the whole payload, which outboxPending puts back together.
                hash: contentHash(payload),
                payload: withoutPersonal(payload),
                dossierId: row.id,
              },
              now,
            ),
            sealed: sealedPersonal,
          },
          ...metas.map((m, i) => ({
            ...newOutboxRow(
              {
                id: m.payload.id,
                kind: 'attachment-meta',
                seq: lastSeq + 2 + i,
                hash: m.hash,
                payload: sealedMetas[i]!.payload,
                dossierId: row.id,
              },
              now,
            ),
            ...(sealedMetas[i]!.sealed ? { sealed: sealedMetas[i]!.sealed } : {}),
          })),
        ];
        const attachments = metas.map((m, i): AttachmentRow => ({
          id: m.payload.id,
          dossierId: row.id,
          hash: m.file.hash,
          mediaType: m.file.mediaType,
          fileName: '',
          size: m.file.size,
          ...sealedFiles[i]!,
          createdAt: now.toISOString(),
          uploadedAt: null,
        }));
        const values: Record<string, unknown> = {
          [META.dossierCodeState]: next.state,
          [META.outboxSeq]: lastSeq + outbox.length,
        };
        const count = metaValue<number>(meta, META.dossierCount);
        if (count !== undefined) values[META.dossierCount] = count + 1;
        if (metas.length > 0) values[META.attachmentBytes] = stored + budget.dossierBytes;
        await Promise.all([
          db.dossiers.add({ ...withoutPersonal(row), sealed: sealedPersonal }),
          db.outbox.bulkAdd(outbox),
          attachments.length > 0 ? db.attachments.bulkAdd(attachments) : null,
          putMetaRows(db, meta, values),
          db.drafts.delete(draft.id),
          deleteDraftPhotos(db, draft.id),
        ]);
        return {
          ok: true,
          dossier: row,
          deadline: built.deadline,
          codeState: next.state,
          alreadySubmitted: false,
        };
      },
    );
  } catch (e) {
    return writeFailure(e);
  }
  // A dossier found already stored was read as it rests.
  return result.ok && result.alreadySubmitted
    ? { ...result, dossier: await openDossier(keys, result.dossier) }
    : result;
}

function already(row: DossierRow, input: SubmitDossierInput): SubmitResult {
  return {
    ok: true,
    dossier: row,
    deadline: sameDayDeadline(input.profile, input.procedure, new Date(row.receivedAt)),
    alreadySubmitted: true,
  };
}
