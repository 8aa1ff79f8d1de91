import { z } from 'zod';
import { ProcedureCodeSchema } from './procedure.ts';
import { ReformModelIdSchema } from './reform-model.ts';
import { LookupKeySchema } from '../dossier/lookup-key.ts';

/**
 * A dossier (hồ sơ) submitted at the kiosk. `id` is a kiosk-generated UUID and the
 * idempotency key for sync; `code` is the human dossier code of Circular 01/2018
 * Art. 19: agency code + "-" + YYMMDD + "-" + 4-digit daily sequence.
 */
export const DossierSchema = z.object({
  id: z.uuid(),
  code: z.string().regex(/^[A-Za-z0-9.]+-\d{6}-\d{4,}$/),
  kioskId: z.string().min(1),
  procedureCode: ProcedureCodeSchema,
  /** Models running at the office when the dossier was received. */
  models: z.array(ReformModelIdSchema),
  /** The declaration form's answers, keyed by field id; values are NFC strings. */
  formId: z.string().min(1),
  formData: z.record(z.string(), z.string()),
  applicantName: z.string().min(1),
  volunteerId: z.string().nullable(),
  /** ISO timestamps with offset, Vietnam time. */
  receivedAt: z.iso.datetime({ offset: true }),
  /** The same-day deadline (or statutory deadline) computed at receipt. */
  dueAt: z.iso.datetime({ offset: true }),
  attachmentHashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).default([]),
  /**
   * The receipt QR's random check part, which a status look-up needs besides the code
   * (shared/dossier/lookup-key.ts). Absent on dossiers from kiosks before it existed.
   */
  lookupKey: LookupKeySchema.optional(),
});
export type Dossier = z.infer<typeof DossierSchema>;

/** Status the office sets, which the kiosk shows when a receipt QR is scanned. */
export const DOSSIER_STATUSES = [
  'received',
  'processing',
  'result-ready',
  'returned',
  'needs-documents',
  'refused',
] as const;
export const DossierStatusSchema = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;
