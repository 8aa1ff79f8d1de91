/**
 * Province codes used as the first three digits of the 12-digit personal
 * identification number (số định danh cá nhân): the province or centrally-run city
 * where the person's birth was registered.
 *
 * Source: Circular 07/2016/TT-BCA (1 February 2016) of the Ministry of Public Security,
 * Annex I "Bảng danh mục mã tỉnh, thành phố trực thuộc trung ương nơi công dân đăng ký
 * khai sinh" (consolidated text 03/VBHN-BCA, 2020); Circular 59/2021/TT-BCA, which
 * replaced it, keeps the same structure of the number. The 63 codes below are the
 * pre-July-2025 provinces. Numbers already issued never change, so after the 2025
 * merger into 34 provinces these old codes all stay valid (Bắc Kạn 006 is now part of
 * Thái Nguyên, Đắk Nông 067 of Lâm Đồng, …). Gaps in the sequence (003, 005, …) are
 * not used by the annex.
 */
export const BIRTH_REGISTRATION_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export function isBirthRegistrationProvinceCode(code: string): boolean {
  return Object.hasOwn(BIRTH_REGISTRATION_PROVINCE_CODES, code);
}
