import { describe, expect, it } from 'vitest';
import settingsVi from './locales/vi.json';
import settingsEn from './locales/en.json';
import volunteerVi from '../volunteer-session/locales/vi.json';
import volunteerEn from '../volunteer-session/locales/en.json';
import dossiersVi from '../dossiers/locales/vi.json';
import dossiersEn from '../dossiers/locales/en.json';
import attachmentsVi from '../attachments/locales/vi.json';
import attachmentsEn from '../attachments/locales/en.json';

function flat(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? flat(v as object, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

describe.each([
  ['settings', settingsVi, settingsEn],
  ['volunteerSession', volunteerVi, volunteerEn],
  ['dossiers', dossiersVi, dossiersEn],
  ['attachments', attachmentsVi, attachmentsEn],
])('%s namespace', (_name, vi, en) => {
  it('has the same keys in vi and en, none empty', () => {
    expect(
      flat(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      flat(vi)
        .map(([k]) => k)
        .sort(),
    );
    for (const [k, v] of [...flat(vi), ...flat(en)]) {
      expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
    }
  });
});
