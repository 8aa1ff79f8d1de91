import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16Hex } from './crc16.ts';

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogued check value for "123456789"', () => {
    // Check value from the CRC RevEng catalogue, CRC-16/IBM-3740 (alias CCITT-FALSE): 0x29B1.
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crc16Hex('123456789')).toBe('29B1');
  });
  it('of the empty input is the initial value', () => {
    expect(crc16Hex('')).toBe('FFFF');
  });
  it('runs over the UTF-8 bytes of non-ASCII text', () => {
    // Reference: Python's binascii.crc_hqx('Đăng ký'.encode('utf-8'), 0xFFFF).
    expect(crc16Hex('Đăng ký')).toBe('893F');
  });
  it('keeps leading zeros in hex', () => {
    // Found by search: a payload whose CRC is below 0x1000 (see vietqr.test.ts, 07AD).
    expect(
      crc16Hex('00020101021138540010A00000072701240006970423011000000000040208QRIBFTTA53037045802VN6304'),
    ).toBe('07AD');
  });
});
