/**
 * SYNTHETIC BENCH DATA — not a real catalogue.
 *
 * A deterministic 2,000-procedure catalogue (the size of a province's full list)
 * built from realistic Vietnamese administrative vocabulary, plus the real
 * procedures of the shipped catalogue (shared/catalogue). The synthetic procedures carry codes
 * starting with "9." so they can never be mistaken for national codes (real ones
 * start with 1., 2. or 3.); their names are combinations, not real procedures.
 */
import { foldToken, markedTokens } from '../shared/search/normalize.ts';
import type { SearchableProcedure } from '../shared/search/search-index.ts';
// The shipped catalogue (the 13 procedures of DOMAIN_FACTS.md with their colloquial aliases).
import { PROCEDURES } from '../shared/catalogue/index.ts';

export const CATALOGUE_SIZE = 2000;
export const REAL_PROCEDURES: readonly SearchableProcedure[] = PROCEDURES;

const ACTIONS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Điều chỉnh',
  'Gia hạn',
  'Thu hồi',
  'Đăng ký',
  'Đăng ký lại',
  'Đăng ký thay đổi',
  'Xác nhận',
  'Công nhận',
  'Thẩm định',
  'Phê duyệt',
  'Giải quyết',
  'Thông báo',
  'Chấm dứt',
  'Tạm ngừng',
  'Sửa đổi, bổ sung',
  'Hủy bỏ',
  'Chuyển đổi',
];

