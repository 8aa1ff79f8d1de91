import { describe, expect, it } from 'vitest';
import { normaliseEnrolmentCode, normaliseOfficeUrl } from './office-url.ts';

describe('office address and enrolment code as typed', () => {
  it.each([
    ['192.168.1.10:5180', 'https://192.168.1.10:5180'],
    [' http://office.local:5180/ ', 'http://office.local:5180'],
    ['https://xa-a.gov.vn/office/', 'https://xa-a.gov.vn/office'],
  ])('%s → %s', (typed, expected) => expect(normaliseOfficeUrl(typed)).toBe(expected));

  it.each(['', 'ftp://x', 'http://user:pw@x', 'http://x/?q=1', 'a b', 'http://'])('refuses %j', (typed) =>
    expect(normaliseOfficeUrl(typed)).toBeNull(),
  );

  it('accepts codes typed in lower case, with spaces or without the dash', () => {
    expect(normaliseEnrolmentCode('abcd 2345')).toBe('ABCD-2345');
    expect(normaliseEnrolmentCode('ABCD2345')).toBe('ABCD-2345');
    expect(normaliseEnrolmentCode('ABCD-234')).toBeNull();
    expect(normaliseEnrolmentCode('ABCD-2345-X')).toBeNull();
  });
});
