/**
 * The office profile ↔ the dashboard's profile form. The form holds text as typed
 * (ProfileFormValues); `formToProfile` turns it into a profile candidate and lists what
 * it could not read, and `explainProfileErrors` places the kiosk's own validation errors
 * (shared/domain/profile-validation.ts) in the form's sections, naming procedures,
 * weekdays and models in words. Fields the form does not show (kiosk settings, speech,
 * notes) are carried over from the profile being edited.
 */
import type { ProfileFormValues } from '../shared/contracts/profile-form.ts';
import type { LocalisedText } from '../shared/domain/localised.ts';
import type { OfficeProfile } from '../shared/domain/office-profile.ts';
import type { Catalogue, Fee } from '../shared/domain/procedure.ts';
import type { ProfileError } from '../shared/domain/profile-validation.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from '../shared/domain/reform-model.ts';
import { formatVietnamDate, isRealDate } from '../shared/domain/vietnam-time.ts';
import { parseDmy } from '../shared/forms/dates.ts';
import { dictionaries } from './dashboard/i18n.ts';

export const FORM_SECTIONS = [
  'office',
  'hours',
  'holidays',
  'schedule',
  'procedures',
  'bank',
  'other',
] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

/** One thing wrong, placed in a section; `where` names the field in words when it helps. */
export interface FormProblem {
  section: FormSection;
  where?: LocalisedText;
  message: LocalisedText;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_NAMES: Record<number, LocalisedText> = {
  1: { vi: 'Thứ Hai', en: 'Monday' },
  2: { vi: 'Thứ Ba', en: 'Tuesday' },
  3: { vi: 'Thứ Tư', en: 'Wednesday' },
  4: { vi: 'Thứ Năm', en: 'Thursday' },
  5: { vi: 'Thứ Sáu', en: 'Friday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
  7: { vi: 'Chủ nhật', en: 'Sunday' },
};
/** Model names as the dashboard shows them everywhere (office/locales `model.*`). */
const modelNameOf = (model: ReformModelId): LocalisedText => ({
  vi: dictionaries.vi[`model.${model}`]!,
  en: dictionaries.en[`model.${model}`]!,
});
/** Models that apply to the whole desk, not to chosen procedures. */
export const DESK_WIDE_MODELS: ReadonlySet<ReformModelId> = new Set(['extra-half-hour']);
/** Rows shown for working periods: the office's own plus one blank to add. */
const MIN_PERIOD_ROWS = 2;

const problem = (section: FormSection, vi: string, en: string, where?: LocalisedText): FormProblem => ({
  section,
  message: { vi, en },
  ...(where ? { where } : {}),
});

/** The form as it opens on a profile (or, before any is published, on office defaults). */
export function profileToForm(
  profile: OfficeProfile | null,
  catalogue: Catalogue,
  version: string | null = null,
): ProfileFormValues {
  const periods = profile?.workingHours.periods ?? [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ];
  const saturday = profile?.workingHours.saturdayPeriods ?? [];
  const rows = (list: { start: string; end: string }[], min: number) => {
    const padded = [...list, ...Array.from({ length: Math.max(1, min - list.length) }, () => null)];
    return { start: padded.map((p) => p?.start ?? ''), end: padded.map((p) => p?.end ?? '') };
  };
  const weekdays = rows(periods, MIN_PERIOD_ROWS);
  const saturdays = rows(saturday, 1);
  const runs: string[] = [];
  const cell: string[] = [];
  const returnHours = WEEKDAYS.map(() => '');
  for (const day of profile?.schedule ?? []) {
    for (const m of day.models) {
      runs.push(`${day.weekday}:${m.model}`);
      for (const code of m.procedures) cell.push(`${day.weekday}:${m.model}:${code}`);
      if (m.model === 'no-appointment' && m.returnWithinWorkingHours !== undefined)
        returnHours[day.weekday - 1] = String(m.returnWithinWorkingHours);
    }
  }
  const procedures = catalogue.procedures;
  const fee = (code: string) => profile?.feeOverrides[code];
  return {
    baseVersion: version ?? '',
    officeName: profile?.office.name ?? '',
    communeCode: profile?.office.communeCode ?? '',
    provinceCode: profile?.office.provinceCode ?? '',
    agencyCode: profile?.office.agencyCode ?? '',
    address: profile?.office.address ?? '',
    workingDays: (profile?.workingHours.workingDays ?? [1, 2, 3, 4, 5]).map(String),
    periodStart: weekdays.start,
    periodEnd: weekdays.end,
    saturdayStart: saturdays.start,
    saturdayEnd: saturdays.end,
    holidays: Object.values(profile?.holidays ?? {})
      .flat()
      .sort()
      .map((d) => formatVietnamDate(d))
      .join('\n'),
    runs,
    cell,
    returnHours,
    procedure: procedures.map((p) => p.code),
    feeAmount: procedures.map((p) => {
      const amount = fee(p.code)?.amountVnd;
      return amount === undefined || amount === null ? '' : String(amount);
    }),
    feeVi: procedures.map((p) => fee(p.code)?.description.vi ?? ''),
    feeEn: procedures.map((p) => fee(p.code)?.description.en ?? ''),
    portalUrl: procedures.map((p) => profile?.portalUrls[p.code] ?? ''),
    bankBin: profile?.bankAccount?.bin ?? '',
    bankAccountNumber: profile?.bankAccount?.accountNumber ?? '',
    bankAccountName: profile?.bankAccount?.accountName ?? '',
  };
}

/**
 * The profile the form describes, on top of `base` (the profile being edited) for the
 * fields the form does not show. `problems` lists text the form could not read; the
 * candidate is then still built (without that text) so the validation can add its own.
 */
export function formToProfile(
  form: ProfileFormValues,
  base: OfficeProfile | null,
  catalogue: Catalogue,
): { profile: Record<string, unknown>; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const names = procedureNames(catalogue);
  const codes = new Set(catalogue.procedures.map((p) => p.code));

  const periods = readPeriods(form.periodStart, form.periodEnd, 'weekday', problems);
  const saturdayPeriods = readPeriods(form.saturdayStart, form.saturdayEnd, 'saturday', problems);
  const workingDays = WEEKDAYS.filter((d) => form.workingDays.includes(String(d)));

  const holidays: Record<string, string[]> = {};
  form.holidays.split(/[\n,;]+/).forEach((line, i) => {
    const typed = line.trim();
    if (!typed) return;
    const d = parseDmy(typed);
    if (!d) {
      problems.push(
        problem(
          'holidays',
          `Dòng ${i + 1}: "${typed}" không phải ngày có thật; ghi ngày/tháng/năm, ví dụ 02/09/2026.`,
          `Line ${i + 1}: "${typed}" is not a real date; write day/month/year, e.g. 02/09/2026.`,
        ),
      );
      return;
    }
    const iso = `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    const year = iso.slice(0, 4);
    const list = (holidays[year] ??= []);
    if (!list.includes(iso)) list.push(iso);
  });
  for (const list of Object.values(holidays)) list.sort();

  const schedule: { weekday: number; models: Record<string, unknown>[] }[] = [];
  for (const weekday of WEEKDAYS) {
    const models: Record<string, unknown>[] = [];
    for (const model of REFORM_MODEL_IDS) {
      const prefix = `${weekday}:${model}:`;
      const ticked = new Set(
        form.cell.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length)),
      );
      if (!form.runs.includes(`${weekday}:${model}`) && ticked.size === 0) continue;
      // The kiosk lists them in this order: kept from the profile edited, new ones after in catalogue order.
      const before = base?.schedule.find((d) => d.weekday === weekday)?.models.find((m) => m.model === model);
      const order = [...(before?.procedures ?? []), ...catalogue.procedures.map((p) => p.code)];
      const entry: Record<string, unknown> = {
        model,
        procedures: [...new Set(order)].filter((c) => ticked.has(c)),
      };
      const hours = (form.returnHours[weekday - 1] ?? '').trim();
      if (model === 'no-appointment' && hours) {
        const n = Number(hours.replace(',', '.'));
        if (Number.isFinite(n) && n > 0) entry.returnWithinWorkingHours = n;
        else
          problems.push(
            problem(
              'schedule',
              `"${hours}" không phải số giờ làm việc; ghi một số lớn hơn 0, ví dụ 2.`,
              `"${hours}" is not a number of working hours; write a number above 0, e.g. 2.`,
              joinWhere(WEEKDAY_NAMES[weekday]!, modelNameOf(model)),
            ),
          );
      }
      models.push(entry);
    }
    if (models.length) schedule.push({ weekday, models });
  }

  const feeOverrides: Record<string, Fee> = {};
  const portalUrls: Record<string, string> = {};
  form.procedure.forEach((code, i) => {
    if (!codes.has(code)) return;
    const where = names.get(code);
    const amountText = (form.feeAmount[i] ?? '').trim();
    const vi = (form.feeVi[i] ?? '').trim();
    const en = (form.feeEn[i] ?? '').trim();
    if (amountText || vi || en) {
      const amount = readAmount(amountText);
      if (amount === undefined) {
        problems.push(
          problem(
            'procedures',
            `Lệ phí "${amountText}" không phải số tiền; ghi số đồng, ví dụ 20000 hoặc 20.000.`,
            `Fee "${amountText}" is not an amount; write it in đồng, e.g. 20000 or 20.000.`,
            where,
          ),
        );
      } else if (amount === null && (!vi || !en)) {
        problems.push(
          problem(
            'procedures',
            'Không ghi số tiền thì cần ghi cách tính lệ phí bằng cả tiếng Việt và tiếng Anh.',
            'Without an amount, describe the fee in both Vietnamese and English.',
            where,
          ),
        );
      } else {
        feeOverrides[code] = {
          amountVnd: amount,
          description: { vi: vi || amountWords(amount, 'vi'), en: en || amountWords(amount, 'en') },
        };
      }
    }
    const url = (form.portalUrl[i] ?? '').trim();
    if (url) portalUrls[code] = url;
  });

  const bin = form.bankBin.trim();
  const accountNumber = form.bankAccountNumber.replace(/\s+/g, '');
  const accountName = form.bankAccountName.trim();
  let bankAccount: Record<string, string> | undefined;
  if (bin || accountNumber || accountName) {
    bankAccount = { bin, accountNumber, accountName };
  }

  const profile: Record<string, unknown> = {
    ...(base ?? { schemaVersion: 1 }),
    office: {
      name: form.officeName.trim(),
      communeCode: form.communeCode.trim(),
      provinceCode: form.provinceCode.trim(),
      agencyCode: form.agencyCode.trim(),
      address: form.address.trim(),
    },
    workingHours: { periods, workingDays, saturdayPeriods },
    holidays,
    schedule,
    feeOverrides,
    portalUrls,
  };
  if (bankAccount) profile.bankAccount = bankAccount;
  else delete profile.bankAccount;
  return { profile, problems };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function readPeriods(
  starts: string[],
  ends: string[],
  kind: 'weekday' | 'saturday',
  problems: FormProblem[],
): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  const label: LocalisedText =
    kind === 'weekday'
      ? { vi: 'Giờ làm việc', en: 'Working hours' }
      : { vi: 'Giờ làm việc sáng thứ Bảy', en: 'Saturday working hours' };
  for (let i = 0; i < Math.max(starts.length, ends.length); i++) {
    const start = (starts[i] ?? '').trim();
    const end = (ends[i] ?? '').trim();
    if (!start && !end) continue;
    const s = readClock(start);
    const e = readClock(end);
    if (s === null || e === null) {
      const bad = s === null ? start : end;
      problems.push(
        problem(
          'hours',
          bad
            ? `"${bad}" không phải giờ; ghi giờ:phút theo 24 giờ, ví dụ 07:30 hoặc 17:00.`
            : 'Mỗi buổi cần cả giờ bắt đầu và giờ kết thúc.',
          bad
            ? `"${bad}" is not a time; write hours:minutes on the 24-hour clock, e.g. 07:30 or 17:00.`
            : 'Each period needs both a start and an end.',
          label,
        ),
      );
      continue;
    }
    out.push({ start: s, end: e });
  }
  return out;
}

/** "7:30", "07:30", "7h30" → "07:30"; anything else → null. */
export function readClock(text: string): string | null {
  const m = /^(\d{1,2})\s*[:hg.]\s*(\d{2})$/i.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** "20.000", "20 000", "20000" → 20000; blank → null (the fee varies); otherwise undefined. */
export function readAmount(text: string): number | null | undefined {
  if (!text) return null;
  const digits = text.replace(/[\s.,]/g, '').replace(/(đồng|đ|vnd)$/i, '');
  if (!/^\d{1,12}$/.test(digits)) return undefined;
  return Number(digits);
}

export function amountWords(amount: number | null, lang: 'vi' | 'en'): string {
  if (amount === null) return '';
  if (amount === 0) return lang === 'vi' ? 'Không thu phí' : 'No fee';
  return lang === 'vi' ? `${amount.toLocaleString('de-DE')} đồng` : `${amount.toLocaleString('en-US')} VND`;
}

function procedureNames(catalogue: Catalogue): Map<string, LocalisedText> {
  return new Map(catalogue.procedures.map((p) => [p.code, p.name]));
}

function joinWhere(...parts: LocalisedText[]): LocalisedText {
  return { vi: parts.map((p) => p.vi).join(' · '), en: parts.map((p) => p.en).join(' · ') };
}

const FIELD_NAMES: Record<string, LocalisedText> = {
  'office.name': { vi: 'Tên cơ quan', en: 'Office name' },
  'office.communeCode': { vi: 'Mã xã, phường', en: 'Commune code' },
  'office.provinceCode': { vi: 'Mã tỉnh, thành phố', en: 'Province code' },
  'office.agencyCode': { vi: 'Mã cơ quan', en: 'Agency code' },
  'office.address': { vi: 'Địa chỉ', en: 'Address' },
  'workingHours.periods': { vi: 'Giờ làm việc', en: 'Working hours' },
  'workingHours.saturdayPeriods': { vi: 'Giờ làm việc sáng thứ Bảy', en: 'Saturday working hours' },
  'workingHours.workingDays': { vi: 'Ngày làm việc', en: 'Working days' },
  'bankAccount.bin': { vi: 'Mã BIN ngân hàng', en: 'Bank BIN' },
  'bankAccount.accountNumber': { vi: 'Số tài khoản', en: 'Account number' },
  'bankAccount.accountName': { vi: 'Tên chủ tài khoản', en: 'Account holder' },
};

/**
 * The kiosk's validation errors, each in the section it belongs to and with the place
 * named in words (weekday, model, procedure name, date) rather than a JSON path.
 */
export function explainProfileErrors(
  errors: readonly ProfileError[],
  profile: Record<string, unknown>,
  catalogue: Catalogue,
): FormProblem[] {
  const names = procedureNames(catalogue);
  const schedule = (profile.schedule ?? []) as {
    weekday: number;
    models: { model: ReformModelId; procedures: string[] }[];
  }[];
  return errors.map((e): FormProblem => {
    const field = FIELD_NAMES[e.path.replace(/\[\d+\]$/, '')];
    // Where the fix is typed: a message that points at another field ("a cashless day needs
    // the fee account (bankAccount)") belongs to that field's section.
    const pointed = /\((?:see )?([a-z][A-Za-z]*)(?:\.[A-Za-z]+)*\)/.exec(e.message.en)?.[1];
    const section = sectionOf(pointed ?? e.path);
    let where: LocalisedText | undefined = field;
    const sched = /^schedule\[(\d+)\](?:\.models\[(\d+)\](?:\.procedures\[(\d+)\])?)?/.exec(e.path);
    if (sched) {
      const day = schedule[Number(sched[1])];
      const model = sched[2] !== undefined ? day?.models[Number(sched[2])] : undefined;
      const code = sched[3] !== undefined ? model?.procedures[Number(sched[3])] : undefined;
      const parts = [
        day ? WEEKDAY_NAMES[day.weekday] : undefined,
        model ? modelNameOf(model.model) : undefined,
        code ? names.get(code) : undefined,
      ].filter((p): p is LocalisedText => p !== undefined);
      if (parts.length) where = joinWhere(...parts);
    }
    const perProcedure = /^(feeOverrides|portalUrls)\["([^"]+)"\]/.exec(e.path);
    if (perProcedure) where = names.get(perProcedure[2]!);
    const holiday = /^holidays\["?(\d{4})"?\]\[(\d+)\]/.exec(e.path);
    if (holiday) {
      const date = (profile.holidays as Record<string, string[]> | undefined)?.[holiday[1]!]?.[
        Number(holiday[2])
      ];
      if (date && isRealDate(date)) where = { vi: formatVietnamDate(date), en: formatVietnamDate(date) };
    }
    // The kiosk's messages name the file's fields ("(bankAccount)"); the form names its own places.
    const message = { vi: withoutFieldNames(e.message.vi), en: withoutFieldNames(e.message.en) };
    return { section, message, ...(where ? { where } : {}) };
  });
}

function withoutFieldNames(text: string): string {
  return text.replace(/\s*\((?:xem |see )?[a-z]+[A-Za-z]*(?:\.[A-Za-z]+)*\)/g, '');
}

const SECTION_OF_FIELD: Record<string, FormSection> = {
  office: 'office',
  workingHours: 'hours',
  holidays: 'holidays',
  schedule: 'schedule',
  feeOverrides: 'procedures',
  portalUrls: 'procedures',
  bankAccount: 'bank',
};

function sectionOf(path: string): FormSection {
  return SECTION_OF_FIELD[/^[A-Za-z]+/.exec(path)?.[0] ?? ''] ?? 'other';
}
