import { isBirthRegistrationProvinceCode } from './birth-registration-codes.ts';

/**
 * Structure of the 12-digit personal identification number (Circular 07/2016/TT-BCA
 * Art. 7, kept by Circular 59/2021/TT-BCA): 3-digit province code of birth
 * registration + 1 century/sex digit + last 2 digits of the birth year + 6 random digits.
 * Century/sex digit: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9
 * (even = male, odd = female).
 */
export type Sex = 'male' | 'female';

export interface PersonalIdParts {
  provinceCode: string;
  sex: Sex;
  /** First year of the century, e.g. 1900 or 2000. */
  century: number;
  /** Two-digit year within the century. */
  yearOfCentury: number;
  /** The full birth year the number encodes. */
  birthYear: number;
}

export type PersonalIdProblem = 'format' | 'province' | 'century-sex' | 'birth-year' | 'sex';

/** Removes the spaces and dots people type for readability ("001 099 012 345"). */
export function compactPersonalId(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/** Decodes a well-formed number; null when it is not 12 digits or the province code is unknown. */
export function decodePersonalId(id: string): PersonalIdParts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const provinceCode = id.slice(0, 3);
  if (!isBirthRegistrationProvinceCode(provinceCode)) return null;
  const digit = Number(id[3]);
  const yearOfCentury = Number(id.slice(4, 6));
  const century = 1900 + Math.floor(digit / 2) * 100;
  return {
    provinceCode,
    sex: digit % 2 === 0 ? 'male' : 'female',
    century,
    yearOfCentury,
    birthYear: century + yearOfCentury,
  };
}

/**
 * Checks a number on its own and, when known, against the holder's birth year and sex.
 * Returns the first problem found, or null.
 */
export function checkPersonalId(
  id: string,
  holder: { birthYear?: number | undefined; sex?: Sex | undefined } = {},
): PersonalIdProblem | null {
  if (!/^\d{12}$/.test(id)) return 'format';
  const parts = decodePersonalId(id);
  if (!parts) return 'province';
  if (holder.birthYear !== undefined) {
    const century = Math.floor(holder.birthYear / 100) * 100;
    if (century !== parts.century) return 'century-sex';
    if (holder.birthYear % 100 !== parts.yearOfCentury) return 'birth-year';
  }
  if (holder.sex !== undefined && holder.sex !== parts.sex) return 'sex';
  return null;
}
