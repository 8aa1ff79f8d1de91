import { describe, expect, it } from 'vitest';
import { getForm } from '../../shared/forms/registry.ts';
import { findCommune, findProvince } from '../../shared/admin-units/index.ts';
import { decodeForm } from './decoded-form.ts';

describe('a declaration decoded for staff', () => {
  const form = getForm('certification-request')!;
  const kind = form.sections.flatMap((s) => s.fields).find((f) => f.id === 'request.kind')!;
  const values = {
    'requester.fullName': 'Nguyễn Thị Bình',
    'requester.residence.province': '01',
    'requester.residence.commune': '00004',
    'request.kind': kind.options![0]!.value,
    stray: 'x',
  };
  const label = (id: string, lang: 'vi' | 'en') =>
    form.sections.flatMap((s) => s.fields).find((f) => f.id === id)!.label[lang];

  it('shows the form’s own sections and labels, choices as words, places by name', () => {
    const decoded = decodeForm('certification-request', values, 'vi');
    expect(decoded.known).toBe(true);
    expect(decoded.sections.map((s) => s.title)).toEqual(form.sections.map((s) => s.title.vi));
    const rows = new Map(decoded.sections.flatMap((s) => s.rows).map((r) => [r.label, r.value]));
    expect(rows.get(label('requester.residence.province', 'vi'))).toBe(findProvince('01')!.name);
    expect(rows.get(label('requester.residence.commune', 'vi'))).toBe(findCommune('00004')!.name);
    expect(rows.get(label('request.kind', 'vi'))).toBe(kind.options![0]!.label.vi);
    // Empty answers are left out; what the form does not show is listed apart, as stored.
    expect(rows.size).toBe(4);
    expect(decoded.others).toEqual([{ key: 'stray', value: 'x' }]);
    const english = decodeForm('certification-request', values, 'en');
    expect(english.sections.map((s) => s.title)).toEqual(form.sections.map((s) => s.title.en));
    expect(english.sections[1]!.rows[0]).toEqual({
      label: label('request.kind', 'en'),
      value: kind.options![0]!.label.en,
    });
  });

  it('writes dates as dd/mm/yyyy', () => {
    const birth = getForm('birth-registration')!;
    const date = birth.sections.flatMap((s) => s.fields).find((f) => f.type === 'date' && !f.showWhen)!;
    const decoded = decodeForm('birth-registration', { [date.id]: '1/2/2026' }, 'vi');
    expect(decoded.sections.flatMap((s) => s.rows)).toContainEqual({
      label: date.label.vi,
      value: '01/02/2026',
    });
  });

  it('lists the answers as stored when the form is unknown to the office', () => {
    expect(decodeForm('future-form', { a: '1', b: '' }, 'vi')).toEqual({
      known: false,
      sections: [],
      others: [{ key: 'a', value: '1' }],
    });
  });
});
