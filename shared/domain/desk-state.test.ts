import { describe, expect, it } from 'vitest';
import { deskStateAt } from './desk-state.ts';
import { testProfile, vn } from './test-support.ts';

const p = testProfile();

describe('deskStateAt', () => {
  it('is open until the end of the current period', () => {
    expect(deskStateAt(p, vn('2026-11-24 09:00'))).toEqual({ kind: 'open', until: vn('2026-11-24 11:30') });
    expect(deskStateAt(p, vn('2026-11-24 13:30'))).toEqual({ kind: 'open', until: vn('2026-11-24 17:00') });
  });

  it('at lunch says when the desk opens again the same day', () => {
    expect(deskStateAt(p, vn('2026-11-24 11:30'))).toEqual({
      kind: 'break',
      reopensAt: vn('2026-11-24 13:30'),
    });
    expect(deskStateAt(p, vn('2026-11-24 12:45')).kind).toBe('break');
  });

  it('before the first period and after the last', () => {
    expect(deskStateAt(p, vn('2026-11-24 06:50'))).toEqual({
      kind: 'before-opening',
      opensAt: vn('2026-11-24 07:30'),
    });
    // Friday evening: the next opening is Monday morning.
    expect(deskStateAt(p, vn('2026-11-27 17:00'))).toEqual({
      kind: 'after-closing',
      reopensAt: vn('2026-11-30 07:30'),
    });
  });

  it('a weekend or a holiday is a day off, with the next opening', () => {
    expect(deskStateAt(p, vn('2026-11-28 10:00'))).toEqual({
      kind: 'day-off',
      holiday: false,
      reopensAt: vn('2026-11-30 07:30'),
    });
    expect(deskStateAt(p, vn('2026-09-02 10:00'))).toEqual({
      kind: 'day-off',
      holiday: true,
      reopensAt: vn('2026-09-03 07:30'),
    });
  });

  it('reads the wall clock in Vietnam whatever the machine zone (UTC 02:00 is 09:00 in Vietnam)', () => {
    expect(deskStateAt(p, new Date('2026-11-24T02:00:00Z')).kind).toBe('open');
  });
});
