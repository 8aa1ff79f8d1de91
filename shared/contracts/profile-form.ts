import { z } from 'zod';

/**
 * The office profile as the dashboard's form posts it (`/config/profile/form`). Every
 * field arrives as the officer typed it: the office maps the text onto a profile
 * (office/profile-form.ts) and checks it with the kiosk's own validation, so a refusal
 * shows the same text again. A field repeated in the form (one per row or per ticked
 * box) arrives as a list; a single one as a string, read here as a one-item list.
 */

const text = (max: number) => z.string().max(max).default('');
const many = (max: number, count: number) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(count)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Up to this many procedures in the catalogue the form lists (one row each). */
const PROCEDURE_ROWS = 500;
/** Weekdays × models × procedures ticked in the grid. */
const GRID_CELLS = 7 * 8 * PROCEDURE_ROWS;

export const ProfileFormSchema = z.object({
  csrf: z.string().min(1).max(200),
  /** The version the form was opened on: a save over a newer one asks to look again. */
  baseVersion: text(100),
  officeName: text(300),
  communeCode: text(20),
  provinceCode: text(20),
  agencyCode: text(100),
  address: text(500),
  /** ISO weekdays ticked as working days ("1" … "7"). */
  workingDays: many(2, 7),
  /** Working periods, one row each: starts and ends by row, blank rows ignored. */
  periodStart: many(10, 10),
  periodEnd: many(10, 10),
  saturdayStart: many(10, 10),
  saturdayEnd: many(10, 10),
  /** Holidays, one date per line as dd/mm/yyyy. */
  holidays: text(20_000),
  /** A model run on a weekday: "weekday:model". */
  runs: many(40, 7 * 8),
  /** A procedure served under a model on a weekday: "weekday:model:code". */
  cell: many(40, GRID_CELLS),
  /** Per weekday (Monday first): the no-appointment result within this many working hours. */
  returnHours: many(10, 7),
  /** One row per catalogue procedure: its code, then the office's fee and portal link. */
  procedure: many(20, PROCEDURE_ROWS),
  feeAmount: many(30, PROCEDURE_ROWS),
  feeVi: many(500, PROCEDURE_ROWS),
  feeEn: many(500, PROCEDURE_ROWS),
  portalUrl: many(2000, PROCEDURE_ROWS),
  bankBin: text(20),
  bankAccountNumber: text(40),
  bankAccountName: text(200),
});
export type ProfileFormBody = z.infer<typeof ProfileFormSchema>;
/** What the form shows: the body without its CSRF token. */
export type ProfileFormValues = Omit<ProfileFormBody, 'csrf'>;
