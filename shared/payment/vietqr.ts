/**
 * VietQR bank-transfer payloads (NAPAS 247 "QR Format T&C" v1.0, 2021, on top
 * of the EMVCo merchant-presented QR specification; field list in
 * /work/shared/DOMAIN_FACTS.md, "Payment QR").
 *
 *   00 payload format "01"          01 "11" static / "12" with an amount
 *   38 beneficiary: 00 GUID A000000727, 01 [00 bank BIN, 01 account], 02 QRIBFTTA
 *   53 currency "704" (đồng)        54 amount (integer đồng)
 *   58 country "VN"                 62 additional data: 08 purpose of transaction
 *   63 CRC-16/CCITT-FALSE over everything up to and including "6304"
 */
import { crc16Hex } from './crc16.ts';
import { EmvQrError, parseTlv, tlv, type TlvRecord } from './tlv.ts';
import { stripDiacritics } from '../search/normalize.ts';

export { EmvQrError } from './tlv.ts';

/** NAPAS's application identifier in the beneficiary template. */
export const NAPAS_GUID = 'A000000727';
/** Service code for a transfer to an account number (QRIBFTTC is to a card number). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const CURRENCY_VND = '704';
export const COUNTRY_VN = 'VN';
/** NAPAS caps the purpose of transaction (62/08) at 25 characters. */
export const PURPOSE_MAX_LENGTH = 25;
/** EMVCo caps the amount (54) at 13 characters. */
const AMOUNT_MAX_LENGTH = 13;

export interface VietQrInput {
  /** The beneficiary bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank). */
  bankBin: string;
  accountNumber: string;
  /** The fee in integer đồng; omit (or null/0) for a static code where the citizen types the amount. */
  amountVnd?: number | null;
  /** What the transfer is for, e.g. the dossier code; folded to ASCII by `sanitizePurpose`. */
  purpose?: string | null;
}

/**
 * Make a transfer description banks accept. Banking apps and the NAPAS switch
 * carry the purpose as EMVCo "ans" (printable ASCII); many apps reject or
 * garble a QR whose purpose holds Vietnamese letters, and a multi-byte letter
 * would also make the declared length disagree with the byte count. So tones
 * and marks are stripped (đ→d), anything but letters, digits, space, "-" and
 * "." becomes a space, and the result is cut to 25 characters.
 */
export function sanitizePurpose(text: string): string {
  const ascii = stripDiacritics(text.normalize('NFC'))
    .replace(/[^A-Za-z0-9 .-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, PURPOSE_MAX_LENGTH).trim();
}

/** Amount as EMVCo writes it for đồng: integer digits, no separators, no decimals. */
export function formatAmountVnd(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new EmvQrError(`amount must be a positive whole number of đồng, got ${amount}`);
  }
  const text = String(amount);
  if (text.length > AMOUNT_MAX_LENGTH)
    throw new EmvQrError(`amount ${text} is longer than ${AMOUNT_MAX_LENGTH} digits`);
  return text;
}

/** The payload string to encode in the QR image. */
export function buildVietQr(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin))
    throw new EmvQrError(`bank BIN must be 6 digits, got "${input.bankBin}"`);
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw new EmvQrError(`account number must be 1–19 letters or digits, got "${input.accountNumber}"`);
  }
  const hasAmount = input.amountVnd !== undefined && input.amountVnd !== null && input.amountVnd !== 0;
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const purpose = input.purpose ? sanitizePurpose(input.purpose) : '';

  let payload =
    tlv('00', '01') +
    tlv('01', hasAmount ? '12' : '11') +
    tlv('38', tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT)) +
    tlv('53', CURRENCY_VND);
  if (hasAmount) payload += tlv('54', formatAmountVnd(input.amountVnd!));
  payload += tlv('58', COUNTRY_VN);
  if (purpose) payload += tlv('62', tlv('08', purpose));
  payload += '6304';
  return payload + crc16Hex(payload);
}

export interface ParsedVietQr {
  /** Whether the trailing CRC matches the payload. */
  crcValid: boolean;
  initiation: 'static' | 'dynamic';
  guid: string | null;
  bankBin: string | null;
  /** Account or card number, per `serviceCode`. */
  accountNumber: string | null;
  serviceCode: string | null;
  currency: string | null;
  amountVnd: number | null;
  country: string | null;
  purpose: string | null;
  /** Every top-level record, in order, for callers that need more. */
  records: TlvRecord[];
}

const field = (records: TlvRecord[], tag: string): string | null =>
  records.find((r) => r.tag === tag)?.value ?? null;

/**
 * Parse and check a VietQR payload. Throws `EmvQrError` when it is not
 * well-formed TLV or lacks the CRC; a wrong CRC is reported as `crcValid: false`.
 */
export function parseVietQr(payload: string): ParsedVietQr {
  const records = parseTlv(payload);
  const last = records[records.length - 1];
  if (!last || last.tag !== '63' || !/^[0-9A-Fa-f]{4}$/.test(last.value)) {
    throw new EmvQrError('payload does not end with a 4-hex-digit CRC (tag 63)');
  }
  if (field(records, '00') !== '01') throw new EmvQrError('payload format indicator (tag 00) must be "01"');
  const crcValid = crc16Hex(payload.slice(0, -4)) === last.value.toUpperCase();

  const merchant = field(records, '38');
  const merchantRecords = merchant ? parseTlv(merchant) : [];
  const beneficiary = field(merchantRecords, '01');
  const beneficiaryRecords = beneficiary ? parseTlv(beneficiary) : [];
  const additional = field(records, '62');
  const amount = field(records, '54');

  return {
    crcValid,
    initiation: field(records, '01') === '12' ? 'dynamic' : 'static',
    guid: field(merchantRecords, '00'),
    bankBin: field(beneficiaryRecords, '00'),
    accountNumber: field(beneficiaryRecords, '01'),
    serviceCode: field(merchantRecords, '02'),
    currency: field(records, '53'),
    amountVnd: amount === null ? null : Number(amount),
    country: field(records, '58'),
    purpose: additional ? field(parseTlv(additional), '08') : null,
    records,
  };
}
