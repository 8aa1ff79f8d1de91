import { describe, expect, it } from 'vitest';
import { EmvQrError, buildVietQr, formatAmountVnd, parseVietQr, sanitizePurpose } from './vietqr.ts';
import { parseTlv, tlv } from './tlv.ts';
import { crc16Hex } from './crc16.ts';

/*
 * Published vectors.
 *
 * NAPAS: the example payloads of NAPAS's VietQR specification ("Technical
 * Specifications on NAPAS QR Switching, Part IV: QR code format", v1.5.2, 2021),
 * as reproduced in the test suite of the open-source library
 * github.com/trantuan94/vietqrjs, src/utils/index.spec.ts: a static transfer to
 * account 0011012345678 at BIN 970403 (CRC F4E5), a card transfer with amount
 * and purpose (A203) and a cash-withdrawal code (1009).
 *
 * vietqr.io-compatible generator: github.com/openhoangnc/vietqr, libs/test-data.json
 * (the repository also carries NAPAS "QR_Format_T&C_v1.0_VN_092021.pdf"); two
 * static codes and two that carry an amount under initiation "11".
 */
const NAPAS_STATIC_ACCOUNT =
  '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5';
const NAPAS_CARD_WITH_AMOUNT =
  '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203';
const NAPAS_CASH =
  '00020101021238500010A000000727012200069704030108123456780206QRCASH5204601153037045802VN5915NGUYEN HUU HUAN6005HANOI6237052120190109155714228384707080000111163041009';
const OPENHOANGNC = [
  {
    bin: '970423',
    account: '0123456789',
    qr: '00020101021138540010A00000072701240006970423011001234567890208QRIBFTTA53037045802VN6304F64B',
  },
  {
    bin: '963388',
    account: '3456789143',
    qr: '00020101021138540010A00000072701240006963388011034567891430208QRIBFTTA53037045802VN63041D58',
  },
];
const OPENHOANGNC_WITH_AMOUNT = [
  '00020101021138540010A00000072701240006963388011034567891430208QRIBFTTA5303704540723451235802VN6304EBDA',
  '00020101021138540010A00000072701240006963388011034567891430208QRIBFTTA5303704540723451235802VN62220818thanh toan hoa don630445F2',
];

describe('buildVietQr reproduces published payloads byte for byte', () => {
  it('NAPAS static transfer to an account (whose printed beneficiary length is wrong)', () => {
    // The spec prints "0112" before the 13-digit account 0011012345678; its CRC is
    // right for the string as printed, and our parser notices the misprint.
    expect(crc16Hex(NAPAS_STATIC_ACCOUNT.slice(0, -4))).toBe('F4E5');
    expect(() => parseVietQr(NAPAS_STATIC_ACCOUNT)).toThrow(/truncated|malformed/);
    const built = buildVietQr({ bankBin: '970403', accountNumber: '0011012345678' });
    expect(built.slice(0, -4)).toBe(
      NAPAS_STATIC_ACCOUNT.slice(0, -4).replace('01120011012345678', '01130011012345678'),
    );
    expect(parseVietQr(built)).toMatchObject({ crcValid: true, accountNumber: '0011012345678' });
  });
  it.each(OPENHOANGNC)('static code for $bin/$account', ({ bin, account, qr }) => {
    expect(buildVietQr({ bankBin: bin, accountNumber: account })).toBe(qr);
  });
  it('keeps a leading zero in the CRC', () => {
    expect(buildVietQr({ bankBin: '970423', accountNumber: '0000000004' }).slice(-4)).toBe('07AD');
  });
});

describe('parseVietQr checks published payloads', () => {
  it('NAPAS card transfer with amount and purpose', () => {
    const parsed = parseVietQr(NAPAS_CARD_WITH_AMOUNT);
    expect(parsed).toMatchObject({
      crcValid: true,
      initiation: 'dynamic',
      guid: 'A000000727',
      bankBin: '970403',
      accountNumber: '9704031101234567',
      serviceCode: 'QRIBFTTC',
      currency: '704',
      amountVnd: 180000,
      country: 'VN',
      purpose: 'thanh toan don hang',
    });
  });
  it('NAPAS cash withdrawal code', () => {
    expect(parseVietQr(NAPAS_CASH)).toMatchObject({
      crcValid: true,
      serviceCode: 'QRCASH',
      bankBin: '970403',
    });
  });
  it.each(OPENHOANGNC_WITH_AMOUNT)('amount codes from openhoangnc/vietqr: %s', (qr) => {
    expect(parseVietQr(qr)).toMatchObject({ crcValid: true, amountVnd: 2345123, bankBin: '963388' });
  });
  it('reports a wrong CRC', () => {
    expect(parseVietQr(NAPAS_CARD_WITH_AMOUNT.slice(0, -4) + 'A201').crcValid).toBe(false);
    expect(parseVietQr(NAPAS_CASH.slice(0, -4) + '100A').crcValid).toBe(false);
  });
  it('rejects a payload without a CRC or with broken TLV', () => {
    expect(() => parseVietQr(NAPAS_STATIC_ACCOUNT.slice(0, -8))).toThrow(EmvQrError);
    expect(() => parseVietQr(NAPAS_STATIC_ACCOUNT.slice(0, -2))).toThrow(EmvQrError);
    expect(() => parseVietQr('hello')).toThrow(EmvQrError);
  });
});

