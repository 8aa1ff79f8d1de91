import { describe, expect, it } from 'vitest';
import { deskState } from './desk-state.ts';
import { testProfile, vn } from './test-support.ts';
import { toVietnamIso } from './vietnam-time.ts';

const profile = testProfile();
const short = (d: Date | null) => (d ? toVietnamIso(d).slice(0, 16) : null);

describe('deskState', () => {
  it.each([
    ['2026-11-23 06:00', 'before-opening', '2026-11-23T07:30'],
    ['2026-11-23 07:30', 'open', '2026-11-23T11:30'],
    ['2026-11-23 11:29', 'open', '2026-11-23T11:30'],
    ['2026-11-23 11:30', 'break', '2026-11-23T13:30'],
    ['2026-11-23 12:00', 'break', '2026-11-23T13:30'],
    ['2026-11-23 13:30', 'open', '2026-11-23T17:00'],
    ['2026-11-23 16:50', 'open', '2026-11-23T17:00'],
    ['2026-11-23 17:00', 'closed', '2026-11-24T07:30'],
    ['2026-11-27 18:00', 'closed', '2026-11-30T07:30'],
    ['2026-11-28 10:00', 'closed', '2026-11-30T07:30'],
    ['2026-01-01 10:00', 'closed', '2026-01-02T07:30'],
  ])('%s → %s (%s)', (now, kind, at) => {
    const s = deskState(profile, vn(now));
    expect(s.kind).toBe(kind);
    const when = s.kind === 'open' ? s.until : s.kind === 'break' ? s.reopensAt : s.opensAt;
    expect(short(when)).toBe(at);
  });
});
