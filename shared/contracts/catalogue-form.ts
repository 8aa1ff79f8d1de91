import { z } from 'zod';

/**
 * The procedure catalogue as the dashboard's form posts it (`/config/catalogue/form`).
 * Every field arrives as the officer typed it: the office maps the text onto a catalogue
 * (office/catalogue-form.ts) and checks it with the kiosk's own schema, so a refusal shows
 * the same text again. One row per procedure, in page order: each per-procedure field
 * arrives as a list with one item per row, and each paper to bring as one item of the
 * `doc…` lists, tied to its procedure's row by `docOf`. A field repeated once arrives as a
 * string, read here as a one-item list.
 */

const text = (max: number) => z.string().max(max).default('');
const many = (max: number, count: number) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(count)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Procedures the form lists (one section each), with a blank one to add. */
const PROCEDURE_ROWS = 500;
/** Papers to bring, over all procedures, each with a blank row to add. */
const DOCUMENT_ROWS = 20 * PROCEDURE_ROWS;

export const CatalogueFormSchema = z.object({
  csrf: z.string().min(1).max(200),
  /** The published version the form was opened on: a save over a newer one asks to look again. */
  baseVersion: text(200),
  /** The catalogue's own version name, e.g. "2026.11-seed". */
  catalogueVersion: text(100),
  /** The procedures ticked for removal, as the confirmation button names them (codes, space-separated). */
  confirmRemoval: text(20 * PROCEDURE_ROWS),
  /** Row numbers ticked "remove this procedure". */
  remove: many(10, PROCEDURE_ROWS),
  /** The code each row had when the form opened (blank for a new one): a pair refusal finds its row by it. */
  was: many(20, PROCEDURE_ROWS),
  code: many(20, PROCEDURE_ROWS),
  nameVi: many(1000, PROCEDURE_ROWS),
  nameEn: many(1000, PROCEDURE_ROWS),
  /** Words people use for it, one per line. */
  aliases: many(5000, PROCEDURE_ROWS),
  fieldVi: many(300, PROCEDURE_ROWS),
  fieldEn: many(300, PROCEDURE_ROWS),
  level: many(40, PROCEDURE_ROWS),
  feeAmount: many(30, PROCEDURE_ROWS),
  feeVi: many(1000, PROCEDURE_ROWS),
  feeEn: many(1000, PROCEDURE_ROWS),
  timeVi: many(1000, PROCEDURE_ROWS),
  timeEn: many(1000, PROCEDURE_ROWS),
  timeDays: many(10, PROCEDURE_ROWS),
  timeCutoff: many(10, PROCEDURE_ROWS),
  onlineLevel: many(20, PROCEDURE_ROWS),
  /** Legal documents, one title per line. */
  legalBasis: many(5000, PROCEDURE_ROWS),
  portalUrl: many(2000, PROCEDURE_ROWS),
  /** Where the facts come from, one per line. */
  sources: many(5000, PROCEDURE_ROWS),
  /** The row number of the procedure each paper belongs to. */
  docOf: many(10, DOCUMENT_ROWS),
  docNameVi: many(1000, DOCUMENT_ROWS),
  docNameEn: many(1000, DOCUMENT_ROWS),
  docForm: many(30, DOCUMENT_ROWS),
  docCount: many(10, DOCUMENT_ROWS),
  docNoteVi: many(1000, DOCUMENT_ROWS),
  docNoteEn: many(1000, DOCUMENT_ROWS),
});
export type CatalogueFormBody = z.infer<typeof CatalogueFormSchema>;