describe('buildVietQr for a fee', () => {
  const input = {
    bankBin: '970436',
    accountNumber: '1023456789',
    amountVnd: 20_000,
    purpose: 'Lệ phí hồ sơ H38.001-261121-0001',
  };

  it('round-trips through the parser', () => {
    const payload = buildVietQr(input);
    expect(parseVietQr(payload)).toMatchObject({
      crcValid: true,
      initiation: 'dynamic',
      guid: 'A000000727',
      bankBin: '970436',
      accountNumber: '1023456789',
      serviceCode: 'QRIBFTTA',
      currency: '704',
      amountVnd: 20000,
      country: 'VN',
      purpose: 'Le phi ho so H38.001-2611',
    });
    expect(parseVietQr(payload).records.map((r) => r.tag)).toEqual([
      '00',
      '01',
      '38',
      '53',
      '54',
      '58',
      '62',
      '63',
    ]);
  });

  it('uses initiation 12 with an amount and 11 without', () => {
    expect(buildVietQr(input)).toMatch(/^000201010212/);
    expect(buildVietQr({ ...input, amountVnd: null })).toMatch(/^000201010211/);
    expect(buildVietQr({ ...input, amountVnd: 0 })).not.toContain('5405');
  });

  it('writes the amount as integer đồng without separators', () => {
    expect(buildVietQr(input)).toContain('540520000');
    expect(formatAmountVnd(1_943_000)).toBe('1943000');
    expect(() => formatAmountVnd(2000.5)).toThrow(EmvQrError);
    expect(() => formatAmountVnd(-1)).toThrow(EmvQrError);
    expect(() => formatAmountVnd(Number.NaN)).toThrow(EmvQrError);
    expect(() => formatAmountVnd(10 ** 13)).toThrow(EmvQrError);
  });

  it('omits the additional-data template when there is no purpose', () => {
    const payload = buildVietQr({ ...input, purpose: '  ' });
    expect(parseVietQr(payload).purpose).toBeNull();
    expect(payload).not.toContain('5802VN62');
  });

  it('rejects a malformed BIN or account number', () => {
    expect(() => buildVietQr({ ...input, bankBin: '97043' })).toThrow(EmvQrError);
    expect(() => buildVietQr({ ...input, accountNumber: '1023 456' })).toThrow(EmvQrError);
    expect(() => buildVietQr({ ...input, accountNumber: '1'.repeat(20) })).toThrow(EmvQrError);
  });

  it('produces ASCII only', () => {
    expect(buildVietQr({ ...input, purpose: 'Đăng ký khai sinh — bé Nguyễn Thị Ánh' })).toMatch(/^[ -~]+$/);
  });
});

describe('sanitizePurpose', () => {
  it('strips tones and marks, đ→d, and collapses spaces', () => {
    expect(sanitizePurpose('Đăng ký   kết hôn')).toBe('Dang ky ket hon');
  });
  it('works the same on NFD input', () => {
    expect(sanitizePurpose('Chứng thực'.normalize('NFD'))).toBe('Chung thuc');
  });
  it('replaces characters banks refuse and keeps dossier-code punctuation', () => {
    expect(sanitizePurpose('HS#001/2026: phí')).toBe('HS 001 2026 phi');
    expect(sanitizePurpose('H38.001-261121-0001')).toBe('H38.001-261121-0001');
  });
  it('cuts to 25 characters without a trailing space', () => {
    const out = sanitizePurpose('chung thuc ban sao tu ban chinh');
    expect(out.length).toBeLessThanOrEqual(25);
    expect(out).toBe('chung thuc ban sao tu ban');
    expect(sanitizePurpose('abcdefghijklmnopqrstuvwx yz')).toBe('abcdefghijklmnopqrstuvwx');
  });
});

describe('TLV', () => {
  it('rejects values longer than 99 characters', () => {
    expect(() => tlv('62', 'x'.repeat(100))).toThrow(/at most 99/);
    expect(tlv('62', 'x'.repeat(99))).toHaveLength(103);
  });
  it('rejects empty values and bad tags', () => {
    expect(() => tlv('08', '')).toThrow(EmvQrError);
    expect(() => tlv('8', 'x')).toThrow(EmvQrError);
  });
  it('parses nested templates', () => {
    expect(parseTlv('0010A0000007270208QRIBFTTA')).toEqual([
      { tag: '00', value: 'A000000727' },
      { tag: '02', value: 'QRIBFTTA' },
    ]);
  });
});
