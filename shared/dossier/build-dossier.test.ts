import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossier, freezeFormData } from './build-dossier.ts';
import { INITIAL_DOSSIER_CODE_STATE, nextDossierCode } from './dossier-code.ts';
import { receiptReturnText } from './receipt-text.ts';
import { getForm } from '../forms/registry.ts';
import { initialValues } from '../forms/engine.ts';
import { findProcedure } from '../catalogue/index.ts';
import { saturdayProfile, testProfile, vn } from '../domain/test-support.ts';
import type { FormDef } from '../forms/model.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const ID = '0b7f6d1e-4c2a-4e8b-9a77-5d1c2b3a4f60';

function birthValues(form: FormDef): Record<string, string> {
  return {
    ...initialValues(form),
    'requester.fullName': 'Nguye\u0302\u0303n Thi\u0323 Hoa'.normalize('NFD'), // NFD as some keyboards send it
    'requester.residence.province': '01',
    'requester.residence.commune': '00565',
    'requester.residence.detail': '  Thôn   Đông  ',
    'requester.personalId': '001 300 123 456',
    'requester.relationship': 'mother',
    'requester.phone': '+84 912 345 678',
    'child.fullName': 'Lê Minh An',
    'child.dateOfBirth': '1/11/2026',
    'child.sex': 'male',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Gia Lâm',
    'child.hometown': 'Gia Lâm, Hà Nội',
    'mother.fullName': 'Nguyễn Thị Hoa',
    'mother.birthYear': '2000',
    'mother.residence.province': '01',
    'mother.residence.commune': '00565',
    'mother.residence.detail': 'Thôn Đông',
    'father.undetermined': 'true',
    'father.fullName': 'typed, then the father was left out',
  };
}

