import { describe, expect, it } from 'vitest';
import { computeToday } from './today.ts';
import { proceduresServedToday } from './served-today.ts';
import { testProfile, vn } from './test-support.ts';

describe('proceduresServedToday', () => {
  it('lists a procedure served by two models once, with both models', () => {
    const today = computeToday(testProfile(), vn('2026-11-24 09:00'));
    expect(proceduresServedToday(today.models)).toEqual([
      { code: '2.000815', models: ['no-appointment'] },
      { code: '1.004873', models: ['no-appointment', 'no-writing'] },
      { code: '1.001193', models: ['no-writing'] },
    ]);
  });

  it('is empty on a day without models', () => {
    expect(proceduresServedToday(computeToday(testProfile(), vn('2026-11-25 09:00')).models)).toEqual([]);
  });
});
