import { beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../../../shared/forms/registry.ts';
import { applyIdCardScan } from './id-card.ts';
import { loadAdminUnits } from '../../../shared/admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const form = getForm('certification-request')!;
const CARD =
  '001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 1 ngõ 2, Xã Gia Lâm, Thành phố Hà Nội|01012022';

describe('applyIdCardScan', () => {
  it('fills the requester from a chip ID card and names what it filled', () => {
    const out = applyIdCardScan(form, 'requester', CARD, { 'request.documentName': 'Bằng tốt nghiệp' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.values['requester.fullName']).toBe('Nguyễn Văn An');
    expect(out.values['requester.personalId']).toBe('001095012345');
    expect(out.values['requester.residence.province']).toBe('01');
    expect(out.values['requester.residence.detail']).toBe('Số 1 ngõ 2');
    expect(out.values['request.documentName']).toBe('Bằng tốt nghiệp');
    expect(out.filledFieldIds).toContain('requester.fullName');
  });
  it('refuses foreign text and a truncated code without a value', () => {
    const foreign = applyIdCardScan(form, 'requester', 'https://dichvucong.gov.vn/p/home', {});
    expect(foreign.ok).toBe(false);
    const truncated = applyIdCardScan(form, 'requester', '001095012345|123456789|Nguyễn Văn', {});
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.message.vi).toMatch(/quét lại/);
  });
});
