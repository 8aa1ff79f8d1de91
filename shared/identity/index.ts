/** Public API: chip ID card QR, USB scanner bursts, personal ID rules, filling a form from a card. */
export * from './cccd-qr.ts';
export * from './scanner-burst.ts';
export * from './personal-id.ts';
export * from './apply-person.ts';
export {
  BIRTH_REGISTRATION_PROVINCE_CODES,
  isBirthRegistrationProvinceCode,
} from './birth-registration-codes.ts';
