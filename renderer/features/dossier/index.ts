/** Public API of the dossier data layer (the wizard and screens use only this). */
export {
  saveDraft,
  loadLatestDraft,
  loadDraft,
  discardDraft,
  discardAllDrafts,
  discardDraftsSavedBefore,
  flushDraft,
  newDraftId,
} from './drafts.ts';
export type { DraftInput, SaveDraftResult } from './drafts.ts';
export { submitDossier, attachmentBytesStored } from './submit.ts';
export type { SubmitDossierInput, SubmitOptions, SubmitResult } from './submit.ts';
export { getKioskIdentity, setKioskNumber } from './identity.ts';
export type { KioskIdentity } from './identity.ts';
export {
  requestPersistence,
  checkSpace,
  isQuotaError,
  writeFailure,
  DEFAULT_SPACE_MARGIN_BYTES,
} from './storage.ts';
export type { PersistenceResult, SpaceCheck, CheckSpaceOptions, WriteFailure } from './storage.ts';
export {
  prepareImage,
  prepareAttachment,
  attachmentBudget,
  scaledSize,
  attachmentFileName,
  DEFAULT_ATTACHMENT_BUDGET,
} from './attachments.ts';
export type {
  PreparedAttachment,
  AttachmentBudgetConfig,
  AttachmentBudgetResult,
  AttachmentMediaType,
  PrepareImageOptions,
} from './attachments.ts';
export {
  todayDossiers,
  todayDossierPage,
  todayDossierCount,
  dossierByCode,
  dossierCodes,
  getDossier,
  listDossiers,
  dossierTotal,
  dossierAttachments,
  attachmentBytes,
} from './queries.ts';
export type { DossierPage } from './queries.ts';
export {
  outboxPending,
  outboxPendingCount,
  outboxRefused,
  toPushItems,
  recordPushResults,
  recordPushFailure,
  outboxPayloadBytes,
  outboxPendingDossierCount,
  outboxRefusedCount,
  retryRefused,
} from './outbox.ts';
/** For other features that queue their own records to the office (a satisfaction rating). */
export { issueOutboxSeq, newOutboxRow } from './outbox.ts';
export { contentHash } from './crypto.ts';
export { loadDraftPhotos, saveDraftPhotos } from './draft-photos.ts';
export { readCodeMark, recordCodeMark } from './code-mark.ts';
export { recordPrinted, recordOfficeStatus } from './bookkeeping.ts';
export type { DataContext } from '../../db/context.ts';
export { dayKeysOf } from './at-rest.ts';
export { sealClearRows } from './seal-clear-rows.ts';
/** For other features that keep a citizen's free text (a rating's reason) sealed at rest. */
export { openFields, sealFields, sealPayload } from './sealed-rows.ts';
export type { DayKeys } from './at-rest.ts';
// The stored rows, as screens and other features see them.
export type { DossierRow, DraftRow, OutboxRow, AttachmentRow } from '../../db/db.ts';
export {
  recordReceiptPrinted,
  reportReceiptUnprinted,
  reportLeftoverUnprintedReceipts,
  unprintedReceipts,
  unprintedReceiptCount,
  unprintedReceiptByCode,
} from './receipt-print.ts';
