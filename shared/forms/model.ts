/**
 * Declaration forms as data. One definition drives the touch wizard (one section per
 * step), the validation (validateForm) and the printed A4 layout (the `print` hints), so
 * the three can never disagree.
 */
import { z } from 'zod';
import { LocalisedTextSchema } from '../domain/localised.ts';
import { ProcedureCodeSchema } from '../domain/procedure.ts';

export const FIELD_TYPES = [
  'text',
  /** A person's full name (họ, chữ đệm, tên): the wizard offers capitalisation help. */
  'name',
  /** dd/mm/yyyy, typed on a numeric keypad. */
  'date',
  /** HH:mm on the 24-hour clock (e.g. the time of death on the death declaration). */
  'time',
  /** 12-digit personal identification number (CCCD / số định danh cá nhân). */
  'personal-id',
  'phone',
  'email',
  'number',
  'select',
  /** 2-digit code of a post-July-2025 province (shared/admin-units). */
  'province',
  /** 5-digit code of a post-July-2025 commune/ward, within the province field named by `provinceField`. */
  'commune',
  /** House number, street, hamlet (thôn/xóm/tổ) — the free-text part of an address. */
  'address-detail',
  /** 'male' | 'female', shown and printed as Nam / Nữ. */
  'sex',
  /** One of the 54 ethnic groups (shared/forms/ethnicities.ts); free text is accepted. */
  'ethnicity',
  'nationality',
  'textarea',
  /** 'true' when ticked, '' otherwise. */
  'checkbox',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/**
 * Show (or require) something when another field has a value: `equals` one of the
 * given values, or `notEmpty`. Conditions refer to field ids of the same form.
 */
export const ConditionSchema = z.union([
  z.object({ field: z.string().min(1), equals: z.union([z.string(), z.array(z.string()).min(1)]) }),
  z.object({ field: z.string().min(1), notEmpty: z.literal(true) }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** What a chip-ID-card QR scan can fill into a field (see shared/identity/apply-person.ts). */
export const AUTOFILL_KEYS = [
  'personalId',
  'oldId',
  'fullName',
  'dateOfBirth',
  /** The year of birth alone (the parents on the birth declaration: "Năm sinh"). */
  'birthYear',
  'sex',
  'issueDate',
  /** The whole address as one text (for forms that keep it as one field). */
  'address',
  'addressProvince',
  'addressCommune',
  'addressDetail',
  /** Nationality "Việt Nam": a chip ID card is only issued to Vietnamese citizens. */
  'nationality',
] as const;
export const AutofillKeySchema = z.enum(AUTOFILL_KEYS);
export type AutofillKey = z.infer<typeof AutofillKeySchema>;

/**
 * One quick pick: fixed words, or a place the kiosk knows, written as people write it on a
 * form ("Xã Gia Lâm, Thành phố Hà Nội"): the office's own commune, or the commune of a
 * residence entered on an earlier step (`of`: the prefix of its province/commune fields).
 */
export const SuggestionSchema = z.union([
  LocalisedTextSchema,
  z.object({ place: z.literal('office') }),
  z.object({ place: z.literal('residence'), of: z.string().min(1) }),
]);
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SelectOptionSchema = z.object({ value: z.string().min(1), label: LocalisedTextSchema });
export type SelectOption = z.infer<typeof SelectOptionSchema>;

export const FieldSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]*$/),
  label: LocalisedTextSchema,
  type: FieldTypeSchema,
  help: LocalisedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Required only when this holds (in addition to being visible). */
  requiredWhen: ConditionSchema.optional(),
  /** Shown (and validated, and printed) only when this holds. */
  showWhen: ConditionSchema.optional(),
  options: z.array(SelectOptionSchema).optional(),
  /**
   * Quick picks for a text or number field: the answers people give most, one tap each
   * instead of typing (the Vietnamese text is what is stored and printed). Typing stays.
   */
  suggestions: z.array(SuggestionSchema).max(12).optional(),
  maxLength: z.number().int().positive().optional(),
  defaultValue: z.string().optional(),
  date: z
    .object({
      notFuture: z.boolean().optional(),
      notPast: z.boolean().optional(),
      maxAgeYears: z.number().int().positive().optional(),
      /** Marriage registration: minimum legal age of this person (Law on Marriage and Family 2014 Art. 8). */
      marriageAgeOf: z.enum(['male', 'female']).optional(),
      /** Cannot be before the date in this field (e.g. date of death after date of birth). */
      notBeforeField: z.string().optional(),
    })
    .optional(),
  number: z
    .object({
      integer: z.boolean().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      /** For a year: not after the current year in Vietnam. */
      maxCurrentYear: z.boolean().optional(),
      /** An amount in đồng: shown and printed as "50.000.000 đ". */
      currency: z.literal('vnd').optional(),
    })
    .optional(),
  /** Cross-check a personal ID against the holder's date of birth and sex fields. */
  personalId: z
    .object({
      dateOfBirthField: z.string().optional(),
      /** When the form asks only a year of birth (parents on the birth declaration). */
      birthYearField: z.string().optional(),
      sexField: z.string().optional(),
    })
    .optional(),
  /** For a commune field: the province field it belongs to. */
  provinceField: z.string().optional(),
  /**
   * A place name typed as free text ("Nơi sinh", "Quê quán"): each word starts with a capital
   * as it is typed, like a person's name (see `capitalisesWords`).
   */
  capitalise: z.literal('words').optional(),
  autofill: AutofillKeySchema.optional(),
  print: z
    .object({
      /** Printed label when it differs from the on-screen one (the official wording). */
      label: z.string().optional(),
      /** Not printed (screen-only helpers). */
      hidden: z.boolean().optional(),
      /** Printed on the same line as the previous field ("Giới tính: … Dân tộc: … Quốc tịch: …"). */
      sameLine: z.boolean().optional(),
    })
    .optional(),
});
export type FieldDef = z.infer<typeof FieldSchema>;
export type FieldDefInput = z.input<typeof FieldSchema>;

