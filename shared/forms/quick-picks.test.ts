import { beforeAll, describe, expect, it } from 'vitest';
import { findField, validateForm, visibleFields } from './engine.ts';
import { checkFormIntegrity, getForm, listForms } from './registry.ts';
import { placeName, quickPicksOf } from './quick-picks.ts';
import { FormSchema, type Condition, type FormDef } from './model.ts';
import { birthRegistrationForm } from './definitions/birth-registration.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const NOW = new Date('2026-11-24T03:00:00Z');
// Gia Lâm's office (assets/profiles/gia-lam.json): commune 00565 in Hà Nội (01).
const GIA_LAM = { provinceCode: '01', communeCode: '00565' };
const NO_VALUES = {};

function form(id: string): FormDef {
  const f = getForm(id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}
/** Values that make a `showWhen` hold. */
function shownBy(condition: Condition | undefined): Record<string, string> {
  if (!condition) return {};
  if ('notEmpty' in condition) return { [condition.field]: 'x' };
  return { [condition.field]: [condition.equals].flat()[0]! };
}
const picks = (formId: string, fieldId: string, values: Record<string, string> = NO_VALUES) =>
  quickPicksOf(form(formId), findField(form(formId), fieldId)!, values, GIA_LAM).map((p) => p.vi);

describe('quick picks', () => {
  it('offers the common answers of every person field from the form data', () => {
    for (const f of listForms()) {
      for (const s of f.sections) {
        for (const field of s.fields) {
          if (field.type === 'ethnicity')
            expect(picks(f.id, field.id)).toEqual([
              'Kinh',
              'Tày',
              'Thái',
              'Hoa',
              'Khơ-me',
              'Mường',
              'Nùng',
              'Mông',
            ]);
          if (field.type === 'nationality') expect(picks(f.id, field.id)).toEqual(['Việt Nam']);
        }
      }
    }
    expect(picks('birth-registration', 'copies.copies')).toEqual(['1', '2', '3', '5']);
    expect(picks('death-registration', 'requester.relationship')).toContain('Vợ');
    expect(picks('marital-status', 'request.relationship')).toContain('Con');
    expect(picks('certification-request', 'request.documentName')).toContain('Giấy khai sinh');
  });

  it('every quick pick is an answer the field accepts', () => {
    for (const f of listForms()) {
      for (const s of f.sections) {
        for (const field of s.fields) {
          for (const pick of quickPicksOf(f, field, NO_VALUES, GIA_LAM)) {
            // With the field shown, so that it is validated at all.
            const values = { ...shownBy(s.showWhen), ...shownBy(field.showWhen), [field.id]: pick.vi };
            expect(visibleFields(f, values).map((v) => v.id)).toContain(field.id);
            const errors = validateForm(f, values, { now: NOW });
            expect(errors[field.id], `${f.id} ${field.id} = ${pick.vi}`).toBeUndefined();
          }
        }
      }
    }
  });

  it('names places as people write them: the office’s commune, then a residence entered earlier', () => {
    expect(placeName(GIA_LAM)).toBe('Xã Gia Lâm, Thành phố Hà Nội');
    // Only the office's commune while the declarant's residence is not chosen.
    expect(picks('birth-registration', 'child.placeOfBirth')).toEqual(['Xã Gia Lâm, Thành phố Hà Nội']);
    // The declarant lives in the office's commune: offered once.
    const sameCommune = { 'requester.residence.province': '01', 'requester.residence.commune': '00565' };
    expect(picks('birth-registration', 'child.hometown', sameCommune)).toEqual([
      'Xã Gia Lâm, Thành phố Hà Nội',
    ]);
    // Another commune of Hà Nội (Bát Tràng, 00577): both, the office's first.
    const other = { 'requester.residence.province': '01', 'requester.residence.commune': '00577' };
    expect(picks('birth-registration', 'child.hometown', other)).toEqual([
      'Xã Gia Lâm, Thành phố Hà Nội',
      placeName({ provinceCode: '01', communeCode: '00577' }),
    ]);
    expect(placeName({ provinceCode: '01', communeCode: '00577' })).toBe('Xã Bát Tràng, Thành phố Hà Nội');
    // A commune that is not in the province given: no place rather than a wrong one.
    expect(placeName({ provinceCode: '79', communeCode: '00565' })).toBeNull();
    expect(picks('death-registration', 'death.place')).toEqual(['Xã Gia Lâm, Thành phố Hà Nội']);
  });

  it('a residence quick pick must name fields of its form', () => {
    const broken = FormSchema.parse({
      ...birthRegistrationForm,
      sections: birthRegistrationForm.sections.map((s) =>
        s.id !== 'child'
          ? s
          : {
              ...s,
              fields: s.fields.map((f) =>
                f.id === 'child.hometown' ? { ...f, suggestions: [{ place: 'residence', of: 'nobody' }] } : f,
              ),
            },
      ),
    });
    expect(checkFormIntegrity(broken)).toEqual([
      'child.hometown quick pick refers to unknown field nobody.province',
      'child.hometown quick pick refers to unknown field nobody.commune',
    ]);
  });
});
