import { describe, expect, it } from 'vitest';
import { computeToday } from './today.ts';
import { saturdayProfile, testProfile, vn } from './test-support.ts';

const p = testProfile();

describe('computeToday', () => {
  it('sees Tuesday at 00:30 in Vietnam while the machine clock (UTC) still says Monday', () => {
    const today = computeToday(p, new Date('2026-11-23T17:30:00Z'));
    expect(today).toMatchObject({
      date: '2026-11-24',
      weekday: 2,
      isHoliday: false,
      isWorkingDay: true,
      openNow: false,
      nextOpening: '2026-11-24T07:30:00+07:00',
      sameDayProcedures: ['2.000815', '1.004873'],
    });
    expect(today.models).toEqual([
      { model: 'no-appointment', procedures: ['2.000815', '1.004873'], returnWithinWorkingHours: 2 },
      { model: 'no-writing', procedures: ['1.004873', '1.001193'], returnWithinWorkingHours: null },
    ]);
    expect(today.nextRuns).toEqual([
      {
        model: 'no-appointment',
        date: '2026-11-24',
        weekday: 2,
        isToday: true,
        procedures: ['2.000815', '1.004873'],
      },
      {
        model: 'no-writing',
        date: '2026-11-24',
        weekday: 2,
        isToday: true,
        procedures: ['1.004873', '1.001193'],
      },
      {
        model: 'online-service',
        date: '2026-11-26',
        weekday: 4,
        isToday: false,
        procedures: ['1.004859', '1.001612'],
      },
    ]);
  });

  it('is open on Monday morning with the certification procedures same-day', () => {
    const today = computeToday(p, vn('2026-11-23 10:00'));
    expect(today.openNow).toBe(true);
    expect(today.nextOpening).toBeNull();
    expect(today.sameDayProcedures).toEqual(['2.000815', '2.000908', '2.000884', '2.000913']);
    expect(today.models[0]?.returnWithinWorkingHours).toBeNull();
  });

  it('shows the next opening during lunch', () => {
    const today = computeToday(p, vn('2026-11-23 12:00'));
    expect(today.openNow).toBe(false);
    expect(today.nextOpening).toBe('2026-11-23T13:30:00+07:00');
    expect(today.nextRuns[0]).toMatchObject({ model: 'no-appointment', isToday: true });
  });

  it('points to next week once the desk has closed on the model day', () => {
    const today = computeToday(p, vn('2026-11-24 17:00'));
    expect(today.nextRuns).toEqual([
      // Monday's no-appointment day has its own procedures
      {
        model: 'no-appointment',
        date: '2026-11-30',
        weekday: 1,
        isToday: false,
        procedures: ['2.000815', '2.000908', '2.000884', '2.000913'],
      },
      {
        model: 'no-writing',
        date: '2026-12-01',
        weekday: 2,
        isToday: false,
        procedures: ['1.004873', '1.001193'],
      },
      {
        model: 'online-service',
        date: '2026-11-26',
        weekday: 4,
        isToday: false,
        procedures: ['1.004859', '1.001612'],
      },
    ]);
  });

  it('runs no model on a holiday and skips holidays in nextRuns', () => {
    const holiday = computeToday(p, vn('2026-04-30 09:00')); // Thursday, 30/4
    expect(holiday).toMatchObject({
      isHoliday: true,
      isWorkingDay: false,
      openNow: false,
      models: [],
      sameDayProcedures: [],
    });
    expect(holiday.nextOpening).toBe('2026-05-04T07:30:00+07:00');
    const eve = computeToday(p, vn('2026-04-29 18:00'));
    expect(eve.nextRuns.find((r) => r.model === 'online-service')).toMatchObject({
      date: '2026-05-07',
      weekday: 4,
    });
    expect(eve.nextRuns.find((r) => r.model === 'no-appointment')).toMatchObject({
      date: '2026-05-04',
      weekday: 1,
    });
  });

  it('opens on Saturday morning where the office runs "Sáng thứ Bảy vì dân"', () => {
    const s = saturdayProfile();
    const morning = computeToday(s, vn('2026-11-28 09:00'));
    expect(morning).toMatchObject({ weekday: 6, isWorkingDay: true, openNow: true, nextOpening: null });
    expect(morning.models.map((m) => m.model)).toEqual(['saturday-morning']);
    expect(morning.nextRuns.find((r) => r.model === 'saturday-morning')).toMatchObject({ isToday: true });
    const afternoon = computeToday(s, vn('2026-11-28 14:00'));
    expect(afternoon.openNow).toBe(false);
    expect(afternoon.nextOpening).toBe('2026-11-30T07:30:00+07:00');
    expect(afternoon.nextRuns.find((r) => r.model === 'saturday-morning')).toMatchObject({
      date: '2026-12-05',
    });
    // A plain office is closed on Saturday.
    expect(computeToday(p, vn('2026-11-28 09:00'))).toMatchObject({
      isWorkingDay: false,
      openNow: false,
      models: [],
    });
  });
});
