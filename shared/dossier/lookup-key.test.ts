import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DossierSchema } from '../domain/dossier.ts';
import {
  LOOKUP_KEY_LENGTH,
  LookupKeySchema,
  lookupKeysMatch,
  newLookupKey,
  parseLookupText,
  receiptLookupText,
} from './lookup-key.ts';

const random = (bytes: Uint8Array<ArrayBuffer>) => webcrypto.getRandomValues(bytes);
const CODE = 'H01.00565.K01-261124-0003';

describe('receipt lookup key', () => {
  it('is 16 unambiguous characters carrying 80 random bits, different every time', () => {
    const keys = Array.from({ length: 2000 }, () => newLookupKey(random));
    for (const key of keys) {
      expect(key).toHaveLength(LOOKUP_KEY_LENGTH);
      expect(LookupKeySchema.safeParse(key).success, key).toBe(true);
      expect(key).not.toMatch(/[ILOU]/);
    }
    expect(new Set(keys).size).toBe(keys.length);
    // Every bit of the 10 random bytes reaches the key: all-zero and all-one bytes differ everywhere.
    expect(newLookupKey((b) => b.fill(0))).toBe('0000000000000000');
    expect(newLookupKey((b) => b.fill(255))).toBe('ZZZZZZZZZZZZZZZZ');
  });

  it('rides in the receipt QR after the code and is read back from a scan or a typed line', () => {
    const key = newLookupKey(random);
    const text = receiptLookupText(CODE, key);
    expect(text).toBe(`${CODE}-${key}`);
    expect(parseLookupText(`${text}\r\n`)).toEqual({ code: CODE, key });
    expect(parseLookupText(` ${text.toLowerCase().replace(CODE.toLowerCase(), CODE)} `)).toEqual({
      code: CODE,
      key,
    });
    // The code alone, or a fourth part that is no key, is a code without a key.
    expect(parseLookupText(CODE)).toEqual({ code: CODE, key: null });
    expect(parseLookupText(`${CODE}-ABC`)).toEqual({ code: `${CODE}-ABC`, key: null });
    expect(receiptLookupText(CODE, undefined)).toBe(CODE);
  });

  it('matches only the same key', () => {
    const key = newLookupKey(random);
    expect(lookupKeysMatch(key, key)).toBe(true);
    expect(lookupKeysMatch(key, `${key.slice(0, 15)}${key.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(lookupKeysMatch(undefined, key)).toBe(false);
    expect(lookupKeysMatch(key, null)).toBe(false);
    expect(lookupKeysMatch(undefined, undefined)).toBe(false);
  });

  it('is optional in a dossier, so items from older kiosks stay valid', () => {
    const dossier = {
      id: '6f0b8c3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f',
      code: CODE,
      kioskId: 'k',
      procedureCode: '2.000815',
      models: [],
      formId: 'f',
      formData: {},
      applicantName: 'A',
      volunteerId: null,
      receivedAt: '2026-11-24T09:00:00+07:00',
      dueAt: '2026-11-24T17:00:00+07:00',
    };
    expect(DossierSchema.safeParse(dossier).success).toBe(true);
    expect(DossierSchema.safeParse({ ...dossier, lookupKey: newLookupKey(random) }).success).toBe(true);
    expect(DossierSchema.safeParse({ ...dossier, lookupKey: 'short' }).success).toBe(false);
  });
});
