import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { tempDir, validProfile, writeProfile } from '../test-support/fixtures.ts';
import { jsonSyntaxErrorAt } from './json-syntax.ts';
import {
  formatProfileProblems,
  jsonErrorLocation,
  loadOfficeProfile,
  locateOfficeProfile,
} from './profile-loader.ts';

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
    expect(result.problems[0]?.message.vi).toBe(
      'Lỗi cú pháp JSON ở dòng 3, cột 28: gặp ký tự "," không đúng chỗ.',
    );
    expect(result.problems[0]?.message.en).toBe('JSON syntax error at line 3, column 28: unexpected ",".');
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
    expect(
      result.problems.some((p) => p.path.includes('procedures') || p.message.en.includes('9.999999')),
    ).toBe(true);
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
  it('finds the first syntax error as line and column, or the end of a truncated file', () => {
    expect(jsonErrorLocation('{\n "a": 1,\n "b": }')).toEqual({ line: 3, column: 7, found: '}' });
    expect(jsonErrorLocation('{\n  "a": [1, 2')).toEqual({ line: 2, column: 13, found: null });
    expect(jsonErrorLocation('{"a": 1}\n{')).toEqual({ line: 2, column: 1, found: '{' });
    expect(jsonErrorLocation('{"a": \'x\'}')).toMatchObject({ line: 1, column: 7 });
    expect(jsonErrorLocation('{"a": "tab\there"}')).toMatchObject({ line: 1, column: 11 });
  });
});

describe('jsonSyntaxErrorAt', () => {
  it('accepts every valid JSON text JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      ' 0 ',
      '-1.5e+3',
      '"\\u00e9\\n"',
      '{"a":[true,false,null,{"b":"c"}]}',
      JSON.stringify(validProfile(), null, 2),
    ]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonSyntaxErrorAt(text), text).toBeNull();
    }
  });
  it('rejects what JSON.parse rejects', () => {
    for (const text of [
      '',
      '{',
      '{"a":1,}',
      '[1,]',
      '01',
      '-',
      '1.',
      'tru',
      '{"a" 1}',
      '{a:1}',
      '"\\x"',
      '[1] 2',
    ]) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(jsonSyntaxErrorAt(text), text).not.toBeNull();
    }
  });
});

describe('locateOfficeProfile', () => {
  const base = {
    installedProfile: '/data/office-profile.json',
    developmentDefault: '/repo/assets/profiles/pac-nam.json',
  };
  it('prefers KIOSK_PROFILE, then the installed profile, then the development default', () => {
    expect(
      locateOfficeProfile({ ...base, env: { KIOSK_PROFILE: '/x/p.json' }, exists: () => true }),
    ).toMatchObject({
      ok: true,
      file: path.resolve('/x/p.json'),
      source: 'env',
    });
    expect(locateOfficeProfile({ ...base, env: {}, exists: () => true })).toMatchObject({
      file: '/data/office-profile.json',
      source: 'data-dir',
    });
    expect(locateOfficeProfile({ ...base, env: {}, exists: () => false })).toMatchObject({
      source: 'development-default',
    });
  });
  it('refuses in a release when no profile is installed', () => {
    const result = locateOfficeProfile({ ...base, developmentDefault: null, env: {}, exists: () => false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message.en).toContain('/data/office-profile.json');
  });
});
