import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatVietnamDate,
  formatVietnamDateTime,
  formatVietnamTime,
  fromVietnamWallClock,
  isRealDate,
  parseClockTime,
  toVietnamIso,
  toVietnamWallClock,
  vietnamDate,
  vietnamDateStart,
  vietnamDayNumber,
  vietnamDayStart,
  vietnamWeekStart,
  weekdayOf,
} from './vietnam-time.ts';
import { formatVnd } from './format.ts';

describe('Vietnam time', () => {
  it('runs under UTC here, so the machine zone cannot hide mistakes', () => {
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(0);
  });

  it('is already the next day in Vietnam at 17:30 UTC', () => {
    const c = toVietnamWallClock(new Date('2026-11-23T17:30:00Z'));
    expect(c).toMatchObject({ date: '2026-11-24', weekday: 2, hour: 0, minute: 30 });
    expect(toVietnamIso(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24T00:30:00+07:00');
  });

  it('round-trips wall clock and instant', () => {
    const at = fromVietnamWallClock('2026-09-02', '07:30');
    expect(at.toISOString()).toBe('2026-09-02T00:30:00.000Z');
    expect(vietnamDate(at)).toBe('2026-09-02');
    expect(fromVietnamWallClock('2026-01-01', 0).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('does calendar arithmetic and weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  it('rejects dates that do not exist and bad clock times', () => {
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(parseClockTime('13:30')).toBe(810);
    expect(() => parseClockTime('7:30')).toThrow(RangeError);
  });

  it('starts the Vietnam day at 17:00 UTC the evening before', () => {
    const lateEvening = Date.parse('2026-11-23T17:30:00Z'); // 00:30 on Tuesday 24/11 in Vietnam
    const start = Date.parse('2026-11-23T17:00:00Z');
    expect(vietnamDayStart(lateEvening)).toBe(start);
    expect(vietnamDayStart(new Date(start))).toBe(start);
    expect(vietnamDayStart(start - 1)).toBe(start - 86_400_000);
    expect(vietnamDateStart('2026-11-24')).toBe(start);
    expect(vietnamDateStart('2026-02-30')).toBeNull();
    expect(vietnamDateStart('24/11/2026')).toBeNull();
  });

  it('numbers Vietnam days, not UTC days', () => {
    const mondayLate = Date.parse('2026-11-23T16:59:59Z'); // 23:59:59 Monday in Vietnam
    const tuesdayEarly = Date.parse('2026-11-23T17:00:00Z'); // 00:00 Tuesday in Vietnam, same UTC day
    expect(vietnamDayNumber(tuesdayEarly) - vietnamDayNumber(mondayLate)).toBe(1);
    expect(vietnamDayNumber(fromVietnamWallClock('2026-11-24', '23:59'))).toBe(
      vietnamDayNumber(tuesdayEarly),
    );
  });

  it('starts the week on Monday 00:00 in Vietnam', () => {
    const monday = vietnamDateStart('2026-11-23')!;
    expect(vietnamWeekStart(monday)).toBe(monday);
    expect(vietnamWeekStart(fromVietnamWallClock('2026-11-29', '23:59'))).toBe(monday); // Sunday night
    expect(vietnamWeekStart(fromVietnamWallClock('2026-11-30', '00:00'))).toBe(
      vietnamDateStart('2026-11-30'),
    );
  });
});

describe('format', () => {
  it('writes dates as dd/mm/yyyy in Vietnam time', () => {
    expect(formatVietnamDate(new Date('2026-11-23T17:30:00Z'))).toBe('24/11/2026');
    expect(formatVietnamDate('2026-09-02')).toBe('02/09/2026');
    expect(formatVietnamTime(new Date('2026-11-23T17:30:00Z'))).toBe('00:30');
    expect(formatVietnamTime(Date.parse('2026-11-23T07:05:00Z'))).toBe('14:05');
    expect(formatVietnamDateTime(Date.parse('2026-11-23T17:30:00Z'))).toBe('24/11/2026 00:30');
  });

  it('writes đồng with dot thousands', () => {
    expect(formatVnd(200000)).toBe('200.000 đ');
    expect(formatVnd(2000)).toBe('2.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(999)).toBe('999 đ');
    expect(formatVnd(1234567)).toBe('1.234.567 đ');
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });
});