describe('buildDossier', () => {
  const form = getForm('birth-registration')!;
  const procedure = findProcedure('1.001193')!;

  it('freezes canonical NFC answers, models of the day and the deadline', () => {
    const receivedAt = vn('2026-11-24 10:00'); // Tuesday: no-writing day for 1.001193
    const { code } = nextDossierCode(INITIAL_DOSSIER_CODE_STATE, receivedAt, 'TEST.00565', 1);
    const r = buildDossier({
      id: ID,
      code,
      kioskId: 'kiosk-1',
      profile: testProfile(),
      procedure,
      form,
      values: birthValues(form),
      volunteerId: 'vol-7',
      receivedAt,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.dossier;
    expect(d.code).toBe('TEST.00565.K01-261124-0001');
    expect(d.models).toEqual(['no-writing']);
    expect(d.applicantName).toBe('Nguyễn Thị Hoa');
    expect(d.applicantName).toBe(d.applicantName.normalize('NFC'));
    expect(d.formData['requester.fullName']).toBe('Nguyễn Thị Hoa');
    expect(d.formData['requester.residence.detail']).toBe('Thôn Đông');
    expect(d.formData['requester.personalId']).toBe('001300123456');
    expect(d.formData['requester.phone']).toBe('0912345678');
    expect(d.formData['child.dateOfBirth']).toBe('01/11/2026');
    expect(d.formData['father.fullName']).toBeUndefined(); // hidden section: not part of the declaration
    expect(d.receivedAt).toBe('2026-11-24T10:00:00+07:00');
    // Same-day procedure received before 15:00: due at close of business that day.
    expect(r.deadline.rule).toBe('same-day');
    expect(d.dueAt).toBe('2026-11-24T17:00:00+07:00');
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.formData)).toBe(true);
    expect(() => {
      (d.formData as Record<string, string>)['child.fullName'] = 'changed';
    }).toThrow();
  });

  it('refuses an invalid declaration and says where', () => {
    const values = { ...birthValues(form), 'child.dateOfBirth': '31/02/2026' };
    const r = buildDossier({
      id: ID,
      code: 'TEST.00565.K01-261124-0001',
      kioskId: 'kiosk-1',
      profile: testProfile(),
      procedure,
      form,
      values,
      volunteerId: null,
      receivedAt: vn('2026-11-24 10:00'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['child.dateOfBirth']);
  });

  it('records the Saturday-morning opening for any procedure', () => {
    const r = buildDossier({
      id: ID,
      code: 'TEST.00565.K01-261128-0001',
      kioskId: 'kiosk-1',
      profile: saturdayProfile(),
      procedure,
      form,
      values: birthValues(form),
      volunteerId: null,
      receivedAt: vn('2026-11-28 09:00'),
    });
    expect(r.ok && r.dossier.models).toEqual(['saturday-morning']);
  });

  it('freezeFormData drops empty answers', () => {
    const data = freezeFormData(form, { ...initialValues(form), 'child.fullName': '   ' });
    expect(data['child.fullName']).toBeUndefined();
    expect(data['child.nationality']).toBe('Việt Nam');
  });
});

describe('receiptReturnText', () => {
  it('states the same-day return time in Vietnam time (tests run in UTC)', () => {
    const due = vn('2026-11-24 16:30');
    expect(receiptReturnText(due, 'same-day', 'vi')).toBe(
      'Trả kết quả trước 16:30 ngày 24/11/2026 (trong ngày)',
    );
    expect(receiptReturnText(due, 'same-day', 'en')).toBe('Result by 16:30 on 24/11/2026 (same day)');
    expect(receiptReturnText(due, 'same-day', 'vi', { weekday: true })).toBe(
      'Trả kết quả trước 16:30 thứ Ba, ngày 24/11/2026 (trong ngày)',
    );
  });

  it('names the other rules', () => {
    expect(receiptReturnText(vn('2026-11-24 14:00'), 'within-working-hours', 'vi', { workingHours: 2 })).toBe(
      'Trả kết quả trước 14:00 ngày 24/11/2026 (trong vòng 2 giờ làm việc)',
    );
    expect(receiptReturnText(vn('2026-11-25 17:00'), 'next-working-day', 'en')).toBe(
      'Result by 17:00 on 25/11/2026 (next working day)',
    );
    expect(
      receiptReturnText(vn('2026-11-27 17:00'), 'statutory-working-days', 'vi', { workingDays: 3 }),
    ).toBe('Trả kết quả trước 17:00 ngày 27/11/2026 (3 ngày làm việc)');
  });

  it('a deadline just after Vietnam midnight shows the Vietnam date', () => {
    // 17:30 UTC on the 24th is 00:30 on the 25th in Vietnam.
    expect(receiptReturnText(new Date('2026-11-24T17:30:00Z'), 'same-day', 'vi')).toBe(
      'Trả kết quả trước 00:30 ngày 25/11/2026 (trong ngày)',
    );
  });

  it('fits the deadline computed for a certified copy on a no-appointment day (within 2 working hours)', () => {
    const profile = testProfile();
    const form = getForm('certification-request')!;
    const r = buildDossier({
      id: ID,
      code: 'TEST.00565.K01-261124-0002',
      kioskId: 'kiosk-1',
      profile,
      procedure: findProcedure('2.000815')!,
      form,
      values: {
        ...initialValues(form, '2.000815'),
        'requester.fullName': 'Phạm Văn Bình',
        'requester.personalId': '001080000001',
        'request.documentName': 'Bằng tốt nghiệp',
      },
      volunteerId: null,
      receivedAt: vn('2026-11-24 10:00'),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dossier.models).toEqual(['no-appointment']);
    expect(r.deadline.rule).toBe('within-working-hours');
    expect(receiptReturnText(r.deadline.dueAt, r.deadline.rule, 'vi', { workingHours: 2 })).toBe(
      'Trả kết quả trước 14:00 ngày 24/11/2026 (trong vòng 2 giờ làm việc)',
    );
  });
});
