/**
 * Profiles for unit tests of the time rules: a plain commune office (7:30–11:30,
 * 13:30–17:00, Monday–Friday) and variants. Only used by *.test.ts files.
 */
import { OfficeProfileSchema, type OfficeProfile, type OfficeProfileInput } from './office-profile.ts';

export function testProfileInput(overrides: Partial<OfficeProfileInput> = {}): OfficeProfileInput {
  return {
    schemaVersion: 1,
    office: {
      name: 'UBND Xã Gia Lâm',
      communeCode: '00565',
      provinceCode: '01',
      agencyCode: 'TEST.00565',
      address: 'Xã Gia Lâm, Thành phố Hà Nội',
    },
    workingHours: {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      workingDays: [1, 2, 3, 4, 5],
      saturdayPeriods: [],
    },
    holidays: {
      '2026': ['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02'],
    },
    schedule: [
      {
        weekday: 1,
        models: [{ model: 'no-appointment', procedures: ['2.000815', '2.000908', '2.000884', '2.000913'] }],
      },
      {
        weekday: 2,
        models: [
          { model: 'no-appointment', procedures: ['2.000815', '1.004873'], returnWithinWorkingHours: 2 },
          { model: 'no-writing', procedures: ['1.004873', '1.001193'] },
        ],
      },
      { weekday: 4, models: [{ model: 'online-service', procedures: ['1.004859', '1.001612'] }] },
    ],
    ...overrides,
  };
}

export function testProfile(overrides: Partial<OfficeProfileInput> = {}): OfficeProfile {
  return OfficeProfileSchema.parse(testProfileInput(overrides));
}

/** The same office also opening "Sáng thứ Bảy vì dân", 7:30–11:30. */
export function saturdayProfile(): OfficeProfile {
  const base = testProfileInput();
  return testProfile({
    workingHours: { ...base.workingHours, saturdayPeriods: [{ start: '07:30', end: '11:30' }] },
    schedule: [...base.schedule, { weekday: 6, models: [{ model: 'saturday-morning', procedures: [] }] }],
  });
}

/** A Vietnam wall-clock instant, e.g. vn('2026-11-24 10:30'). */
export function vn(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}:00+07:00`);
}
