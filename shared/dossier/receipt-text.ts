/**
 * The "time the result will be returned" line of the receipt (item 5 of form 01, Circular
 * 01/2018/TT-VPCP), in Vietnam time whatever the machine zone:
 *   "Trả kết quả trước 16:30 ngày 24/11/2026 (trong ngày)".
 */
import type { Language } from '../domain/localised.ts';
import type { DeadlineRule } from '../domain/deadline.ts';
import { toVietnamWallClock, type IsoWeekday } from '../domain/vietnam-time.ts';

export interface ReturnTextDetail {
  /** For 'within-working-hours' (Gia Lâm: 2). */
  workingHours?: number;
  /** For 'statutory-working-days'. */
  workingDays?: number;
  /** Also name the weekday ("trước 16:30 thứ Ba, ngày 24/11/2026"), which helps people who count by weekday. */
  weekday?: boolean;
}

const WEEKDAY_VI: Record<IsoWeekday, string> = {
  1: 'thứ Hai',
  2: 'thứ Ba',
  3: 'thứ Tư',
  4: 'thứ Năm',
  5: 'thứ Sáu',
  6: 'thứ Bảy',
  7: 'Chủ nhật',
};
const WEEKDAY_EN: Record<IsoWeekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

const pad = (n: number): string => String(n).padStart(2, '0');

function qualifier(rule: DeadlineRule, lang: Language, detail: ReturnTextDetail): string {
  switch (rule) {
    case 'same-day':
      return lang === 'vi' ? 'trong ngày' : 'same day';
    case 'within-working-hours': {
      const h = detail.workingHours;
      if (h === undefined) return lang === 'vi' ? 'trong ngày' : 'same day';
      return lang === 'vi' ? `trong vòng ${h} giờ làm việc` : `within ${h} working hour${h === 1 ? '' : 's'}`;
    }
    case 'next-working-day':
      return lang === 'vi' ? 'ngày làm việc tiếp theo' : 'next working day';
    case 'statutory-working-days': {
      const d = detail.workingDays;
      if (d === undefined) return lang === 'vi' ? 'theo thời hạn giải quyết' : 'statutory time limit';
      return lang === 'vi' ? `${d} ngày làm việc` : `${d} working day${d === 1 ? '' : 's'}`;
    }
  }
}

/** "Trả kết quả trước 16:30 ngày 24/11/2026 (trong ngày)" / "Result by 16:30 on 24/11/2026 (same day)". */
export function receiptReturnText(
  dueAt: Date,
  rule: DeadlineRule,
  lang: Language,
  detail: ReturnTextDetail = {},
): string {
  const c = toVietnamWallClock(dueAt);
  const time = `${pad(c.hour)}:${pad(c.minute)}`;
  const date = `${pad(c.day)}/${pad(c.month)}/${c.year}`;
  const q = qualifier(rule, lang, detail);
  if (lang === 'vi') {
    const day = detail.weekday ? `${WEEKDAY_VI[c.weekday]}, ngày ${date}` : `ngày ${date}`;
    return `Trả kết quả trước ${time} ${day} (${q})`;
  }
  const day = detail.weekday ? `${WEEKDAY_EN[c.weekday]} ${date}` : date;
  return `Result by ${time} on ${day} (${q})`;
}
