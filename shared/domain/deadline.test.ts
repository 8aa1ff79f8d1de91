import { describe, expect, it } from 'vitest';
import { findProcedure } from '../catalogue/procedures.ts';
import type { Procedure } from './procedure.ts';
import { sameDayDeadline } from './deadline.ts';
import { saturdayProfile, testProfile, testProfileInput, vn } from './test-support.ts';
import { toVietnamIso } from './vietnam-time.ts';

const p = testProfile();
const proc = (code: string): Procedure => {
  const found = findProcedure(code);
  if (!found) throw new Error(code);
  return found;
};
const copyCert = proc('2.000815'); // same-day, 15:00 cut-off
const signature = proc('2.000884'); // same-day, not on Tuesday's list
const marital = proc('1.004873'); // 3 working days; Tuesday no-appointment within 2 h
const business = proc('1.001612'); // 3 working days

const due = (profile = p, procedure: Procedure, at: Date) => {
  const d = sameDayDeadline(profile, procedure, at);
  return [toVietnamIso(d.dueAt), d.rule];
};

describe('sameDayDeadline', () => {
  it('returns within 2 working hours on Gia Lâm-style Tuesdays, across lunch', () => {
    expect(due(p, copyCert, vn('2026-11-24 10:30'))).toEqual([
      '2026-11-24T14:30:00+07:00',
      'within-working-hours',
    ]);
    expect(due(p, marital, vn('2026-11-24 08:00'))).toEqual([
      '2026-11-24T10:00:00+07:00',
      'within-working-hours',
    ]);
  });

  it('counts from 13:30 when received during the lunch break', () => {
    expect(due(p, copyCert, vn('2026-11-24 11:45'))).toEqual([
      '2026-11-24T15:30:00+07:00',
      'within-working-hours',
    ]);
  });

  it('counts from opening when received at 00:30 Vietnam time (17:30 UTC the day before)', () => {
    expect(due(p, copyCert, new Date('2026-11-23T17:30:00Z'))).toEqual([
      '2026-11-24T09:30:00+07:00',
      'within-working-hours',
    ]);
  });

  it('carries the 2 hours into the next morning late in the day', () => {
    expect(due(p, copyCert, vn('2026-11-24 16:00'))).toEqual([
      '2026-11-25T08:30:00+07:00',
      'within-working-hours',
    ]);
  });

  it('returns same-day before 15:00 and the next working day from 15:00', () => {
    expect(due(p, signature, vn('2026-11-25 14:59'))).toEqual(['2026-11-25T17:00:00+07:00', 'same-day']);
    expect(due(p, signature, vn('2026-11-25 15:00'))).toEqual([
      '2026-11-26T17:00:00+07:00',
      'next-working-day',
    ]);
    expect(due(p, signature, vn('2026-11-25 12:15'))).toEqual(['2026-11-25T17:00:00+07:00', 'same-day']);
    expect(due(p, signature, vn('2026-11-25 06:50'))).toEqual(['2026-11-25T17:00:00+07:00', 'same-day']);
  });

  it('applies the cut-off on a no-appointment day without an hour limit (Pác Nặm Monday)', () => {
    expect(due(p, signature, vn('2026-11-23 10:00'))).toEqual(['2026-11-23T17:00:00+07:00', 'same-day']);
    expect(due(p, signature, vn('2026-11-23 15:30'))).toEqual([
      '2026-11-24T17:00:00+07:00',
      'next-working-day',
    ]);
  });

  it('makes a 3-day procedure same-day on a no-appointment day that covers it (Đắk Nông)', () => {
    const base = testProfileInput();
    const dakNong = testProfile({
      schedule: [{ weekday: 1, models: [{ model: 'no-appointment', procedures: ['1.004873'] }] }],
      holidays: base.holidays,
    });
    expect(due(dakNong, marital, vn('2026-11-23 10:00'))).toEqual(['2026-11-23T17:00:00+07:00', 'same-day']);
    expect(due(dakNong, marital, vn('2026-11-23 16:00'))).toEqual([
      '2026-11-24T17:00:00+07:00',
      'next-working-day',
    ]);
    expect(due(dakNong, marital, vn('2026-11-24 10:00'))).toEqual([
      '2026-11-27T17:00:00+07:00',
      'statutory-working-days',
    ]);
  });

  it('on a "30 phút tăng thêm" day, same-day work received before closing is due at 17:30, not 17:00', () => {
    const extra = testProfile({
      schedule: [
        {
          weekday: 1,
          models: [
            { model: 'no-appointment', procedures: ['2.000815'] },
            { model: 'extra-half-hour', procedures: [] },
          ],
        },
      ],
    });
    expect(due(extra, copyCert, vn('2026-11-23 14:59'))).toEqual(['2026-11-23T17:30:00+07:00', 'same-day']);
    expect(due(p, copyCert, vn('2026-11-23 14:59'))).toEqual(['2026-11-23T17:00:00+07:00', 'same-day']);
    // A statutory deadline ends at the close of its last day, which here is not an extra-half-hour day.
    expect(due(extra, marital, vn('2026-11-20 17:20'))).toEqual([
      '2026-11-25T17:00:00+07:00',
      'statutory-working-days',
    ]);
  });

  it('moves Friday afternoon to Monday and weekend receipts to Monday', () => {
    expect(due(p, signature, vn('2026-11-27 15:30'))).toEqual([
      '2026-11-30T17:00:00+07:00',
      'next-working-day',
    ]);
    expect(due(p, signature, vn('2026-11-28 09:00'))).toEqual([
      '2026-11-30T17:00:00+07:00',
      'next-working-day',
    ]);
    expect(due(p, signature, vn('2026-11-27 18:00'))).toEqual([
      '2026-11-30T17:00:00+07:00',
      'next-working-day',
    ]);
  });

  it('skips the holiday when received the day before 2/9 after 15:00', () => {
    expect(due(p, signature, vn('2026-09-01 15:30'))).toEqual([
      '2026-09-03T17:00:00+07:00',
      'next-working-day',
    ]);
    // 2/9 is a Wednesday: a no-appointment Tuesday's 2 hours carry over to Thursday.
    expect(due(p, copyCert, vn('2026-09-01 16:00'))).toEqual([
      '2026-09-03T08:30:00+07:00',
      'within-working-hours',
    ]);
  });

  it('counts statutory working days after the day of receipt, skipping weekends and holidays', () => {
    expect(due(p, business, vn('2026-11-25 10:00'))).toEqual([
      '2026-11-30T17:00:00+07:00',
      'statutory-working-days',
    ]);
    expect(due(p, business, vn('2026-09-01 10:00'))).toEqual([
      '2026-09-07T17:00:00+07:00',
      'statutory-working-days',
    ]);
  });

  it('serves Saturday-morning offices on Saturday but keeps statutory days to weekdays', () => {
    const s = saturdayProfile();
    expect(due(s, signature, vn('2026-11-28 09:00'))).toEqual(['2026-11-28T11:30:00+07:00', 'same-day']);
    expect(due(s, signature, vn('2026-11-27 15:30'))).toEqual([
      '2026-11-28T11:30:00+07:00',
      'next-working-day',
    ]);
    expect(due(s, signature, vn('2026-11-28 11:45'))).toEqual([
      '2026-11-30T17:00:00+07:00',
      'next-working-day',
    ]);
    expect(due(s, business, vn('2026-11-27 10:00'))).toEqual([
      '2026-12-02T17:00:00+07:00',
      'statutory-working-days',
    ]);
  });
});
