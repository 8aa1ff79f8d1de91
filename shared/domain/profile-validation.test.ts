import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/procedures.ts';
import {
  formatPath,
  formatProfileErrors,
  validateOfficeProfile,
  type ProfileError,
} from './profile-validation.ts';
import { testProfileInput } from './test-support.ts';

/** A valid profile input, deep-copied so each test can break it. */
const base = () => structuredClone(testProfileInput()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(raw: unknown): ProfileError[] {
  const r = validateOfficeProfile(raw, CATALOGUE);
  if (r.ok) throw new Error('expected the profile to be refused');
  for (const e of r.errors) {
    expect(e.message.vi.length).toBeGreaterThan(5);
    expect(e.message.en.length).toBeGreaterThan(5);
  }
  return r.errors;
}
const paths = (raw: unknown) => errorsOf(raw).map((e) => e.path);

describe('validateOfficeProfile', () => {
  it('accepts a good profile and fills defaults', () => {
    const r = validateOfficeProfile(base(), CATALOGUE);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.profile.kiosk.idleTimeoutSeconds).toBe(90);
  });

  it('refuses things that are not a profile at all', () => {
    expect(paths(null)).toEqual(['']);
    expect(errorsOf('hello')[0]?.message.en).toMatch(/expected object/);
  });

  it('names missing fields and wrong formats in both languages', () => {
    const p = base();
    delete p.office.agencyCode;
    p.workingHours.periods[0].start = '7:30';
    p.schemaVersion = 2;
    const errors = errorsOf(p);
    expect(errors.find((e) => e.path === 'office.agencyCode')?.message).toEqual({
      vi: 'Thiếu mục bắt buộc này.',
      en: 'This required field is missing.',
    });
    expect(errors.find((e) => e.path === 'workingHours.periods[0].start')?.message.vi).toContain('HH:mm');
    expect(errors.find((e) => e.path === 'schemaVersion')?.message.en).toContain('1');
  });

  it('explains a malformed procedure code where it stands', () => {
    const p = base();
    p.schedule[1].models[0].procedures[1] = '2000815';
    const e = errorsOf(p);
    expect(e.map((x) => x.path)).toEqual(['schedule[1].models[0].procedures[1]']);
    expect(e[0]?.message.vi).toContain('2.000815');
  });

  it('refuses an unknown commune code', () => {
    const p = base();
    p.office.communeCode = '99999';
    expect(paths(p)).toEqual(['office.communeCode']);
  });

  it('refuses a commune that is in another province', () => {
    const p = base();
    p.office.communeCode = '01864'; // Xã Bằng Thành, Thái Nguyên (19)
    const [e] = errorsOf(p);
    expect(e?.path).toBe('office.communeCode');
    expect(e?.message.vi).toContain('Xã Bằng Thành');
    expect(e?.message.en).toContain('province 19');
  });

  it('refuses an unknown province code', () => {
    const p = base();
    p.office.provinceCode = '03';
    expect(paths(p)).toEqual(['office.provinceCode', 'office.communeCode']);
  });

  it('refuses schedule procedure codes missing from the catalogue', () => {
    const p = base();
    p.schedule[1].models[0].procedures.push('9.999999');
    const [e] = errorsOf(p);
    expect(e?.path).toBe('schedule[1].models[0].procedures[2]');
    expect(e?.message.en).toBe('Procedure 9.999999 is not in the catalogue.');
  });

  it('refuses a weekday listed twice', () => {
    const p = base();
    p.schedule.push({ weekday: 1, models: [{ model: 'no-writing', procedures: [] }] });
    expect(paths(p)).toEqual(['schedule[3].weekday']);
  });

  it('refuses a model listed twice on one day', () => {
    const p = base();
    p.schedule[0].models.push({ model: 'no-appointment', procedures: ['1.001193'] });
    expect(paths(p)).toEqual(['schedule[0].models[1].model']);
  });

  it('refuses a schedule on a day the office does not work', () => {
    const p = base();
    p.schedule.push({ weekday: 7, models: [{ model: 'no-writing', procedures: [] }] });
    expect(paths(p)).toEqual(['schedule[3].weekday']);
  });

  it('refuses periods out of order, overlapping or ending before they start', () => {
    const p = base();
    p.workingHours.periods = [
      { start: '13:30', end: '17:00' },
      { start: '07:30', end: '11:30' },
    ];
    expect(paths(p)).toEqual(['workingHours.periods[1]']);
    p.workingHours.periods = [
      { start: '07:30', end: '12:00' },
      { start: '11:30', end: '17:00' },
    ];
    expect(paths(p)).toEqual(['workingHours.periods[1]']);
    p.workingHours.periods = [{ start: '11:30', end: '07:30' }];
    expect(errorsOf(p)[0]?.message.en).toBe('End 07:30 must be after start 11:30.');
  });

  it('refuses a working day listed twice', () => {
    const p = base();
    p.workingHours.workingDays = [1, 2, 2, 3, 4, 5];
    expect(paths(p)).toEqual(['workingHours.workingDays[2]']);
  });

  it('refuses holiday dates outside their year, unreal or repeated', () => {
    const p = base();
    p.holidays['2026'] = ['2026-01-01', '2027-01-01', '2026-02-30', '2026-01-01'];
    expect(paths(p)).toEqual(['holidays["2026"][1]', 'holidays["2026"][2]', 'holidays["2026"][3]']);
    expect(errorsOf(p)[1]?.message.vi).toBe('Ngày 2026-02-30 không có thật.');
  });

  it('refuses a badly written holiday year key', () => {
    const p = base();
    p.holidays = { '26': ['2026-01-01'] };
    const [e] = errorsOf(p);
    expect(e?.path).toBe('holidays["26"]');
    expect(e?.message.en).toContain('4-digit year');
  });

  it('requires Saturday hours for "Sáng thứ Bảy vì dân", and only on Saturday', () => {
    const p = base();
    p.schedule.push({ weekday: 6, models: [{ model: 'saturday-morning', procedures: [] }] });
    expect(paths(p)).toEqual(['schedule[3].models[0].model']);
    p.workingHours.saturdayPeriods = [{ start: '07:30', end: '11:30' }];
    expect(validateOfficeProfile(p, CATALOGUE).ok).toBe(true);
    p.schedule[0].models.push({ model: 'saturday-morning', procedures: [] });
    expect(paths(p)).toEqual(['schedule[0].models[1].model']);
  });

  it('allows returnWithinWorkingHours only on the no-appointment model', () => {
    const p = base();
    p.schedule[1].models[1].returnWithinWorkingHours = 2;
    expect(paths(p)).toEqual(['schedule[1].models[1].returnWithinWorkingHours']);
  });

  it('keeps "30 phút tăng thêm" for the whole desk and needs a fee account for a cashless day', () => {
    const p = base();
    p.schedule[0].models.push({ model: 'extra-half-hour', procedures: ['2.000815'] });
    p.schedule[0].models.push({ model: 'cashless', procedures: ['2.000815'] });
    expect(paths(p)).toEqual(['schedule[0].models[1].procedures', 'schedule[0].models[2].model']);
    p.schedule[0].models[1].procedures = [];
    p.bankAccount = { bin: '970436', accountNumber: '0123456789', accountName: 'VI DU' };
    expect(validateOfficeProfile(p, CATALOGUE).ok).toBe(true);
  });

  it('refuses fee overrides and portal URLs for procedures not in the catalogue', () => {
    const p = base();
    p.feeOverrides = { '9.999999': { amountVnd: 1000, description: { vi: 'x', en: 'x' } } };
    p.portalUrls = { '2.000815': 'https://dichvucong.gov.vn/x', '9.999998': 'https://example.org' };
    expect(paths(p)).toEqual(['feeOverrides["9.999999"]', 'portalUrls["9.999998"]']);
  });

  it('refuses an idle warning longer than the idle timeout', () => {
    const p = base();
    p.kiosk = { idleTimeoutSeconds: 30, idleWarningSeconds: 30 };
    expect(paths(p)).toEqual(['kiosk.idleWarningSeconds']);
  });

  it('formats paths and error lists for logs', () => {
    expect(formatPath(['schedule', 1, 'models', 0, 'procedures', 2])).toBe(
      'schedule[1].models[0].procedures[2]',
    );
    expect(formatPath(['feeOverrides', '2.000815'])).toBe('feeOverrides["2.000815"]');
    expect(formatProfileErrors([{ path: 'a.b', message: { vi: 'sai', en: 'wrong' } }], 'en')).toBe(
      'a.b: wrong',
    );
  });
});
