import { describe, expect, it } from 'vitest';
import { parseCccdQr } from './cccd-qr.ts';
import { GOOD_ID_CARDS, REJECT_ID_CARDS } from '../../tests/support/id-card-samples.ts';

const GOOD =
  '042098654321|186000001|Nguyễn Văn An|01011998|Nam|Thôn 1, Xã Thạch Hà, Huyện Thạch Hà, Hà Tĩnh|15082021';

describe('parseCccdQr', () => {
  it('reads the seven fields', () => {
    expect(parseCccdQr(GOOD)).toEqual({
      ok: true,
      person: {
        personalId: '042098654321',
        oldId: '186000001',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '01/01/1998',
        sex: 'male',
        address: 'Thôn 1, Xã Thạch Hà, Huyện Thạch Hà, Hà Tĩnh',
        issueDate: '15/08/2021',
      },
    });
  });

  it('accepts an empty old ID, a woman, and the scanner terminator', () => {
    const r = parseCccdQr('001301012345||Trần Thị Đào|05062001|Nữ|Số 5, Phường Ba Đình, Hà Nội|01022022\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.person.oldId).toBeUndefined();
    expect(r.person.sex).toBe('female');
    expect(r.person.fullName).toBe('Trần Thị Đào');
  });

  it('tolerates trailing fields of newer cards', () => {
    const r = parseCccdQr(`${GOOD}|Nguyễn Văn Cha|Lê Thị Mẹ|`);
    expect(r.ok && r.person.issueDate).toBe('15/08/2021');
  });

  it('normalises NFD input to NFC', () => {
    const r = parseCccdQr(GOOD.normalize('NFD'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.person.fullName).toBe('Nguyễn Văn An');
    expect(r.person.fullName).toBe(r.person.fullName.normalize('NFC'));
    expect(r.person.address).toBe('Thôn 1, Xã Thạch Hà, Huyện Thạch Hà, Hà Tĩnh');
  });

  it('reports a truncated read', () => {
    const r = parseCccdQr('042098654321|186000001|Nguyễn Văn An|0101');
    expect(r).toMatchObject({ ok: false, reason: 'truncated' });
    if (!r.ok) expect(r.message.vi).toContain('quét lại');
  });

  it('refuses foreign QR codes: a URL, a VietQR payload, plain text, nothing', () => {
    expect(
      parseCccdQr('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7'),
    ).toMatchObject({
      ok: false,
      reason: 'not-cccd',
    });
    expect(
      parseCccdQr(
        '00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN6304ABCD',
      ),
    ).toMatchObject({ ok: false, reason: 'not-cccd' });
    expect(parseCccdQr('xin chào|bạn')).toMatchObject({ ok: false, reason: 'not-cccd' });
    expect(parseCccdQr('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('reports bad contents', () => {
    expect(parseCccdQr(GOOD.replace('042098654321', '003098654321'))).toMatchObject({ reason: 'invalid-id' });
    expect(parseCccdQr(GOOD.replace('042098654321', '04209865432'))).toMatchObject({ reason: 'invalid-id' });
    expect(parseCccdQr(GOOD.replace('01011998', '31021998'))).toMatchObject({ reason: 'invalid-date' });
    expect(parseCccdQr(GOOD.replace('|Nam|', '|X|'))).toMatchObject({ reason: 'invalid-sex' });
    expect(parseCccdQr(GOOD.replace('Nguyễn Văn An', ' '))).toMatchObject({ reason: 'missing-name' });
    // The ID says a man born in 1998, the card text says a woman.
    expect(parseCccdQr(GOOD.replace('|Nam|', '|Nữ|'))).toMatchObject({ reason: 'inconsistent' });
  });
});

describe('the samples the scanner tests play', () => {
  it.each(GOOD_ID_CARDS)('$name is read', (sample) => {
    expect(parseCccdQr(sample.qr)).toMatchObject({
      ok: true,
      person: { fullName: sample.fullName, personalId: sample.personalId },
    });
  });
  it.each(REJECT_ID_CARDS)('$name is refused with its message', (sample) => {
    const r = parseCccdQr(sample.qr);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toContain(sample.message);
  });
});