/** Objects of procedures by field, with the colloquial name people use where there is one. */
const OBJECTS: ReadonlyArray<readonly [object: string, colloquial?: string]> = [
  // Hộ tịch
  ['khai sinh có yếu tố nước ngoài'],
  ['kết hôn có yếu tố nước ngoài'],
  ['nhận cha, mẹ, con', 'nhận con'],
  ['giám hộ'],
  ['việc ly hôn đã giải quyết ở nước ngoài', 'ghi chú ly hôn'],
  ['trích lục hộ tịch'],
  ['nuôi con nuôi trong nước', 'xin con nuôi'],
  // Chứng thực
  ['chữ ký người dịch'],
  ['hợp đồng chuyển nhượng quyền sử dụng đất', 'sang tên đất'],
  ['hợp đồng tặng cho tài sản'],
  ['văn bản thỏa thuận phân chia di sản', 'chia thừa kế'],
  ['di chúc'],
  ['văn bản từ chối nhận di sản'],
  ['hợp đồng ủy quyền', 'giấy ủy quyền'],
  // Đất đai
  ['giấy chứng nhận quyền sử dụng đất', 'làm bìa đỏ'],
  ['chuyển mục đích sử dụng đất', 'chuyển đất vườn lên thổ cư'],
  ['tách thửa đất', 'tách bìa'],
  ['hợp thửa đất'],
  ['đính chính giấy chứng nhận'],
  ['biến động đất đai'],
  ['hòa giải tranh chấp đất đai', 'tranh chấp ranh giới'],
  // Xây dựng
  ['giấy phép xây dựng nhà ở riêng lẻ', 'xin phép xây nhà'],
  ['giấy phép sửa chữa, cải tạo công trình', 'sửa nhà'],
  ['giấy phép di dời công trình'],
  ['giấy phép xây dựng có thời hạn'],
  ['chứng chỉ hành nghề hoạt động xây dựng'],
  // Kinh doanh
  ['giấy chứng nhận đủ điều kiện kinh doanh'],
  ['giấy phép bán lẻ rượu', 'bán rượu'],
  ['giấy phép bán lẻ sản phẩm thuốc lá', 'bán thuốc lá'],
  ['hợp tác xã'],
  ['tổ hợp tác'],
  ['giấy phép kinh doanh karaoke', 'mở quán karaoke'],
  // Bảo trợ xã hội
  ['trợ cấp xã hội hằng tháng', 'tiền trợ cấp hàng tháng'],
  ['hỗ trợ chi phí mai táng', 'tiền mai táng'],
  ['trợ giúp xã hội khẩn cấp'],
  ['mức độ khuyết tật', 'giấy khuyết tật'],
  ['hỗ trợ kinh phí nhận chăm sóc'],
  ['trợ cấp cho người cao tuổi', 'tiền già'],
  // Người có công
  ['trợ cấp ưu đãi người có công'],
  ['chế độ thờ cúng liệt sĩ'],
  ['di chuyển hài cốt liệt sĩ'],
  ['bảo hiểm y tế cho thân nhân người có công'],
  ['hỗ trợ cải thiện nhà ở'],
  // Giáo dục
  ['chuyển trường học sinh tiểu học', 'chuyển trường cho con'],
  ['miễn giảm học phí'],
  ['hỗ trợ chi phí học tập'],
  ['thành lập nhóm trẻ độc lập'],
  ['trường đạt chuẩn quốc gia'],
  // Y tế
  ['thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'thẻ bảo hiểm cho bé'],
  ['giấy phép hành nghề khám bệnh, chữa bệnh'],
  ['cơ sở đủ điều kiện an toàn thực phẩm'],
  // Nông nghiệp
  ['hỗ trợ giống cây trồng'],
  ['hỗ trợ khắc phục thiệt hại do thiên tai', 'tiền bão lụt'],
  ['làng nghề truyền thống'],
  ['giấy chứng nhận kinh tế trang trại'],
  ['kiểm dịch động vật'],
  // Tài nguyên, môi trường
  ['kế hoạch bảo vệ môi trường'],
  ['giấy phép khai thác nước dưới đất', 'khoan giếng'],
  ['giấy phép xả nước thải vào nguồn nước'],
  // Văn hóa
  ['gia đình văn hóa'],
  ['lễ hội truyền thống'],
  ['câu lạc bộ văn hóa'],
  ['hoạt động biểu diễn nghệ thuật'],
  // Lao động
  ['hỗ trợ học nghề'],
  ['trợ cấp thất nghiệp'],
  ['hỗ trợ người lao động mất việc làm'],
  // Tôn giáo, tín ngưỡng
  ['sinh hoạt tôn giáo tập trung'],
  ['hoạt động tín ngưỡng'],
  ['quyên góp ngoài địa bàn'],
  // Thi đua, khen thưởng; tư pháp
  ['giấy khen của Chủ tịch Ủy ban nhân dân xã'],
  ['danh hiệu lao động tiên tiến'],
  ['hòa giải viên ở cơ sở'],
  ['tổ hòa giải'],
  ['tuyên truyền viên pháp luật'],
  ['trợ giúp pháp lý'],
];

const QUALIFIERS = [
  '',
  '',
  '',
  'cho hộ gia đình, cá nhân',
  'trên địa bàn xã',
  'đối với người khuyết tật',
  'cho người dân tộc thiểu số',
  'tại Ủy ban nhân dân cấp xã',
  'trường hợp bị mất, hư hỏng',
  'cho tổ chức',
  'đối với trường hợp đặc biệt',
  'theo yêu cầu',
  'thuộc thẩm quyền cấp xã',
  'lần đầu',
  'ở vùng đặc biệt khó khăn',
  'khi thay đổi nơi cư trú',
];

/** Mulberry32: a tiny seeded PRNG so the catalogue and queries are identical on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function syntheticCatalogue(): SearchableProcedure[] {
  const random = prng(20261121);
  const procedures: SearchableProcedure[] = [...REAL_PROCEDURES];
  const names = new Set(procedures.map((p) => p.name.vi));
  let serial = 100001;
  while (procedures.length < CATALOGUE_SIZE) {
    const action = pick(random, ACTIONS);
    const [object, colloquial] = pick(random, OBJECTS);
    const qualifier = pick(random, QUALIFIERS);
    const name = [action, object, qualifier].filter(Boolean).join(' ');
    if (names.has(name)) continue;
    names.add(name);
    const code = `9.${serial++}`;
    // The plain form of an object ("Cấp giấy phép xây dựng nhà ở riêng lẻ") carries its colloquial name.
    const aliases =
      colloquial && qualifier === '' && (action === 'Cấp' || action === 'Đăng ký') ? [colloquial] : [];
    procedures.push({ code, name: { vi: name, en: 'Synthetic procedure' }, aliases });
  }
  return procedures;
}

export type QueryKind = 'no-diacritics' | 'typo' | 'alias' | 'word-order' | 'prefix' | 'code';

export interface BenchQuery {
  query: string;
  expected: string;
  kind: QueryKind;
}

/** Hand-written queries for the real procedures: what citizens and volunteers type. */
const REAL_QUERIES: BenchQuery[] = [
  // Without diacritics (Latin keyboard, or the citizen does not type marks).
  { kind: 'no-diacritics', query: 'dang ky khai sinh', expected: '1.001193' },
  { kind: 'no-diacritics', query: 'dang ky ket hon', expected: '1.000894' },
  { kind: 'no-diacritics', query: 'dang ky khai tu', expected: '1.000656' },
  { kind: 'no-diacritics', query: 'chung thuc ban sao', expected: '2.000815' },
  { kind: 'no-diacritics', query: 'chung thuc chu ky', expected: '2.000884' },
  { kind: 'no-diacritics', query: 'xac nhan tinh trang hon nhan', expected: '1.004873' },
  { kind: 'no-diacritics', query: 'cap ban sao tu so goc', expected: '2.000908' },
  { kind: 'no-diacritics', query: 'dang ky thanh lap ho kinh doanh', expected: '1.001612' },
  { kind: 'no-diacritics', query: 'thay doi noi dung dang ky ho kinh doanh', expected: '2.000720' },
  { kind: 'no-diacritics', query: 'xoa dang ky bien phap bao dam', expected: '1.011443' },
  { kind: 'no-diacritics', query: 'cai chinh ho tich', expected: '1.004859' },
  { kind: 'no-diacritics', query: 'xac dinh lai dan toc', expected: '1.004859' },
  { kind: 'no-diacritics', query: 'huy bo hop dong giao dich', expected: '2.000913' },
  { kind: 'no-diacritics', query: 'bien phap bao dam quyen su dung dat', expected: '1.011441' },
  // Typos, including wrong or half-typed diacritics.
  { kind: 'typo', query: 'dang ky khai sihn', expected: '1.001193' },
  { kind: 'typo', query: 'dnag ky ket hon', expected: '1.000894' },
  { kind: 'typo', query: 'chúng thưc bản sao', expected: '2.000815' },
  { kind: 'typo', query: 'chung thuc chu kyy', expected: '2.000884' },
  { kind: 'typo', query: 'xac nhan tinh trang hon nhna', expected: '1.004873' },
  { kind: 'typo', query: 'dang ky khia tu', expected: '1.000656' },
  { kind: 'typo', query: 'dang ki thanh lap ho kinh doan', expected: '1.001612' },
  { kind: 'typo', query: 'cai chin ho tich', expected: '1.004859' },
  { kind: 'typo', query: 'xoa dang ki bien phap bao đam', expected: '1.011443' },
  { kind: 'typo', query: 'cap ban sao tu so gooc', expected: '2.000908' },
  { kind: 'typo', query: 'đăng kí kết hôn', expected: '1.000894' },
  // Colloquial names (aliases).
  { kind: 'alias', query: 'làm giấy khai sinh', expected: '1.001193' },
  { kind: 'alias', query: 'lam giay khai sinh', expected: '1.001193' },
  { kind: 'alias', query: 'công chứng', expected: '2.000815' },
  { kind: 'alias', query: 'cong chung giay to', expected: '2.000815' },
  { kind: 'alias', query: 'sao y ban chinh', expected: '2.000815' },
  { kind: 'alias', query: 'sổ đỏ', expected: '1.011441' },
  { kind: 'alias', query: 'the chap so do', expected: '1.011441' },
  { kind: 'alias', query: 'giai chap so do', expected: '1.011443' },
  { kind: 'alias', query: 'xoa the chap', expected: '1.011443' },
  { kind: 'alias', query: 'giay doc than', expected: '1.004873' },
  { kind: 'alias', query: 'bao tu', expected: '1.000656' },
  { kind: 'alias', query: 'lam giay ket hon', expected: '1.000894' },
  { kind: 'alias', query: 'mo cua hang', expected: '1.001612' },
  { kind: 'alias', query: 'doi ten', expected: '1.004859' },
  { kind: 'alias', query: 'trich luc', expected: '2.000908' },
  { kind: 'alias', query: 'sua hop dong', expected: '2.000913' },
  // Word order.
  { kind: 'word-order', query: 'khai sinh đăng ký', expected: '1.001193' },
  { kind: 'word-order', query: 'ket hon dang ky', expected: '1.000894' },
  { kind: 'word-order', query: 'chu ky chung thuc', expected: '2.000884' },
  { kind: 'word-order', query: 'hon nhan tinh trang xac nhan', expected: '1.004873' },
  { kind: 'word-order', query: 'ho kinh doanh thanh lap', expected: '1.001612' },
  { kind: 'word-order', query: 'khai tu dang ky', expected: '1.000656' },
  { kind: 'word-order', query: 'ban sao chung thuc', expected: '2.000815' },
  // Prefix while typing (the last word is half-typed).
  { kind: 'prefix', query: 'dang ky khai s', expected: '1.001193' },
  { kind: 'prefix', query: 'đăng ký kết h', expected: '1.000894' },
  { kind: 'prefix', query: 'chung thuc ban s', expected: '2.000815' },
  { kind: 'prefix', query: 'xac nhan tinh tr', expected: '1.004873' },
  { kind: 'prefix', query: 'dang ky thanh lap ho k', expected: '1.001612' },
  { kind: 'prefix', query: 'xoa dang ky bien', expected: '1.011443' },
  { kind: 'prefix', query: 'cap ban sao tu s', expected: '2.000908' },
  { kind: 'prefix', query: 'dang ky khai t', expected: '1.000656' },
  // By national code (officers).
  { kind: 'code', query: '2.000815', expected: '2.000815' },
  { kind: 'code', query: '1.001193', expected: '1.001193' },
];

const fold = (text: string): string => markedTokens(text).map(foldToken).join(' ');

/** Queries derived from synthetic procedures, one transformation each, rotating through the kinds. */
function syntheticQueries(catalogue: readonly SearchableProcedure[]): BenchQuery[] {
  const random = prng(7);
  // Targets with names of at most 8 words: citizens type a few words, not a whole long title.
  const synthetic = catalogue.filter((p) => p.code.startsWith('9.') && markedTokens(p.name.vi).length <= 8);
  const withAlias = synthetic.filter((p) => p.aliases.length > 0);
  const queries: BenchQuery[] = [];
  const kinds = ['no-diacritics', 'typo', 'word-order', 'prefix'] as const;
  for (let i = 0; i < 32; i++) {
    const target = synthetic[Math.floor(random() * synthetic.length)]!;
    const name = target.name.vi;
    const kind = kinds[i % kinds.length]!;
    let query: string;
    if (kind === 'no-diacritics') query = fold(name);
    else if (kind === 'typo') {
      // Swap two adjacent letters in the longest word, as a slipped finger does.
      const words = fold(name).split(' ');
      const longest = words.reduce((a, w, j) => (w.length > words[a]!.length ? j : a), 0);
      const w = words[longest]!;
      const at = 1 + Math.floor(random() * (w.length - 2));
      words[longest] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      query = words.join(' ');
    } else if (kind === 'word-order') {
      // Say the object first and the action last ("khai sinh … đăng ký lại").
      const words = markedTokens(name);
      query = [...words.slice(2), ...words.slice(0, 2)].join(' ');
    } else query = name.slice(0, Math.max(4, name.length - 3));
    queries.push({ kind, query, expected: target.code });
  }
  for (let i = 0; i < 8; i++) {
    const target = withAlias[Math.floor(random() * withAlias.length)]!;
    queries.push({ kind: 'alias', query: fold(target.aliases[0]!), expected: target.code });
  }
  return queries;
}

export function benchQueries(catalogue: readonly SearchableProcedure[]): BenchQuery[] {
  return [...REAL_QUERIES, ...syntheticQueries(catalogue)];
}
