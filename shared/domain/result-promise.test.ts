import { describe, expect, it } from 'vitest';
import { findProcedure } from '../catalogue/procedures.ts';
import type { Procedure } from './procedure.ts';
import { resultPromise, type PromiseReason } from './result-promise.ts';
import { testProfile, vn } from './test-support.ts';
import { toVietnamIso } from './vietnam-time.ts';

// Test office: Monday no-appointment (2.000815 …, 15:00 cut-off); Tuesday no-appointment
// within 2 working hours (2.000815, 1.004873); 07:30–11:30, 13:30–17:00, Monday–Friday.
const profile = testProfile();
const proc = (code: string): Procedure => findProcedure(code)!;
const copy = proc('2.000815'); // same-day by law, 15:00 cut-off
const marital = proc('1.004873'); // 3 working days; same-day on Tuesdays (2 h)
const business = proc('1.001612'); // 3 working days

type Row = [string, Procedure, string, boolean, string, string | null, PromiseReason];

describe('resultPromise: the deadline of a dossier handed in now, and whether it is still today', () => {
  const rows: Row[] = [
    // [what, procedure, now, sameDay, dueAt, sameDayUntil, reason]
    ['Monday morning', copy, '2026-11-23 09:00', true, '2026-11-23T17:00', '2026-11-23T15:00', 'same-day'],
    [
      'Monday lunch: still today',
      copy,
      '2026-11-23 12:00',
      true,
      '2026-11-23T17:00',
      '2026-11-23T15:00',
      'same-day',
    ],
    [
      'Monday before opening',
      copy,
      '2026-11-23 06:45',
      true,
      '2026-11-23T17:00',
      '2026-11-23T15:00',
      'same-day',
    ],
    ['Monday 14:59', copy, '2026-11-23 14:59', true, '2026-11-23T17:00', '2026-11-23T15:00', 'same-day'],
    [
      'Monday 15:00: the cut-off',
      copy,
      '2026-11-23 15:00',
      false,
      '2026-11-24T17:00',
      '2026-11-23T15:00',
      'after-cutoff',
    ],
    [
      'Monday 16:50 (no-appointment day)',
      copy,
      '2026-11-23 16:50',
      false,
      '2026-11-24T17:00',
      '2026-11-23T15:00',
      'after-cutoff',
    ],
    [
      'Monday after closing',
      copy,
      '2026-11-23 17:30',
      false,
      '2026-11-24T17:00',
      '2026-11-23T15:00',
      'after-close',
    ],
    [
      'Tuesday 2 h: morning',
      copy,
      '2026-11-24 09:00',
      true,
      '2026-11-24T11:00',
      '2026-11-24T15:00',
      'same-day',
    ],
    [
      'Tuesday 2 h: lunch',
      marital,
      '2026-11-24 12:00',
      true,
      '2026-11-24T15:30',
      '2026-11-24T15:00',
      'same-day',
    ],
    [
      'Tuesday 2 h: last minute',
      marital,
      '2026-11-24 15:00',
      true,
      '2026-11-24T17:00',
      '2026-11-24T15:00',
      'same-day',
    ],
    [
      'Tuesday 2 h: 16:50 runs into Wednesday',
      marital,
      '2026-11-24 16:50',
      false,
      '2026-11-25T09:20',
      '2026-11-24T15:00',
      'after-cutoff',
    ],
    [
      'Wednesday: 3 working days',
      marital,
      '2026-11-25 09:00',
      false,
      '2026-11-30T17:00',
      null,
      'working-days',
    ],
    [
      '3 working days, after closing',
      business,
      '2026-11-25 18:00',
      false,
      '2026-11-30T17:00',
      null,
      'working-days',
    ],
    ['Saturday: closed', copy, '2026-11-28 09:00', false, '2026-11-30T17:00', null, 'closed-today'],
    [
      'holiday 01/01/2026 (Thursday)',
      copy,
      '2026-01-01 09:00',
      false,
      '2026-01-02T17:00',
      null,
      'closed-today',
    ],
    [
      'the day before a holiday, after cut-off',
      copy,
      '2026-04-29 15:30',
      false,
      '2026-05-04T17:00',
      '2026-04-29T15:00',
      'after-cutoff',
    ],
  ];
  it.each(rows)('%s', (_what, procedure, now, sameDay, dueAt, until, reason) => {
    const p = resultPromise(profile, procedure, vn(now));
    expect({
      sameDay: p.sameDay,
      dueAt: toVietnamIso(p.dueAt).slice(0, 16),
      until: p.sameDayUntil && toVietnamIso(p.sameDayUntil).slice(0, 16),
      reason: p.reason,
    }).toEqual({ sameDay, dueAt, until, reason });
  });

  it('never calls a result "same day" that falls on another date', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
      const now = new Date(vn('2026-11-24 00:00').getTime() + minutes * 60_000);
      for (const procedure of [copy, marital, business]) {
        const p = resultPromise(profile, procedure, now);
        expect(p.sameDay).toBe(toVietnamIso(p.dueAt).slice(0, 10) === '2026-11-24');
        if (p.sameDay) expect(now.getTime()).toBeLessThanOrEqual(p.sameDayUntil!.getTime());
        else if (p.sameDayUntil) expect(now.getTime()).toBeGreaterThanOrEqual(p.sameDayUntil.getTime());
      }
    }
  });
});
