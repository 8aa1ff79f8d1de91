import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainProfileErrors, formToProfile, profileToForm } from './profile-form.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../shared/domain/office-profile.ts';
import { validateOfficeProfile } from '../shared/domain/profile-validation.ts';
import { ProfileFormSchema } from '../shared/contracts/profile-form.ts';

const GIA_LAM = OfficeProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8')),
);
const nameOf = (code: string) => CATALOGUE.procedures.find((p) => p.code === code)!.name.vi;
const indexOf = (code: string) => CATALOGUE.procedures.findIndex((p) => p.code === code);

describe('office profile form ↔ profile', () => {
  it('reads back the profile it was opened on, keeping what the form does not show', () => {
    const form = profileToForm(GIA_LAM, CATALOGUE);
    const { profile, problems } = formToProfile(form, GIA_LAM, CATALOGUE);
    expect(problems).toEqual([]);
    const check = validateOfficeProfile(profile, CATALOGUE);
    expect(check.ok).toBe(true);
    const back = check.ok ? check.profile : null;
    expect(back?.schedule).toEqual(GIA_LAM.schedule);
    expect(back?.holidays).toEqual(GIA_LAM.holidays);
    expect(back?.workingHours).toEqual(GIA_LAM.workingHours);
    expect(back?.bankAccount).toEqual(GIA_LAM.bankAccount);
    expect(back?.office).toEqual(GIA_LAM.office);
    expect(back?.notes).toEqual(GIA_LAM.notes);
    expect(back?.kiosk).toEqual(GIA_LAM.kiosk);
    // Holidays as Vietnamese write them, one per line.
    expect(form.holidays.split('\n')[0]).toBe('01/01/2026');
  });

  it('maps the weekday × model × procedure grid (new ticks in catalogue order), with the return time', () => {
    const [a, b] = [CATALOGUE.procedures[3]!.code, CATALOGUE.procedures[1]!.code];
    const body = ProfileFormSchema.parse({
      ...profileToForm(GIA_LAM, CATALOGUE),
      csrf: 'x',
      runs: ['4:extra-half-hour', '3:no-writing'],
      cell: [`3:no-appointment:${a}`, `3:no-appointment:${b}`],
      returnHours: ['', '', '1,5', '', '', '', ''],
    });
    const { profile, problems } = formToProfile(body, GIA_LAM, CATALOGUE);
    expect(problems).toEqual([]);
    expect(profile.schedule).toEqual([
      {
        weekday: 3,
        models: [
          { model: 'no-appointment', procedures: [b, a], returnWithinWorkingHours: 1.5 },
          { model: 'no-writing', procedures: [] },
        ],
      },
      { weekday: 4, models: [{ model: 'extra-half-hour', procedures: [] }] },
    ]);
  });

  it('reads fees as written in đồng and fills in the words; a blank row keeps the catalogue fee', () => {
    const form = profileToForm(GIA_LAM, CATALOGUE);
    const i = indexOf('2.000815');
    form.feeAmount[i] = '3.000';
    form.portalUrl[i] = 'https://dichvucong.example.test/x';
    const { profile } = formToProfile(form, GIA_LAM, CATALOGUE);
    expect(profile.feeOverrides).toEqual({
      '2.000815': { amountVnd: 3000, description: { vi: '3.000 đồng', en: '3,000 VND' } },
    });
    expect(profile.portalUrls).toEqual({ '2.000815': 'https://dichvucong.example.test/x' });
  });

  it('lists text it cannot read, by section, naming the procedure rather than its code', () => {
    const form = profileToForm(GIA_LAM, CATALOGUE);
    form.holidays = '02/09/2026\n31/02/2026';
    form.periodStart = ['7:30', '25:00'];
    form.periodEnd = ['11:30', '17:00'];
    form.feeAmount[indexOf('2.000815')] = 'hai nghìn';
    form.returnHours[1] = '0';
    const { profile, problems } = formToProfile(form, GIA_LAM, CATALOGUE);
    expect(problems.map((p) => p.section)).toEqual(['hours', 'holidays', 'schedule', 'procedures']);
    expect(problems[1]!.message.vi).toContain('31/02/2026');
    expect(problems[3]!.where?.vi).toBe(nameOf('2.000815'));
    // What could be read still builds the candidate ("7:30" is 07:30).
    expect((profile.workingHours as { periods: unknown }).periods).toEqual([
      { start: '07:30', end: '11:30' },
    ]);
    expect(profile.holidays).toEqual({ '2026': ['2026-09-02'] });
  });

  it('places the kiosk validation errors in their section, with weekday, model and procedure in words', () => {
    const form = profileToForm(GIA_LAM, CATALOGUE);
    form.runs.push('2:cashless');
    form.bankBin = '';
    form.bankAccountNumber = '';
    form.bankAccountName = '';
    form.workingDays = ['1', '3', '4', '5'];
    const { profile } = formToProfile(form, GIA_LAM, CATALOGUE);
    const check = validateOfficeProfile(profile, CATALOGUE);
    expect(check.ok).toBe(false);
    const explained = explainProfileErrors(check.ok ? [] : check.errors, profile, CATALOGUE);
    expect(explained).toContainEqual(
      expect.objectContaining({ section: 'hours', where: { vi: 'Thứ Ba', en: 'Tuesday' } }),
    );
    // Listed where the fix is typed: the fee account, not the grid.
    expect(explained).toContainEqual({
      section: 'bank',
      where: { vi: 'Thứ Ba · Ngày không dùng tiền mặt', en: 'Tuesday · Cashless day' },
      message: {
        vi: 'Ngày không dùng tiền mặt cần tài khoản nhận phí để in mã QR chuyển khoản.',
        en: 'A cashless day needs the fee account for the transfer QR code.',
      },
    });

    // A procedure the catalogue does not hold is named by the catalogue that had it.
    const dropped = { ...CATALOGUE, procedures: CATALOGUE.procedures.filter((p) => p.code !== '2.000815') };
    const bad = validateOfficeProfile(GIA_LAM, dropped);
    const named = explainProfileErrors(bad.ok ? [] : bad.errors, GIA_LAM, CATALOGUE);
    expect(named[0]).toMatchObject({ section: 'schedule' });
    expect(named[0]!.where?.vi).toContain(nameOf('2.000815'));
  });

  it('reads a lone field (one ticked box) as a one-item list', () => {
    const body = ProfileFormSchema.parse({ csrf: 'x', workingDays: '2', cell: '2:no-writing:2.000815' });
    expect(body.workingDays).toEqual(['2']);
    expect(body.cell).toEqual(['2:no-writing:2.000815']);
    expect(body.holidays).toBe('');
  });
});
