import { describe, expect, it } from 'vitest';
import {
  formatEnrolmentText,
  groupFingerprint,
  normaliseFingerprint,
  parseEnrolmentText,
} from './enrolment-text.ts';

const SHA = '0123456789abcdef'.repeat(4);

describe('enrolment QR text', () => {
  it('round-trips address, code and fingerprint', () => {
    const text = formatEnrolmentText({
      officeUrl: 'https://192.168.1.10:5180',
      code: 'ABCD-2345',
      sha256: SHA,
    });
    expect(text).toBe(
      `commune-kiosk-enrol:?url=https%3A%2F%2F192.168.1.10%3A5180&code=ABCD-2345&sha256=${SHA}`,
    );
    expect(parseEnrolmentText(text)).toEqual({
      officeUrl: 'https://192.168.1.10:5180',
      code: 'ABCD-2345',
      sha256: SHA,
    });
    expect(parseEnrolmentText(text.replace('commune-kiosk-enrol', 'COMMUNE-KIOSK-ENROL'))).not.toBeNull();
  });

  it('is not confused with a plain code, a partial text or a damaged fingerprint', () => {
    expect(parseEnrolmentText('ABCD-2345')).toBeNull();
    expect(parseEnrolmentText('commune-kiosk-enrol:?url=https%3A%2F%2Fx')).toBeNull();
    expect(
      parseEnrolmentText(`commune-kiosk-enrol:?url=https%3A%2F%2Fx&code=ABCD-2345&sha256=${SHA.slice(1)}`),
    ).toBeNull();
    expect(parseEnrolmentText('commune-kiosk-enrol:?url=%E0%A4&code=ABCD-2345')).toBeNull();
  });

  it('reads a fingerprint however it was written, and groups it for reading', () => {
    expect(normaliseFingerprint(groupFingerprint(SHA))).toBe(SHA);
    expect(normaliseFingerprint(SHA.toUpperCase().match(/../g)!.join(':'))).toBe(SHA);
    expect(normaliseFingerprint(SHA.slice(0, 62))).toBeNull();
    expect(groupFingerprint(SHA).split(' ')).toHaveLength(16);
  });
});