export const SectionSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.-]*$/),
  /** Title of the wizard step. */
  title: LocalisedTextSchema,
  description: LocalisedTextSchema.optional(),
  showWhen: ConditionSchema.optional(),
  /** Which person a chip-ID QR scan may fill in this section (shows the "scan ID card" button). */
  acceptsIdCard: z.boolean().default(false),
  /**
   * This section's person is the one entered in `section` when `when` holds (the declarant
   * is the mother): what that section knows is carried over, field by field of the same
   * autofill kind, so nobody enters or scans the same person twice.
   */
  samePersonAs: z.object({ section: z.string().min(1), when: ConditionSchema }).optional(),
  fields: z.array(FieldSchema).min(1),
  print: z
    .object({
      /** Heading printed above the section, when the official form has one. */
      heading: z.string().optional(),
      /** Official layout with two people side by side (marriage: Bên nữ | Bên nam). */
      column: z.enum(['left', 'right']).optional(),
      hidden: z.boolean().optional(),
    })
    .optional(),
});
export type SectionDef = z.infer<typeof SectionSchema>;

export const SignatureBoxSchema = z.object({
  /** "Người yêu cầu", "Bên nữ", "Bên nam", … (printed above the box). */
  role: LocalisedTextSchema,
  /** "(Ký, ghi rõ họ, chữ đệm, tên)". */
  hint: LocalisedTextSchema,
  /** Field whose value is printed under the signature space. */
  nameField: z.string().optional(),
  /** Leave room for a fingerprint (điểm chỉ) next to the signature. */
  fingerprint: z.boolean().default(true),
});
export type SignatureBox = z.infer<typeof SignatureBoxSchema>;

export const FormSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: LocalisedTextSchema,
  /** National procedure codes this form is the declaration for. */
  procedures: z.array(ProcedureCodeSchema).min(1),
  /** Starting values per procedure when one form serves several (certification: copy vs signature). */
  procedureDefaults: z.record(ProcedureCodeSchema, z.record(z.string(), z.string())).optional(),
  /** The official form this one follows, and where it comes from. */
  officialForm: z.object({
    name: LocalisedTextSchema,
    legalBasis: z.array(z.string().min(1)).min(1),
    /** What was checked and what was not. */
    note: z.string().optional(),
  }),
  sections: z.array(SectionSchema).min(1),
  print: z.object({
    /** National motto header "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc". */
    nationalHeader: z.boolean().default(true),
    /** Printed title, upper case, Vietnamese (official forms are printed in Vietnamese). */
    title: z.string().min(1),
    /** "Kính gửi: …" line, filled from a field or from the office name when the field is absent. */
    addressee: z.object({ label: z.string().min(1), field: z.string().optional() }).optional(),
    /** Sentence printed before the signatures ("Tôi cam đoan …"). */
    pledge: z.string().optional(),
    /** "Làm tại: …, ngày … tháng … năm …". */
    placeDateLine: z.boolean().default(true),
    signatures: z.array(SignatureBoxSchema).min(1),
  }),
});
export type FormDef = z.infer<typeof FormSchema>;
export type FormDefInput = z.input<typeof FormSchema>;

/** Values of one form: field id → NFC string ('' for empty, 'true' for a ticked checkbox). */
export type FormValues = Readonly<Record<string, string>>;
