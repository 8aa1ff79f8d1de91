/**
 * Chip ID card QR payloads the scanner tests play, good and bad. The IDs are consistent
 * with their holder (province 001 Hà Nội; century/sex digit 0 = man, 1 = woman, born in
 * the 1900s; then the year's last two digits), so only the rejects are refused.
 */
export interface GoodIdCardSample {
  name: string;
  qr: string;
  /** What the requester step must show after the scan. */
  fullName: string;
  personalId: string;
  addressDetail: string;
}

export interface RejectIdCardSample {
  name: string;
  qr: string;
  /** A part of the Vietnamese message shown for it. */
  message: string;
}

export const GOOD_ID_CARDS: readonly GoodIdCardSample[] = [
  {
    name: 'a man, NFC',
    qr: '001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 1 ngõ 2, Xã Gia Lâm, Thành phố Hà Nội|01012022',
    fullName: 'Nguyễn Văn An',
    personalId: '001095012345',
    addressDetail: 'Số 1 ngõ 2',
  },
  {
    name: 'a woman, letters with two marks',
    qr: '001197004321||Phạm Thị Hương Giang|12081997|Nữ|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021',
    fullName: 'Phạm Thị Hương Giang',
    personalId: '001197004321',
    addressDetail: 'Thôn Đồng Xuyên',
  },
  {
    name: 'a woman, decomposed (NFD) letters',
    qr: '001198007777||Đỗ Thị Ngọc Ánh|03021998|Nữ|Xóm Chợ, Xã Gia Lâm, Thành phố Hà Nội|05052022'.normalize(
      'NFD',
    ),
    fullName: 'Đỗ Thị Ngọc Ánh',
    personalId: '001198007777',
    addressDetail: 'Xóm Chợ',
  },
];

export const REJECT_ID_CARDS: readonly RejectIdCardSample[] = [
  {
    name: 'a link to the public service portal',
    qr: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    message: 'không phải mã QR trên thẻ căn cước',
  },
  {
    name: 'text with pipes that is no card',
    qr: 'xin chào|bạn ơi|mã này không phải thẻ',
    message: 'không phải mã QR',
  },
  { name: 'a read cut short', qr: '001197004321||Phạm Thị Hương Giang|1208', message: 'chưa đủ thông tin' },
  {
    name: 'an ID that does not match the sex',
    qr: '001197004321||Phạm Thị Hương Giang|12081997|Nam|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021',
    message: 'không khớp với ngày sinh, giới tính',
  },
];
