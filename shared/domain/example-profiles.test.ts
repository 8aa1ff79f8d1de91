// Loads the shipped example profiles (assets/profiles/*.json) the way the kiosk does at start.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeOfDay } from './working-time.ts';
import { CATALOGUE } from '../catalogue/procedures.ts';
import { findCommune } from '../admin-units/index.ts';
import type { OfficeProfile } from './office-profile.ts';
import { formatProfileErrors, validateOfficeProfile } from './profile-validation.ts';
import { computeToday } from './today.ts';
import { sameDayDeadline } from './deadline.ts';
import { vn } from './test-support.ts';
import { toVietnamIso } from './vietnam-time.ts';

const dir = new URL('../../assets/profiles/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function load(file: string): OfficeProfile {
  const r = validateOfficeProfile(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), CATALOGUE);
  if (!r.ok) throw new Error(`${file}:\n${formatProfileErrors(r.errors, 'en')}`);
  return r.profile;
}

describe('example profiles', () => {
  it('include pac-nam.json and gia-lam.json', () => {
    expect(files).toEqual(
      expect.arrayContaining(['pac-nam.json', 'gia-lam.json', 'cho-don.json', 'dak-nong.json']),
    );
  });

  it.each(files)('%s passes validateOfficeProfile', (file) => {
    const p = load(file);
    expect(p.notes?.length).toBeGreaterThan(0);
    expect(findCommune(p.office.communeCode)?.provinceCode).toBe(p.office.provinceCode);
  });

  it('Pác Nặm: Monday no-appointment for certification, Thursday online day', () => {
    const p = load('pac-nam.json');
    expect(findCommune(p.office.communeCode)?.formerly).toContain('Xã Bộc Bố');
    const monday = computeToday(p, vn('2026-11-23 09:00'));
    expect(monday.models.map((m) => m.model)).toEqual(['no-appointment']);
    expect(monday.sameDayProcedures).toEqual(['2.000815', '2.000908', '2.000884', '2.000913']);
    const tuesday = computeToday(p, vn('2026-11-24 09:00'));
    expect(tuesday.models).toEqual([]);
    expect(tuesday.nextRuns.map((r) => [r.model, r.date])).toEqual([
      ['no-appointment', '2026-11-30'],
      ['online-service', '2026-11-26'],
    ]);
  });

  it('Gia Lâm: Tuesday no-writing and no-appointment, result within 2 working hours', () => {
    const p = load('gia-lam.json');
    const tuesday = computeToday(p, vn('2026-11-24 10:30'));
    expect(tuesday.models.map((m) => m.model).sort()).toEqual(['no-appointment', 'no-writing']);
    expect(tuesday.models.find((m) => m.model === 'no-appointment')?.returnWithinWorkingHours).toBe(2);
    const birth = CATALOGUE.procedures.find((x) => x.code === '1.001193')!;
    const d = sameDayDeadline(p, birth, vn('2026-11-24 10:30'));
    expect([toVietnamIso(d.dueAt), d.rule]).toEqual(['2026-11-24T14:30:00+07:00', 'within-working-hours']);
    expect(p.bankAccount?.bin).toMatch(/^\d{6}$/);
    expect(p.notes?.some((n) => n.includes('EXAMPLE bank account'))).toBe(true);
  });

  it('Chợ Đồn: Tuesday no-appointment and online day for 1.004859 and 1.001612', () => {
    const p = load('cho-don.json');
    const tuesday = computeToday(p, vn('2026-11-24 09:00'));
    expect(tuesday.models.find((m) => m.model === 'online-service')?.procedures).toEqual([
      '1.004859',
      '1.001612',
    ]);
  });

  it('Chợ Đồn: Monday runs no-waiting, the 30 extra minutes (desk closes 17:30) and the cashless day', () => {
    const p = load('cho-don.json');
    const monday = computeToday(p, vn('2026-11-23 17:15'));
    expect(monday.models.map((m) => m.model)).toEqual(['no-waiting', 'extra-half-hour', 'cashless']);
    expect(toVietnamIso(closeOfDay(p, '2026-11-23')!)).toBe('2026-11-23T17:30:00+07:00');
    expect(toVietnamIso(closeOfDay(p, '2026-11-24')!)).toBe('2026-11-24T17:00:00+07:00');
    expect(p.bankAccount?.bin).toMatch(/^\d{6}$/);
    expect(p.notes?.some((n) => n.includes('are assumptions'))).toBe(true);
  });

  it('Đắk Nông: the four procedures on no-appointment and no-writing, weekday flagged as a choice', () => {
    const p = load('dak-nong.json');
    const codes = ['1.011441', '1.011443', '1.001612', '1.004873'];
    const day = p.schedule[0]!;
    expect(day.models.map((m) => [m.model, m.procedures])).toEqual([
      ['no-appointment', codes],
      ['no-writing', codes],
    ]);
    expect(p.notes?.some((n) => n.includes('does NOT name the weekday'))).toBe(true);
  });

  it('holidays stop the models: no Tuesday model on a Tết weekday', () => {
    const p = load('gia-lam.json');
    const tet = computeToday(p, vn('2026-02-17 09:00'));
    expect(tet).toMatchObject({ isHoliday: true, models: [] });
    expect(tet.nextRuns[0]?.date).toBe('2026-02-24');
  });
});
