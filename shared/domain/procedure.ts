import { z } from 'zod';
import { LocalisedTextSchema } from './localised.ts';

/** National procedure code from the National Database of Administrative Procedures, e.g. `2.000815`. */
export const ProcedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, 'expected a national code like 2.000815');
export type ProcedureCode = z.infer<typeof ProcedureCodeSchema>;

/** One paper the citizen brings (thành phần hồ sơ). */
export const RequiredDocumentSchema = z.object({
  name: LocalisedTextSchema,
  /** bản chính / bản sao / xuất trình bản chính */
  form: z.enum(['original', 'copy', 'original-or-copy', 'present-original']),
  count: z.number().int().positive(),
  note: LocalisedTextSchema.optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocumentSchema>;

/** Lệ phí / phí. Provinces set many fees, so an office profile can override any of them. */
export const FeeSchema = z.object({
  /** The amount for the common case in đồng, 0 when free, null when it varies or the province sets it. */
  amountVnd: z.number().int().nonnegative().nullable(),
  description: LocalisedTextSchema,
});
export type Fee = z.infer<typeof FeeSchema>;

/** Thời hạn giải quyết. */
export const ProcessingTimeSchema = z.object({
  description: LocalisedTextSchema,
  /** Statutory limit in working days; 0 means the same day. */
  statutoryWorkingDays: z.number().int().nonnegative(),
  /**
   * The same-day rule most commune procedures carry: received before the cut-off
   * (15:00) → returned the same working day, otherwise the next working day.
   */
  sameDayCutoff: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
});
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;

export const ProcedureSchema = z.object({
  code: ProcedureCodeSchema,
  name: LocalisedTextSchema,
  /** Words people actually use for it ("làm giấy khai sinh", "công chứng"), Vietnamese, for search. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Lĩnh vực, e.g. Chứng thực, Hộ tịch. */
  field: LocalisedTextSchema,
  /** Cấp thực hiện. */
  level: z.enum(['commune', 'province', 'land-registration-office']),
  documents: z.array(RequiredDocumentSchema),
  fee: FeeSchema,
  processingTime: ProcessingTimeSchema,
  /** Mức độ dịch vụ công trực tuyến: toàn trình (fully) / một phần (partly). */
  onlineLevel: z.enum(['full', 'partial']),
  legalBasis: z.array(z.string().min(1)).min(1),
  /** Portal page for the QR code; data, never computed from the code. Offices may override it. */
  portalUrl: z.url().nullable(),
  /** Where the facts above come from. */
  sources: z.array(z.string().min(1)).min(1),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const CatalogueSchema = z.object({
  version: z.string().min(1),
  procedures: z.array(ProcedureSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;
