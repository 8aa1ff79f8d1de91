import { z } from 'zod';
import { ProcedureCodeSchema, FeeSchema } from './procedure.ts';
import { ReformModelIdSchema } from './reform-model.ts';
import { LEXICON_KEY_PATTERN } from '../speech/lexicon.ts';
import { DEFAULT_SPEECH_VOICE, SPEECH_VOICES } from '../speech/voices.ts';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const WorkingPeriodSchema = z.object({ start: ClockTime, end: ClockTime });
export type WorkingPeriod = z.infer<typeof WorkingPeriodSchema>;

/** ISO weekday: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). */
export const WeekdaySchema = z.number().int().min(1).max(7);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** One model on one weekday, and the procedures it covers. */
export const ScheduledModelSchema = z.object({
  model: ReformModelIdSchema,
  procedures: z.array(ProcedureCodeSchema),
  /** Gia Lâm: result within 2 working hours of receipt on a no-appointment day. */
  returnWithinWorkingHours: z.number().positive().optional(),
});
export type ScheduledModel = z.infer<typeof ScheduledModelSchema>;

export const ScheduleDaySchema = z.object({
  weekday: WeekdaySchema,
  models: z.array(ScheduledModelSchema).min(1),
});

/** VietQR beneficiary account for fees (NAPAS 247), only where the office configured one. */
export const BankAccountSchema = z.object({
  /** 6-digit NAPAS bank identification number. */
  bin: z.string().regex(/^\d{6}$/),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/),
  accountName: z.string().min(1),
});
export type BankAccount = z.infer<typeof BankAccountSchema>;

/** Reading aloud (shared/speech): the kiosk's voice and the office's own abbreviations. */
export const SpeechSettingsSchema = z.object({
  /** espeak-ng voice: Northern (vi), Central or Southern Vietnamese. */
  voice: z.enum(SPEECH_VOICES).default(DEFAULT_SPEECH_VOICE),
  /** Abbreviation as written → its reading in words, e.g. "BPMC": "Bộ phận một cửa"; added to the built-in list. */
  lexicon: z
    .record(
      z
        .string()
        .regex(LEXICON_KEY_PATTERN, 'expected an abbreviation without spaces (at most 24 characters)'),
      z.string().trim().min(1).max(200),
    )
    .default({}),
});
export type SpeechSettings = z.infer<typeof SpeechSettingsSchema>;

/**
 * The office profile a kiosk loads from a file at start: who the office is, when it
 * works, and its weekly schedule of reform models.
 */
export const OfficeProfileSchema = z.object({
  schemaVersion: z.literal(1),
  office: z.object({
    name: z.string().min(1),
    /** 5-digit commune code of the post-July-2025 units (../shared/data/vn-admin-units-2025). */
    communeCode: z.string().regex(/^\d{5}$/),
    /** 2-digit province code. */
    provinceCode: z.string().regex(/^\d{2}$/),
    /** Agency code used in dossier codes (Circular 01/2018 Art. 19). */
    agencyCode: z.string().min(1),
    address: z.string().min(1),
  }),
  workingHours: z.object({
    periods: z.array(WorkingPeriodSchema).min(1),
    /** ISO weekdays the office works; default Monday–Friday. */
    workingDays: z.array(WeekdaySchema).min(1),
    /** Periods on Saturday when the office runs "Sáng thứ Bảy vì dân". */
    saturdayPeriods: z.array(WorkingPeriodSchema).default([]),
  }),
  /** Public holidays (and make-up days off) per year, as YYYY-MM-DD in Vietnam. */
  holidays: z.record(z.string().regex(/^\d{4}$/), z.array(IsoDate)),
  schedule: z.array(ScheduleDaySchema),
  feeOverrides: z.record(ProcedureCodeSchema, FeeSchema).default({}),
  portalUrls: z.record(ProcedureCodeSchema, z.url()).default({}),
  bankAccount: BankAccountSchema.optional(),
  /** Reading aloud; absent: the Northern voice and the built-in abbreviations. */
  speech: SpeechSettingsSchema.optional(),
  /** Free notes for people maintaining the profile: sources, what a report leaves open, examples. Not shown to citizens. */
  notes: z.array(z.string().min(1)).optional(),
  kiosk: z
    .object({
      idleTimeoutSeconds: z.number().int().min(15).default(90),
      idleWarningSeconds: z.number().int().min(5).default(20),
      receiptPaper: z.enum(['80mm', 'A5', 'A4']).default('A5'),
      printerName: z.string().optional(),
      officeServerUrl: z.url().optional(),
      /**
       * The code that authorises setting the officer PIN of the kiosk's settings (first
       * run) or resetting a forgotten one. It lives in the profile file, which only whoever
       * installs the kiosk can write, so a member of the public at the screen cannot claim
       * settings on a fresh kiosk. Without it, first-run setup is allowed only while no PIN
       * exists, with a warning to set it at installation.
       */
      setupCode: z
        .string()
        .regex(/^\d{6,12}$/, 'expected 6 to 12 digits')
        .optional(),
      /**
       * Days after the office acknowledged a dossier before the kiosk removes its personal
       * data (answers, full name, photos); code, procedure and status stay for the receipt
       * look-up. Absent: 30 (renderer/features/retention).
       */
      personalDataRetentionDays: z.number().int().min(1).max(3650).optional(),
    })
    .default({ idleTimeoutSeconds: 90, idleWarningSeconds: 20, receiptPaper: 'A5' }),
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;
export type OfficeProfileInput = z.input<typeof OfficeProfileSchema>;
