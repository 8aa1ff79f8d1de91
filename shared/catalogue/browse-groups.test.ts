import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './procedures.ts';
import { browseGroups } from './browse-groups.ts';
import type { Procedure } from '../domain/procedure.ts';

describe('browseGroups', () => {
  it('puts every procedure of the shipped catalogue in exactly one of the four groups', () => {
    const groups = browseGroups(CATALOGUE.procedures);
    expect(groups.map((g) => g.name.vi)).toEqual([
      'Hộ tịch',
      'Chứng thực',
      'Đất đai và giao dịch bảo đảm',
      'Kinh doanh',
    ]);
    const codes = groups.flatMap((g) => g.procedures.map((p) => p.code));
    expect(codes.sort()).toEqual(CATALOGUE.procedures.map((p) => p.code).sort());
    expect(groups[0]!.procedures.map((p) => p.name.vi)).toContain('Đăng ký khai sinh');
  });

  it('a field no group names becomes its own group; empty groups are left out', () => {
    const base = CATALOGUE.procedures.find((p) => p.code === '1.001193')!;
    const education: Procedure = {
      ...base,
      code: '1.005099',
      field: { vi: 'Giáo dục và Đào tạo', en: 'Education and training' },
    };
    const groups = browseGroups([base, education]);
    expect(groups.map((g) => [g.name.vi, g.icon, g.procedures.length])).toEqual([
      ['Hộ tịch', 'family', 1],
      ['Giáo dục và Đào tạo', 'folder', 1],
    ]);
  });

  it('matches a field whatever its case, Unicode form or tone seat', () => {
    const base = CATALOGUE.procedures.find((p) => p.code === '1.001193')!;
    const shouted = { ...base, field: { vi: 'HỘ TỊCH'.normalize('NFD'), en: 'Civil status' } };
    expect(browseGroups([shouted]).map((g) => g.id)).toEqual(['civil-status']);
  });
});
