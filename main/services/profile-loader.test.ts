import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { tempDir, validProfile, writeProfile } from '../test-support/fixtures.ts';
import { formatProfileProblems, jsonErrorLocation, loadOfficeProfile, locateOfficeProfile } from './profile-loader.ts';

const read = (file: string) => readFile(file, 'utf8');

describe('loadOfficeProfile', () => {
  it('loads a valid profile and applies the schema defaults', async () => {
    const file = writeProfile(tempDir('profile'), validProfile());
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.office.communeCode).toBe('00565');
    expect(result.profile.kiosk.idleTimeoutSeconds).toBe(90);
    expect(result.profile.schedule[0]?.weekday).toBe(2);
  });

  it('accepts a UTF-8 byte-order mark (Windows Notepad)', async () => {
    const file = writeProfile(tempDir('profile'), '\uFEFF' + JSON.stringify(validProfile()));
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result.ok).toBe(true);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const text = '{\n  "schemaVersion": 1,\n  "office": { "name": "x" ,, }\n}';
    const file = writeProfile(tempDir('profile'), text);
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('(JSON, line 3, column 28)');
    expect(result.problems[0]?.message.vi).toContain('dòng 3, cột 28');
    expect(result.problems[0]?.message.en).toContain('line 3, column 28');
  });

  it('refuses an invalid field, naming its path and why in both languages', async () => {
    const profile = validProfile();
    (profile.schedule[0] as { weekday: number }).weekday = 8;
    const file = writeProfile(tempDir('profile'), profile);
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.path.includes('weekday'));
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem?.path).toMatch(/schedule.*0.*weekday/);
    expect(problem?.message.vi.length).toBeGreaterThan(0);
    expect(problem?.message.en.length).toBeGreaterThan(0);
  });

  it('refuses a schedule naming a procedure the catalogue does not have', async () => {
    const profile = validProfile();
    profile.schedule[0]?.models[0]?.procedures.push('9.999999');
    const file = writeProfile(tempDir('profile'), profile);
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => p.path.includes('procedures') || p.message.en.includes('9.999999'))).toBe(true);
  });

  it('reports a missing file', async () => {
    const file = path.join(tempDir('profile'), 'nope.json');
    const result = await loadOfficeProfile({ file, catalogue: CATALOGUE, readFile: read });
    expect(result).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
    if (result.ok) return;
    expect(result.problems[0]?.message.en).toMatch(/does not exist/);
  });
});

describe('formatProfileProblems', () => {
  it('lists the file and each field with both languages', () => {
    const text = formatProfileProblems('/etc/kiosk/office-profile.json', [
      { path: 'schedule.0.weekday', message: { vi: 'Thứ không hợp lệ', en: 'Invalid weekday' } },
      { path: 'office.communeCode', message: { vi: 'Mã xã không tồn tại', en: 'Unknown commune code' } },
    ]);
    expect(text).toContain('/etc/kiosk/office-profile.json');
    expect(text).toMatch(/• schedule\.0\.weekday\n\s+Thứ không hợp lệ\n\s+Invalid weekday/);
    expect(text).toMatch(/• office\.communeCode\n\s+Mã xã không tồn tại\n\s+Unknown commune code/);
  });
});

describe('jsonErrorLocation', () => {
  it('turns a position into line and column', () => {
    const text = 'ab\ncd\nef';
    expect(jsonErrorLocation(text, new SyntaxError('Unexpected token in JSON at position 4'))).toEqual({ line: 2, column: 2 });
    expect(jsonErrorLocation(text, new SyntaxError('Unexpected end of JSON input'))).toEqual({ line: 3, column: 3 });
  });
});

describe('locateOfficeProfile', () => {
  const base = {
    installedProfile: '/data/office-profile.json',
    developmentDefault: '/repo/assets/profiles/pac-nam.json',
  };
  it('prefers KIOSK_PROFILE, then the installed profile, then the development default', () => {
    expect(locateOfficeProfile({ ...base, env: { KIOSK_PROFILE: '/x/p.json' }, exists: () => true })).toMatchObject({
      ok: true,
      file: path.resolve('/x/p.json'),
      source: 'env',
    });
    expect(locateOfficeProfile({ ...base, env: {}, exists: () => true })).toMatchObject({ file: '/data/office-profile.json', source: 'data-dir' });
    expect(locateOfficeProfile({ ...base, env: {}, exists: () => false })).toMatchObject({ source: 'development-default' });
  });
  it('refuses in a release when no profile is installed', () => {
    const result = locateOfficeProfile({ ...base, developmentDefault: null, env: {}, exists: () => false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message.en).toContain('/data/office-profile.json');
  });
});
