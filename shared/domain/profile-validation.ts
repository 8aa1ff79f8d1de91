/**
 * Validation of the office profile the kiosk loads at start. A bad profile must stop
 * the kiosk with a clear list of what is wrong (which field, why, in vi and en) rather
 * than show citizens wrong days, so beyond the schema we cross-check the profile
 * against the administrative units and the procedure catalogue.
 */
import type { z } from 'zod';
import { findCommune, findProvince } from '../admin-units/bundled.ts';
import type { LocalisedText } from './localised.ts';
import { OfficeProfileSchema, type OfficeProfile, type WorkingPeriod } from './office-profile.ts';
import type { Catalogue } from './procedure.ts';
import { isRealDate, parseClockTime } from './vietnam-time.ts';

export interface ProfileError {
  /** Where in the profile, e.g. `schedule[1].models[0].procedures[2]` or `feeOverrides["2.000815"]`. */
  path: string;
  message: LocalisedText;
}

export type ProfileValidation = { ok: true; profile: OfficeProfile } | { ok: false; errors: ProfileError[] };

export function validateOfficeProfile(
  raw: unknown,
  catalogue: Pick<Catalogue, 'procedures'>,
): ProfileValidation {
  const parsed = OfficeProfileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(schemaError) };
  const errors = crossCheck(parsed.data, new Set(catalogue.procedures.map((p) => p.code)));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, profile: parsed.data };
}

