import { describe, expect, it } from 'vitest';
import { saturdayProfile, testProfile, vn } from './test-support.ts';
import {
  addWorkingHours,
  closeOfDay,
  isOpenAt,
  isWorkingDay,
  nextOpening,
  nextWorkingDay,
  workingPeriodsOn,
} from './working-time.ts';
import { toVietnamIso } from './vietnam-time.ts';

const p = testProfile();
const iso = (d: Date | null) => (d ? toVietnamIso(d) : null);

describe('working days', () => {
  it('works Monday–Friday, not weekends or holidays', () => {
    expect(isWorkingDay(p, '2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay(p, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(p, '2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay(p, '2026-09-02')).toBe(false); // Quốc khánh, a Wednesday
  });

  it('opens Saturday morning only where the schedule runs "Sáng thứ Bảy vì dân"', () => {
    const s = saturdayProfile();
    expect(workingPeriodsOn(s, '2026-11-28')).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(isWorkingDay(s, '2026-11-28', { includeSaturdayMorning: false })).toBe(false);
    expect(isOpenAt(s, vn('2026-11-28 09:00'))).toBe(true);
    expect(isOpenAt(s, vn('2026-11-28 14:00'))).toBe(false);
    expect(nextWorkingDay(s, '2026-11-27')).toBe('2026-11-28');
    expect(nextWorkingDay(s, '2026-11-27', { includeSaturdayMorning: false })).toBe('2026-11-30');
  });

  it('finds the next working day across weekends and holidays', () => {
    expect(nextWorkingDay(p, '2026-11-27')).toBe('2026-11-30'); // Friday → Monday
    expect(nextWorkingDay(p, '2026-09-01')).toBe('2026-09-03'); // skips 2/9
    expect(nextWorkingDay(p, '2026-04-29')).toBe('2026-05-04'); // skips 30/4, 1/5 and the weekend
  });

  it('returns null when an office never opens', () => {
    // Not a valid profile (validation requires periods); the rules must still terminate.
    const closed = { ...p, workingHours: { periods: [], workingDays: [1, 2, 3, 4, 5], saturdayPeriods: [] } };
    expect(nextWorkingDay(closed, '2026-11-23')).toBeNull();
    expect(nextOpening(closed, vn('2026-11-23 08:00'))).toBeNull();
    expect(() => addWorkingHours(closed, vn('2026-11-23 08:00'), 1)).toThrow(RangeError);
  });
});

describe('open now and next opening', () => {
  it('is closed over lunch and opens again at 13:30', () => {
    expect(isOpenAt(p, vn('2026-11-24 11:29'))).toBe(true);
    expect(isOpenAt(p, vn('2026-11-24 11:30'))).toBe(false);
    expect(iso(nextOpening(p, vn('2026-11-24 11:45')))).toBe('2026-11-24T13:30:00+07:00');
  });

  it('knows it is Tuesday morning in Vietnam at 17:30 UTC on Monday', () => {
    const at = new Date('2026-11-23T17:30:00Z');
    expect(isOpenAt(p, at)).toBe(false);
    expect(iso(nextOpening(p, at))).toBe('2026-11-24T07:30:00+07:00');
  });

  it('opens next on Monday after a Friday evening', () => {
    expect(iso(nextOpening(p, vn('2026-11-27 17:00')))).toBe('2026-11-30T07:30:00+07:00');
  });

  it('gives the close of business of a day', () => {
    expect(iso(closeOfDay(p, '2026-11-24'))).toBe('2026-11-24T17:00:00+07:00');
    expect(closeOfDay(p, '2026-11-28')).toBeNull();
  });
});

describe('addWorkingHours', () => {
  it('counts 2 hours across lunch', () => {
    expect(iso(addWorkingHours(p, vn('2026-11-24 10:30'), 2))).toBe('2026-11-24T14:30:00+07:00');
  });

  it('starts counting at 13:30 for a dossier received over lunch', () => {
    expect(iso(addWorkingHours(p, vn('2026-11-24 11:45'), 2))).toBe('2026-11-24T15:30:00+07:00');
  });

  it('stops at the end of a period when the hours run out there', () => {
    expect(iso(addWorkingHours(p, vn('2026-11-24 09:30'), 2))).toBe('2026-11-24T11:30:00+07:00');
  });

  it('carries over nights, weekends and holidays', () => {
    expect(iso(addWorkingHours(p, vn('2026-11-27 16:00'), 2))).toBe('2026-11-30T08:30:00+07:00');
    expect(iso(addWorkingHours(p, vn('2026-09-01 16:30'), 2))).toBe('2026-09-03T09:00:00+07:00');
    expect(iso(addWorkingHours(p, vn('2026-11-24 06:00'), 1))).toBe('2026-11-24T08:30:00+07:00');
  });
});

describe('"30 phút tăng thêm vì dân"', () => {
  const extra = testProfile({
    schedule: [{ weekday: 3, models: [{ model: 'extra-half-hour', procedures: [] }] }],
  });

  it('moves the close of business 30 minutes later on the days it runs, only there', () => {
    expect(iso(closeOfDay(extra, '2026-11-25'))).toBe('2026-11-25T17:30:00+07:00');
    expect(iso(closeOfDay(extra, '2026-11-24'))).toBe('2026-11-24T17:00:00+07:00');
    expect(workingPeriodsOn(extra, '2026-11-25')[0]).toEqual({ start: '07:30', end: '11:30' });
  });

  it('is open at 17:15 on that day and closed at 17:30; closed at 17:15 the day before', () => {
    expect(isOpenAt(extra, vn('2026-11-25 17:15'))).toBe(true);
    expect(isOpenAt(extra, vn('2026-11-25 17:30'))).toBe(false);
    expect(isOpenAt(extra, vn('2026-11-24 17:15'))).toBe(false);
  });

  it('counts the extra half hour in working-hour deadlines', () => {
    expect(iso(addWorkingHours(extra, vn('2026-11-25 16:00'), 1.5))).toBe('2026-11-25T17:30:00+07:00');
    expect(iso(addWorkingHours(extra, vn('2026-11-24 16:00'), 1.5))).toBe('2026-11-25T08:00:00+07:00');
  });

  it('does nothing on a holiday', () => {
    const holiday = testProfile({
      holidays: { '2026': ['2026-11-25'] },
      schedule: [{ weekday: 3, models: [{ model: 'extra-half-hour', procedures: [] }] }],
    });
    expect(closeOfDay(holiday, '2026-11-25')).toBeNull();
  });
});
