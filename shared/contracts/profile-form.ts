import { z } from 'zod';
import { formList, formText } from './form-fields.ts';

/**
 * The office profile as the dashboard's form posts it (`/config/profile/form`). Every
 * field arrives as the officer typed it: the office maps the text onto a profile
 * (office/profile-form.ts) and checks it with the kiosk's own validation, so a refusal
 * shows the same text again. A field repeated in the form (one per row or per ticked
 * box) arrives as a list; a single one as a string, read here as a one-item list.
 */

/** Up to this many procedures in the catalogue the form lists (one row each). */
const PROCEDURE_ROWS = 500;
/** Weekdays × models × procedures ticked in the grid. */
const GRID_CELLS = 7 * 8 * PROCEDURE_ROWS;

export const ProfileFormSchema = z.object({
  csrf: z.string().min(1).max(200),
  /** The version the form was opened on: a save over a newer one asks to look again. */
  baseVersion: formText(100),
  officeName: formText(300),
  communeCode: formText(20),
  provinceCode: formText(20),
  agencyCode: formText(100),
  address: formText(500),
  /** ISO weekdays ticked as working days ("1" … "7"). */
  workingDays: formList(2, 7),
  /** Working periods, one row each: starts and ends by row, blank rows ignored. */
  periodStart: formList(10, 10),
  periodEnd: formList(10, 10),
  saturdayStart: formList(10, 10),
  saturdayEnd: formList(10, 10),
  /** Holidays, one date per line as dd/mm/yyyy. */
  holidays: formText(20_000),
  /** A model run on a weekday: "weekday:model". */
  runs: formList(40, 7 * 8),
  /** A procedure served under a model on a weekday: "weekday:model:code". */
  cell: formList(40, GRID_CELLS),
  /** Per weekday (Monday first): the no-appointment result within this many working hours. */
  returnHours: formList(10, 7),
  /** One row per catalogue procedure: its code, then the office's fee and portal link. */
  procedure: formList(20, PROCEDURE_ROWS),
  feeAmount: formList(30, PROCEDURE_ROWS),
  feeVi: formList(500, PROCEDURE_ROWS),
  feeEn: formList(500, PROCEDURE_ROWS),
  portalUrl: formList(2000, PROCEDURE_ROWS),
  bankBin: formText(20),
  bankAccountNumber: formText(40),
  bankAccountName: formText(200),
});
export type ProfileFormBody = z.infer<typeof ProfileFormSchema>;
/** What the form shows: the body without its CSRF token. */
export type ProfileFormValues = Omit<ProfileFormBody, 'csrf'>;
