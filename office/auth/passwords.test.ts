import { describe, expect, it } from 'vitest';
import {
  SCRYPT_N,
  hashPassword,
  unknownAccountHash,
  useCheapPasswordHashingForTests,
  verifyPassword,
} from './passwords.ts';

describe('staff password hashing', () => {
  it('hashes at the production work factor unless a test suite lowered it, and verifies either', async () => {
    const strong = await hashPassword('mật khẩu đủ dài');
    expect(strong.split('$').slice(0, 4)).toEqual(['scrypt', String(SCRYPT_N), '8', '1']);
    expect(unknownAccountHash().split('$')[1]).toBe(String(SCRYPT_N));

    useCheapPasswordHashingForTests();
    const cheap = await hashPassword('mật khẩu đủ dài');
    expect(cheap.split('$')[1]).not.toBe(String(SCRYPT_N));
    expect(unknownAccountHash().split('$')[1]).toBe(cheap.split('$')[1]);
    for (const stored of [strong, cheap]) {
      expect(await verifyPassword('mật khẩu đủ dài', stored)).toBe(true);
      // The same text in another Unicode form is the same password.
      expect(await verifyPassword('mật khẩu đủ dài'.normalize('NFD'), stored)).toBe(true);
      expect(await verifyPassword('mật khẩu đủ dai', stored)).toBe(false);
    }
    expect(await verifyPassword('anything', unknownAccountHash())).toBe(false);
  });
});
