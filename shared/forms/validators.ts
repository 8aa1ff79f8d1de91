/**
 * Field validators. All are pure: a value (and what they need to compare it with) in,
 * a message in both languages or null out. They never change any value, so a wrong
 * value can never clear anything else the citizen entered.
 */
import type { LocalisedText } from '../domain/localised.ts';
import { checkPersonalId, compactPersonalId, type Sex } from '../identity/personal-id.ts';
import { ageInYears, compareDates, parseDmy, vietnamCalendarDate, type CalendarDate } from './dates.ts';

export type Message = LocalisedText;

export const messages = {
  required: { vi: 'Vui lòng nhập thông tin này.', en: 'Please fill in this field.' },
  requiredChoice: { vi: 'Vui lòng chọn một mục.', en: 'Please choose an option.' },
  mustTick: { vi: 'Vui lòng đánh dấu để xác nhận.', en: 'Please tick to confirm.' },
  nameChars: {
    vi: 'Họ tên chỉ gồm chữ cái, dấu cách và dấu gạch nối.',
    en: 'A name has only letters, spaces and hyphens.',
  },
  dateBefore: (what: LocalisedText): Message => ({
    vi: `Ngày này không được trước ${what.vi}.`,
    en: `This date cannot be before ${what.en}.`,
  }),
  idFormat: {
    vi: 'Số định danh cá nhân gồm đúng 12 chữ số.',
    en: 'The personal ID number has exactly 12 digits.',
  },
  idProvince: {
    vi: 'Ba chữ số đầu của số định danh không phải mã tỉnh nơi đăng ký khai sinh hợp lệ.',
    en: 'The first three digits are not a valid province-of-birth-registration code.',
  },
  idCentury: {
    vi: 'Chữ số thứ 4 của số định danh (thế kỷ sinh, giới tính) không khớp với năm sinh đã nhập.',
    en: 'The 4th digit (century of birth and sex) does not match the date of birth entered.',
  },
  idBirthYear: {
    vi: 'Chữ số thứ 5–6 của số định danh phải là hai số cuối của năm sinh.',
    en: 'Digits 5–6 must be the last two digits of the year of birth.',
  },
  idSex: {
    vi: 'Chữ số thứ 4 của số định danh không khớp với giới tính đã chọn.',
    en: 'The 4th digit of the ID number does not match the sex chosen.',
  },
  phone: {
    vi: 'Số điện thoại không hợp lệ: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84), cố định 11 số bắt đầu bằng 02.',
    en: 'Invalid phone number: mobile numbers have 10 digits starting 03, 05, 07, 08 or 09 (or +84); landlines 11 digits starting 02.',
  },
  email: { vi: 'Địa chỉ email không hợp lệ.', en: 'Invalid email address.' },
  dateFormat: {
    vi: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/1990.',
    en: 'Enter the date as day/month/year, for example 05/09/1990.',
  },
  dateNotReal: { vi: 'Ngày này không có trong lịch.', en: 'This date does not exist.' },
  dateFuture: { vi: 'Ngày không được sau ngày hôm nay.', en: 'The date cannot be after today.' },
  datePast: { vi: 'Ngày không được trước ngày hôm nay.', en: 'The date cannot be before today.' },
  time: {
    vi: 'Nhập giờ theo dạng giờ:phút, ví dụ 08:30.',
    en: 'Enter the time as hours:minutes, for example 08:30.',
  },
  number: { vi: 'Vui lòng nhập một số.', en: 'Please enter a number.' },
  integer: { vi: 'Vui lòng nhập số nguyên.', en: 'Please enter a whole number.' },
  select: { vi: 'Lựa chọn không hợp lệ.', en: 'Invalid choice.' },
  commune: {
    vi: 'Xã/phường không thuộc tỉnh/thành phố đã chọn.',
    en: 'The commune/ward is not in the province chosen.',
  },
  unknownUnit: { vi: 'Đơn vị hành chính không tồn tại.', en: 'Unknown administrative unit.' },
  tooLong: (max: number): Message => ({
    vi: `Tối đa ${max} ký tự.`,
    en: `At most ${max} characters.`,
  }),
  tooOld: (years: number): Message => ({
    vi: `Ngày sinh không hợp lý (trên ${years} tuổi).`,
    en: `Implausible date of birth (over ${years} years old).`,
  }),
  minNumber: (min: number): Message => ({ vi: `Giá trị tối thiểu là ${min}.`, en: `The minimum is ${min}.` }),
  maxNumber: (max: number): Message => ({ vi: `Giá trị tối đa là ${max}.`, en: `The maximum is ${max}.` }),
  /** Law on Marriage and Family 2014, Art. 8(1)(a): "Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên". */
  marriageAge: (sex: Sex): Message =>
    sex === 'male'
      ? {
          vi: 'Nam phải từ đủ 20 tuổi trở lên mới được kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).',
          en: 'A man must be at least 20 full years old to marry (Law on Marriage and Family 2014, Art. 8).',
        }
      : {
          vi: 'Nữ phải từ đủ 18 tuổi trở lên mới được kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).',
          en: 'A woman must be at least 18 full years old to marry (Law on Marriage and Family 2014, Art. 8).',
        },
} as const;