/** One line per error, for logs and the refuse-to-start screen. */
export function formatProfileErrors(errors: readonly ProfileError[], language: 'vi' | 'en'): string {
  return errors.map((e) => `${e.path || '(profile)'}: ${e.message[language]}`).join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function crossCheck(profile: OfficeProfile, codes: ReadonlySet<string>): ProfileError[] {
  const errors: ProfileError[] = [];
  const add = (path: PropertyKey[], vi: string, en: string) =>
    errors.push({ path: formatPath(path), message: { vi, en } });

  // Office: the commune must exist on the post-2025 units and belong to the province.
  const { communeCode, provinceCode } = profile.office;
  const commune = findCommune(communeCode);
  if (!findProvince(provinceCode)) {
    add(
      ['office', 'provinceCode'],
      `Không có tỉnh, thành phố mã ${provinceCode} (sau 01/7/2025).`,
      `No province with code ${provinceCode} (units from 1 July 2025).`,
    );
  }
  if (!commune) {
    add(
      ['office', 'communeCode'],
      `Không có xã, phường mã ${communeCode} (sau 01/7/2025).`,
      `No commune or ward with code ${communeCode} (units from 1 July 2025).`,
    );
  } else if (commune.provinceCode !== provinceCode) {
    add(
      ['office', 'communeCode'],
      `${commune.name} (mã ${communeCode}) thuộc tỉnh mã ${commune.provinceCode}, không thuộc tỉnh mã ${provinceCode}.`,
      `${commune.name} (code ${communeCode}) belongs to province ${commune.provinceCode}, not ${provinceCode}.`,
    );
  }

  // Working hours: each list of periods ordered and non-overlapping; days listed once.
  checkPeriods(profile.workingHours.periods, ['workingHours', 'periods'], add);
  checkPeriods(profile.workingHours.saturdayPeriods, ['workingHours', 'saturdayPeriods'], add);
  profile.workingHours.workingDays.forEach((d, i, all) => {
    if (all.indexOf(d) !== i)
      add(
        ['workingHours', 'workingDays', i],
        `${WEEKDAY_VI[d]} được ghi hai lần.`,
        `${WEEKDAY_EN[d]} is listed twice.`,
      );
  });

  // Holidays: real dates, inside the year they are filed under, each once.
  for (const [year, dates] of Object.entries(profile.holidays)) {
    dates.forEach((date, i) => {
      const path = ['holidays', year, i];
      if (!isRealDate(date)) add(path, `Ngày ${date} không có thật.`, `${date} is not a real date.`);
      else if (!date.startsWith(`${year}-`))
        add(path, `Ngày ${date} không thuộc năm ${year}.`, `${date} is not in the year ${year}.`);
      else if (dates.indexOf(date) !== i)
        add(path, `Ngày ${date} được ghi hai lần.`, `${date} is listed twice.`);
    });
  }

  // Schedule.
  const seenDays = new Map<number, number>();
  const saturdayMorning = profile.schedule.some(
    (d) => d.weekday === 6 && d.models.some((m) => m.model === 'saturday-morning'),
  );
  profile.schedule.forEach((day, i) => {
    const wd = day.weekday;
    const first = seenDays.get(wd);
    if (first !== undefined) {
      add(
        ['schedule', i, 'weekday'],
        `${WEEKDAY_VI[wd]} đã có trong lịch (schedule[${first}]); gộp vào một mục.`,
        `${WEEKDAY_EN[wd]} is already in the schedule (schedule[${first}]); merge them into one entry.`,
      );
    } else seenDays.set(wd, i);
    const opens = profile.workingHours.workingDays.includes(wd) || (wd === 6 && saturdayMorning);
    if (!opens) {
      add(
        ['schedule', i, 'weekday'],
        `Cơ quan không làm việc vào ${WEEKDAY_VI[wd]} (xem workingHours.workingDays).`,
        `The office does not work on ${WEEKDAY_EN[wd]} (see workingHours.workingDays).`,
      );
    }
    const seenModels = new Set<string>();
    day.models.forEach((m, j) => {
      const at = ['schedule', i, 'models', j];
      if (seenModels.has(m.model)) {
        add(
          [...at, 'model'],
          `Mô hình "${m.model}" được ghi hai lần trong ${WEEKDAY_VI[wd]}.`,
          `Model "${m.model}" is listed twice on ${WEEKDAY_EN[wd]}.`,
        );
      }
      seenModels.add(m.model);
      if (m.model === 'saturday-morning') {
        if (wd !== 6)
          add(
            [...at, 'model'],
            'Mô hình "Sáng thứ Bảy vì dân" chỉ đặt vào thứ Bảy (weekday 6).',
            'The Saturday-morning model belongs on Saturday (weekday 6) only.',
          );
        if (profile.workingHours.saturdayPeriods.length === 0) {
          add(
            [...at, 'model'],
            'Mô hình "Sáng thứ Bảy vì dân" cần giờ làm việc sáng thứ Bảy (workingHours.saturdayPeriods).',
            'The Saturday-morning model needs Saturday working hours (workingHours.saturdayPeriods).',
          );
        }
      }
      if (m.model === 'extra-half-hour' && m.procedures.length > 0) {
        add(
          [...at, 'procedures'],
          'Mô hình "30 phút tăng thêm vì dân" áp dụng cho cả bộ phận một cửa; để trống danh sách thủ tục.',
          'The 30-extra-minutes model applies to the whole desk; leave its procedure list empty.',
        );
      }
      if (m.model === 'cashless' && !profile.bankAccount) {
        add(
          [...at, 'model'],
          'Ngày không dùng tiền mặt cần tài khoản nhận phí (bankAccount) để in mã QR chuyển khoản.',
          'A cashless day needs the fee account (bankAccount) for the transfer QR code.',
        );
      }
      if (m.returnWithinWorkingHours !== undefined && m.model !== 'no-appointment') {
        add(
          [...at, 'returnWithinWorkingHours'],
          'Chỉ "Ngày không giấy hẹn" mới có thời hạn trả kết quả trong số giờ làm việc.',
          'Only the no-appointment model has a return time in working hours.',
        );
      }
      m.procedures.forEach((code, k) => {
        if (!codes.has(code))
          add(
            [...at, 'procedures', k],
            `Thủ tục mã ${code} không có trong danh mục thủ tục.`,
            `Procedure ${code} is not in the catalogue.`,
          );
        else if (m.procedures.indexOf(code) !== k)
          add(
            [...at, 'procedures', k],
            `Thủ tục mã ${code} được ghi hai lần.`,
            `Procedure ${code} is listed twice.`,
          );
      });
    });
  });

  // Per-procedure office data must name catalogue procedures.
  for (const key of ['feeOverrides', 'portalUrls'] as const) {
    for (const code of Object.keys(profile[key])) {
      if (!codes.has(code))
        add(
          [key, code],
          `Thủ tục mã ${code} không có trong danh mục thủ tục.`,
          `Procedure ${code} is not in the catalogue.`,
        );
    }
  }

  // A lexicon entry replaces the word wherever it stands: an ordinary lower-case word
  // ("xã") would change every sentence, so an abbreviation must hold a capital or a sign.
  for (const key of Object.keys(profile.speech?.lexicon ?? {})) {
    if (!/[\p{Lu}&.]/u.test(key))
      add(
        ['speech', 'lexicon', key],
        `"${key}" không phải chữ viết tắt: cần có chữ in hoa (ví dụ "BPMC").`,
        `"${key}" is not an abbreviation: it needs a capital letter (e.g. "BPMC").`,
      );
  }

  if (profile.kiosk.idleWarningSeconds >= profile.kiosk.idleTimeoutSeconds) {
    add(
      ['kiosk', 'idleWarningSeconds'],
      'Thời gian cảnh báo phải ngắn hơn thời gian chờ (idleTimeoutSeconds).',
      'The idle warning must be shorter than the idle timeout (idleTimeoutSeconds).',
    );
  }
  return errors;
}

type Add = (path: PropertyKey[], vi: string, en: string) => void;

function checkPeriods(periods: readonly WorkingPeriod[], base: PropertyKey[], add: Add) {
  periods.forEach((p, i) => {
    const start = parseClockTime(p.start);
    const end = parseClockTime(p.end);
    if (end <= start) {
      add(
        [...base, i],
        `Giờ kết thúc ${p.end} phải sau giờ bắt đầu ${p.start}.`,
        `End ${p.end} must be after start ${p.start}.`,
      );
      return;
    }
    const prev = periods[i - 1];
    if (prev && start < parseClockTime(prev.end)) {
      add(
        [...base, i],
        `Buổi ${p.start}–${p.end} phải bắt đầu sau khi buổi trước (${prev.start}–${prev.end}) kết thúc, theo thứ tự trong ngày.`,
        `Period ${p.start}–${p.end} must start after the previous one (${prev.start}–${prev.end}) ends, in order through the day.`,
      );
    }
  });
}

/** Vietnamese and English for the schema's own complaints. */
function schemaError(issue: z.core.$ZodIssue): ProfileError {
  const path = formatPath(issue.path);
  const field = issue.path.at(-1);
  const hint = formatHint(issue.path);
  let message: LocalisedText;
  switch (issue.code) {
    case 'invalid_type':
      message =
        issue.input === undefined
          ? { vi: 'Thiếu mục bắt buộc này.', en: 'This required field is missing.' }
          : {
              vi: `Sai kiểu dữ liệu: cần ${typeVi(issue.expected)}.`,
              en: `Wrong type: expected ${issue.expected}.`,
            };
      break;
    case 'invalid_format':
      message = {
        vi: `Sai định dạng: cần ${hint?.vi ?? issue.format}.`,
        en: `Wrong format: expected ${hint?.en ?? issue.format}.`,
      };
      break;
    case 'invalid_key':
      message = {
        vi: `Khóa "${String(field)}" sai định dạng: cần ${hint?.vi ?? 'khóa hợp lệ'}.`,
        en: `Key "${String(field)}" has the wrong format: expected ${hint?.en ?? 'a valid key'}.`,
      };
      break;
    case 'invalid_value':
      message = {
        vi: `Giá trị không hợp lệ; chỉ nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
        en: `Invalid value; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
      };
      break;
    case 'too_small':
      message =
        issue.origin === 'array'
          ? { vi: `Cần ít nhất ${issue.minimum} mục.`, en: `Needs at least ${issue.minimum} item(s).` }
          : issue.origin === 'string'
            ? { vi: 'Không được để trống.', en: 'Must not be empty.' }
            : { vi: `Phải từ ${issue.minimum} trở lên.`, en: `Must be at least ${issue.minimum}.` };
      break;
    case 'too_big':
      message = { vi: `Phải không quá ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
      break;
    default:
      message = { vi: `Giá trị không hợp lệ (${issue.message}).`, en: issue.message };
  }
  return { path, message };
}

function typeVi(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    object: 'đối tượng',
    array: 'danh sách',
    boolean: 'đúng/sai',
  };
  return names[expected] ?? expected;
}

/** What a well-formed value looks like, by the field it is in. */
function formatHint(path: readonly PropertyKey[]): LocalisedText | undefined {
  const field = path.at(-1);
  const parent = path.at(-2);
  const inside = (name: string) => path.includes(name);
  if (field === 'start' || field === 'end')
    return { vi: 'giờ dạng HH:mm, ví dụ 07:30', en: 'a time as HH:mm, e.g. 07:30' };
  if (field === 'communeCode')
    return { vi: 'mã xã, phường gồm 5 chữ số, ví dụ 00565', en: 'a 5-digit commune code, e.g. 00565' };
  if (field === 'provinceCode')
    return { vi: 'mã tỉnh gồm 2 chữ số, ví dụ 01', en: 'a 2-digit province code, e.g. 01' };
  if (field === 'bin') return { vi: 'mã BIN ngân hàng gồm 6 chữ số', en: 'a 6-digit bank BIN' };
  if (field === 'accountNumber')
    return { vi: 'số tài khoản tối đa 19 chữ và số', en: 'an account number of up to 19 letters and digits' };
  if (parent === 'procedures' || path[0] === 'feeOverrides' || path[0] === 'portalUrls') {
    if (
      path[0] === 'portalUrls' &&
      path.length === 2 &&
      typeof field === 'string' &&
      /^\d\.\d{6}$/.test(field)
    ) {
      return { vi: 'địa chỉ trang web (URL) đầy đủ', en: 'a full web address (URL)' };
    }
    return { vi: 'mã thủ tục quốc gia dạng 2.000815', en: 'a national procedure code like 2.000815' };
  }
  if (inside('holidays')) {
    return path.length === 2
      ? { vi: 'năm gồm 4 chữ số, ví dụ 2026', en: 'a 4-digit year, e.g. 2026' }
      : { vi: 'ngày dạng YYYY-MM-DD, ví dụ 2026-09-02', en: 'a date as YYYY-MM-DD, e.g. 2026-09-02' };
  }
  if (field === 'officeServerUrl')
    return { vi: 'địa chỉ trang web (URL) đầy đủ', en: 'a full web address (URL)' };
  return undefined;
}
