/**
 * The QR code printed on the chip ID card (thẻ Căn cước công dân / Căn cước) holds
 * pipe-separated text:
 *   ID number | old 9-digit ID (may be empty) | full name | DOB ddmmyyyy | Nam/Nữ |
 *   permanent address | date of issue ddmmyyyy
 * (as several independent public readers decode it; cards issued from July 2024 may add
 * trailing fields, which are ignored). Scanners in keyboard mode and some phones deliver
 * decomposed (NFD) Vietnamese, so everything is NFC-normalised.
 */
import type { LocalisedText } from '../domain/localised.ts';
import { formatDmy, parseDdmmyyyy } from '../forms/dates.ts';
import { cleanText, fold } from '../forms/text.ts';
import { checkPersonalId, type Sex } from './personal-id.ts';

export interface CccdPerson {
  personalId: string;
  oldId?: string;
  fullName: string;
  /** dd/mm/yyyy */
  dateOfBirth: string;
  sex: Sex;
  address: string;
  /** dd/mm/yyyy */
  issueDate: string;
}

export type CccdFailure =
  | 'empty'
  | 'not-cccd'
  | 'truncated'
  | 'invalid-id'
  | 'invalid-date'
  | 'invalid-sex'
  | 'missing-name'
  | 'inconsistent';

export type CccdParseResult =
  { ok: true; person: CccdPerson } | { ok: false; reason: CccdFailure; message: LocalisedText };

const FAILURE_MESSAGES: Record<CccdFailure, LocalisedText> = {
  empty: { vi: 'Không đọc được mã QR. Vui lòng quét lại.', en: 'Nothing was read. Please scan again.' },
  'not-cccd': {
    vi: 'Đây không phải mã QR trên thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ căn cước gắn chip.',
    en: 'This is not the QR code of an ID card. Please scan the QR code on the front of the chip ID card.',
  },
  truncated: {
    vi: 'Mã QR đọc chưa đủ thông tin. Vui lòng giữ thẻ yên và quét lại.',
    en: 'The QR code was read only partly. Please hold the card still and scan again.',
  },
  'invalid-id': {
    vi: 'Số định danh trong mã QR không hợp lệ. Vui lòng nhập bằng tay.',
    en: 'The ID number in the QR code is not valid. Please type the details.',
  },
  'invalid-date': {
    vi: 'Ngày tháng trong mã QR không hợp lệ. Vui lòng quét lại hoặc nhập bằng tay.',
    en: 'A date in the QR code is not valid. Please scan again or type the details.',
  },
  'invalid-sex': {
    vi: 'Giới tính trong mã QR không đọc được. Vui lòng quét lại hoặc nhập bằng tay.',
    en: 'The sex in the QR code could not be read. Please scan again or type the details.',
  },
  'missing-name': {
    vi: 'Mã QR không có họ tên. Vui lòng quét lại.',
    en: 'The QR code has no name. Please scan again.',
  },
  inconsistent: {
    vi: 'Số định danh trong mã QR không khớp với ngày sinh, giới tính. Vui lòng quét lại hoặc nhập bằng tay.',
    en: 'The ID number in the QR code does not match the date of birth and sex. Please scan again or type the details.',
  },
};

export function cccdFailureMessage(reason: CccdFailure): LocalisedText {
  return FAILURE_MESSAGES[reason];
}

const fail = (reason: CccdFailure): CccdParseResult => ({
  ok: false,
  reason,
  message: FAILURE_MESSAGES[reason],
});

function parseSex(text: string): Sex | null {
  const folded = fold(text);
  if (folded === 'nam' || folded === 'male') return 'male';
  if (folded === 'nu' || folded === 'female') return 'female';
  return null;
}

/** Parses the text of an ID card QR code. Never throws. */
export function parseCccdQr(raw: string): CccdParseResult {
  // BOM, CR/LF from the scanner's terminator, surrounding spaces.
  const text = raw
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/[\r\n]+$/g, '')
    .trim();
  if (text === '') return fail('empty');
  const fields = text.split('|');
  const id = fields[0]!.trim();
  // A URL, a VietQR payload ("000201…"), a receipt QR …: no pipes, or not an ID first.
  if (fields.length < 2 || !/^\d{9,12}$/.test(id)) return fail('not-cccd');
  if (id.length !== 12) return fail('invalid-id');
  if (fields.length < 7) return fail('truncated');

  const [, oldIdRaw, nameRaw, dobRaw, sexRaw, addressRaw, issueRaw] = fields.map((f) => f.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (oldIdRaw !== '' && !/^\d{9}(\d{3})?$/.test(oldIdRaw)) return fail('not-cccd');
  const fullName = cleanText(nameRaw);
  if (fullName === '') return fail('missing-name');
  const dob = parseDdmmyyyy(dobRaw);
  const issued = parseDdmmyyyy(issueRaw);
  if (!dob || !issued) return fail('invalid-date');
  const sex = parseSex(sexRaw);
  if (!sex) return fail('invalid-sex');
  const problem = checkPersonalId(id, { birthYear: dob.year, sex });
  if (problem === 'format' || problem === 'province') return fail('invalid-id');
  if (problem) return fail('inconsistent');

  const person: CccdPerson = {
    personalId: id,
    fullName,
    dateOfBirth: formatDmy(dob),
    sex,
    address: cleanText(addressRaw),
    issueDate: formatDmy(issued),
  };
  if (oldIdRaw !== '') person.oldId = oldIdRaw;
  return { ok: true, person };
}