/** Minimum marriage age, Law on Marriage and Family 2014 (52/2014/QH13) Art. 8(1)(a). */
export const MARRIAGE_MIN_AGE: Readonly<Record<Sex, number>> = { male: 20, female: 18 };

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

// ---- personal ID ---------------------------------------------------------------------

/**
 * Validates a personal ID number, and when the holder's date of birth (dd/mm/yyyy) or sex
 * are entered and valid, checks the century/sex digit and birth-year digits against them.
 */
export function validatePersonalId(
  value: string,
  holder: { dateOfBirth?: string | undefined; birthYear?: number | undefined; sex?: string | undefined } = {},
): Message | null {
  const id = compactPersonalId(value);
  const dob = holder.dateOfBirth ? parseDmy(holder.dateOfBirth) : null;
  const birthYear = dob?.year ?? holder.birthYear;
  const sex = holder.sex === 'male' || holder.sex === 'female' ? holder.sex : undefined;
  switch (checkPersonalId(id, { birthYear, sex })) {
    case null:
      return null;
    case 'format':
      return messages.idFormat;
    case 'province':
      return messages.idProvince;
    case 'century-sex':
      return messages.idCentury;
    case 'birth-year':
      return messages.idBirthYear;
    case 'sex':
      return messages.idSex;
  }
}

// ---- phone and email -----------------------------------------------------------------

/**
 * Normalises a Vietnamese phone number to its national form: "+84 912 345 678",
 * "84912345678", "0912.345.678" → "0912345678". Mobile: 0 + 3/5/7/8/9 + 8 digits
 * (10 digits, since the 2018 renumbering); landline: 02 + 9 digits (11 digits, since
 * 2017). Returns null for anything else.
 */
export function normalisePhone(text: string): string | null {
  let digits = text.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (/^84\d{9,10}$/.test(digits)) digits = '0' + digits.slice(2);
  if (/^0[35789]\d{8}$/.test(digits)) return digits;
  if (/^02\d{9}$/.test(digits)) return digits;
  return null;
}

export function validatePhone(value: string): Message | null {
  return normalisePhone(value) === null ? messages.phone : null;
}

export function validateEmail(value: string): Message | null {
  // Deliberately simple: one @, a dot in the domain, no spaces. Rejecting real addresses
  // is worse than accepting an odd one the officer can correct.
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : messages.email;
}

// ---- dates ---------------------------------------------------------------------------

export interface DateRules {
  /** Default true: a date of birth, death, issue … cannot be after today. */
  notFuture?: boolean | undefined;
  /** The date cannot be before today (e.g. an appointment). */
  notPast?: boolean | undefined;
  /** For dates of birth: at most this many years ago (default none; forms use 120). */
  maxAgeYears?: number | undefined;
}

/** Parses a dd/mm/yyyy text and applies date rules; `now` decides "today" in Vietnam. */
export function validateDate(value: string, now: Date, rules: DateRules = {}): Message | null {
  if (!/^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/.test(value)) return messages.dateFormat;
  const date = parseDmy(value);
  if (!date) return messages.dateNotReal;
  const today = vietnamCalendarDate(now);
  if ((rules.notFuture ?? true) && compareDates(date, today) > 0) return messages.dateFuture;
  if (rules.notPast && compareDates(date, today) < 0) return messages.datePast;
  if (rules.maxAgeYears !== undefined && ageInYears(date, today) > rules.maxAgeYears) {
    return messages.tooOld(rules.maxAgeYears);
  }
  return null;
}

/**
 * Marriage age check (Law on Marriage and Family 2014 Art. 8): "từ đủ 20 tuổi" means the
 * 20th birthday has been reached on the day of registration (`now`, Vietnam date).
 * Returns null when the date is not a valid date (that is reported by validateDate).
 */
export function validateMarriageAge(dateOfBirth: string, sex: Sex, now: Date): Message | null {
  const dob = parseDmy(dateOfBirth);
  if (!dob) return null;
  return ageInYears(dob, vietnamCalendarDate(now)) >= MARRIAGE_MIN_AGE[sex]
    ? null
    : messages.marriageAge(sex);
}

export function validateTime(value: string): Message | null {
  return /^([01]?\d|2[0-3]):[0-5]\d$/.test(value.trim()) ? null : messages.time;
}

/** A number as people write it in Vietnam: dot thousands separators, comma decimals ("1.500.000", "2,5"). */
export function parseVietnameseNumber(value: string): number | null {
  const compact = value.trim().replace(/\.(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(,\d+)?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

export function validateNumber(
  value: string,
  rules: { integer?: boolean | undefined; min?: number | undefined; max?: number | undefined } = {},
): Message | null {
  const n = parseVietnameseNumber(value);
  if (n === null) return messages.number;
  if (rules.integer && !Number.isInteger(n)) return messages.integer;
  if (rules.min !== undefined && n < rules.min) return messages.minNumber(rules.min);
  if (rules.max !== undefined && n > rules.max) return messages.maxNumber(rules.max);
  return null;
}

export type { CalendarDate };
