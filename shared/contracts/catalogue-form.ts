import { z } from 'zod';
import { formList, formText } from './form-fields.ts';

/**
 * The procedure catalogue as the dashboard's form posts it (`/config/catalogue/form`).
 * Every field arrives as the officer typed it: the office maps the text onto a catalogue
 * (office/catalogue-form.ts) and checks it with the kiosk's own schema, so a refusal shows
 * the same text again. One row per procedure, in page order: each per-procedure field
 * arrives as a list with one item per row, and each paper to bring as one item of the
 * `doc…` lists, tied to its procedure's row by `docOf`. A field repeated once arrives as a
 * string, read here as a one-item list.
 */

/** Procedures the form lists (one section each), with a blank one to add. */
const PROCEDURE_ROWS = 500;
/** Papers to bring, over all procedures, each with a blank row to add. */
const DOCUMENT_ROWS = 20 * PROCEDURE_ROWS;

export const CatalogueFormSchema = z.object({
  csrf: z.string().min(1).max(200),
  /** The published version the form was opened on: a save over a newer one asks to look again. */
  baseVersion: formText(200),
  /** The catalogue's own version name, e.g. "2026.11-seed". */
  catalogueVersion: formText(100),
  /** The procedures ticked for removal, as the confirmation button names them (codes, space-separated). */
  confirmRemoval: formText(20 * PROCEDURE_ROWS),
  /** Row numbers ticked "remove this procedure". */
  remove: formList(10, PROCEDURE_ROWS),
  /** The code each row had when the form opened (blank for a new one): a pair refusal finds its row by it. */
  was: formList(20, PROCEDURE_ROWS),
  code: formList(20, PROCEDURE_ROWS),
  nameVi: formList(1000, PROCEDURE_ROWS),
  nameEn: formList(1000, PROCEDURE_ROWS),
  /** Words people use for it, one per line. */
  aliases: formList(5000, PROCEDURE_ROWS),
  fieldVi: formList(300, PROCEDURE_ROWS),
  fieldEn: formList(300, PROCEDURE_ROWS),
  level: formList(40, PROCEDURE_ROWS),
  feeAmount: formList(30, PROCEDURE_ROWS),
  feeVi: formList(1000, PROCEDURE_ROWS),
  feeEn: formList(1000, PROCEDURE_ROWS),
  timeVi: formList(1000, PROCEDURE_ROWS),
  timeEn: formList(1000, PROCEDURE_ROWS),
  timeDays: formList(10, PROCEDURE_ROWS),
  timeCutoff: formList(10, PROCEDURE_ROWS),
  onlineLevel: formList(20, PROCEDURE_ROWS),
  /** Legal documents, one title per line. */
  legalBasis: formList(5000, PROCEDURE_ROWS),
  portalUrl: formList(2000, PROCEDURE_ROWS),
  /** Where the facts come from, one per line. */
  sources: formList(5000, PROCEDURE_ROWS),
  /** The row number of the procedure each paper belongs to. */
  docOf: formList(10, DOCUMENT_ROWS),
  docNameVi: formList(1000, DOCUMENT_ROWS),
  docNameEn: formList(1000, DOCUMENT_ROWS),
  docForm: formList(30, DOCUMENT_ROWS),
  docCount: formList(10, DOCUMENT_ROWS),
  docNoteVi: formList(1000, DOCUMENT_ROWS),
  docNoteEn: formList(1000, DOCUMENT_ROWS),
});
export type CatalogueFormBody = z.infer<typeof CatalogueFormSchema>;
