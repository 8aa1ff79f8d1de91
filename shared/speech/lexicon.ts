/**
 * How abbreviations on the kiosk's screens and slips are read aloud. espeak-ng spells
 * "UBND" letter by letter in English-like names; a citizen expects "Ủy ban nhân dân".
 * An office extends or overrides this list with `speech.lexicon` in its profile
 * (shared/domain/office-profile.ts).
 */
export type SpeechLexicon = Readonly<Record<string, string>>;

export const DEFAULT_LEXICON: SpeechLexicon = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  TTHC: 'thủ tục hành chính',
  CCCD: 'căn cước công dân',
  CMND: 'chứng minh nhân dân',
  CSDL: 'cơ sở dữ liệu',
  DVC: 'dịch vụ công',
  DVCTT: 'dịch vụ công trực tuyến',
  GCN: 'giấy chứng nhận',
  QSDĐ: 'quyền sử dụng đất',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  MST: 'mã số thuế',
  SĐT: 'số điện thoại',
  STT: 'số thứ tự',
  'NĐ-CP': 'Nghị định của Chính phủ',
  'TT-BTP': 'Thông tư của Bộ Tư pháp',
  'QĐ-UBND': 'Quyết định của Ủy ban nhân dân',
  'QĐ-TTg': 'Quyết định của Thủ tướng Chính phủ',
  'TP.HCM': 'Thành phố Hồ Chí Minh',
  TP: 'thành phố',
  TX: 'thị xã',
  QR: 'kiu a',
  VNeID: 'vê en e ai đi',
  VietQR: 'Việt kiu a',
  'Tp.': 'thành phố',
  'tr.': 'trang',
  '&': 'và',
};

/** The default lexicon with an office's additions; the office's reading wins on a clash. */
export function mergeLexicon(extra: SpeechLexicon | undefined): SpeechLexicon {
  return extra ? { ...DEFAULT_LEXICON, ...extra } : DEFAULT_LEXICON;
}

/** What an office may add: an abbreviation as written (no spaces) and its reading in words. */
export const LEXICON_KEY_PATTERN = /^[\p{L}\p{N}.&'-]{1,24}$/u;
