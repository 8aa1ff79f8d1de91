import { describe, expect, it } from 'vitest';
import { mergeLexicon } from './lexicon.ts';
import { normaliseForSpeech, readTicketNumber } from './normalise.ts';
import { numberToWords } from './numbers.ts';

const YEAR_2026 = 'hai nghìn không trăm hai mươi sáu';

/** [what a screen or slip shows, what is said]. */
const TABLE: ReadonlyArray<readonly [string, string]> = [
  // Numbers
  ['0', 'không'],
  ['5', 'năm'],
  ['10', 'mười'],
  ['11', 'mười một'],
  ['14', 'mười bốn'],
  ['15', 'mười lăm'],
  ['20', 'hai mươi'],
  ['21', 'hai mươi mốt'],
  ['24', 'hai mươi tư'],
  ['25', 'hai mươi lăm'],
  ['100', 'một trăm'],
  ['105', 'một trăm lẻ năm'],
  ['125', 'một trăm hai mươi lăm'],
  ['1.000', 'một nghìn'],
  ['2026', YEAR_2026],
  ['18.782 hồ sơ', 'mười tám nghìn bảy trăm tám mươi hai hồ sơ'],
  ['1.050.000', 'một triệu không trăm năm mươi nghìn'],
  ['3.000.000.000', 'ba tỷ'],
  ['2,5', 'hai phẩy năm'],
  ['5 bản sao', 'năm bản sao'],
  // Dates
  ['23/11/2026', `ngày hai mươi ba tháng mười một năm ${YEAR_2026}`],
  ['ngày 23/11/2026', `ngày hai mươi ba tháng mười một năm ${YEAR_2026}`],
  ['Ngày hẹn: 01/12/2026', `Ngày hẹn: ngày một tháng mười hai năm ${YEAR_2026}`],
  ['2026-11-23', `ngày hai mươi ba tháng mười một năm ${YEAR_2026}`],
  ['ngày 1/2', 'ngày một tháng hai'],
  ['01/02', 'ngày một tháng hai'],
  ['trước 30/11', 'trước ngày ba mươi tháng mười một'],
  ['1/2 số tiền', 'một/hai số tiền'],
  ['31/13/2026', 'ba mươi mốt/mười ba/hai nghìn không trăm hai mươi sáu'],
  // Times
  ['13:30', 'mười ba giờ ba mươi phút'],
  ['07:30', 'bảy giờ ba mươi phút'],
  ['15:00', 'mười lăm giờ'],
  ['trước 15:00', 'trước mười lăm giờ'],
  ['7h30', 'bảy giờ ba mươi phút'],
  ['14h', 'mười bốn giờ'],
  ['10 giờ 05 phút', 'mười giờ năm phút'],
  // Ranges
  ['07:30–11:30', 'từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút'],
  ['Từ 13:30 - 17:00', 'Từ mười ba giờ ba mươi phút đến mười bảy giờ'],
  ['3 - 5 ngày', 'từ ba đến năm ngày'],
  ['1-2 bản', 'từ một đến hai bản'],
  ['từ 1/12 đến 5/12', 'từ ngày một tháng mười hai đến ngày năm tháng mười hai'],
  ['10.000–20.000 đ', 'từ mười nghìn đến hai mươi nghìn đồng'],
  // Money
  ['2.000 đ', 'hai nghìn đồng'],
  ['Lệ phí: 8.000 đ', 'Lệ phí: tám nghìn đồng'],
  ['50.000đ/bản', 'năm mươi nghìn đồng một bản'],
  ['1.000.000 VND', 'một triệu đồng'],
  ['200.000 đồng', 'hai trăm nghìn đồng'],
  ['0 đ', 'không đồng'],
  ['15.000₫', 'mười lăm nghìn đồng'],
  // Percentages
  ['100%', 'một trăm phần trăm'],
  ['2,5%', 'hai phẩy năm phần trăm'],
  ['đúng hạn 98 %', 'đúng hạn chín mươi tám phần trăm'],
  // Weekdays
  ['Thứ 2', 'thứ Hai'],
  ['thứ 4', 'thứ Tư'],
  ['Thứ 7', 'thứ Bảy'],
  ['T5', 'thứ Năm'],
  ['CN', 'Chủ nhật'],
  ['lần thứ 1', 'lần thứ nhất'],
  // Codes
  ['2.000815', 'hai chấm không không không tám một năm'],
  ['Mã thủ tục 1.001193', 'Mã thủ tục một chấm không không một một chín ba'],
  [
    'H42.18562.K02-261124-0001',
    'hát bốn hai chấm một tám năm sáu hai chấm ca không hai gạch hai sáu một một hai bốn gạch không không không một',
  ],
  ['A-023', 'A không hai ba'],
  ['Mời số B-105', 'Mời số bê một không năm'],
  ['0912345678', 'không chín một hai ba bốn năm sáu bảy tám'],
  ['001099012345', 'không không một không chín chín không một hai ba bốn năm'],
  // Abbreviations
  ['UBND xã Pác Nặm', 'Ủy ban nhân dân xã Pác Nặm'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['Mang CCCD', 'Mang căn cước công dân'],
  ['TTHC', 'thủ tục hành chính'],
  ['CMND', 'chứng minh nhân dân'],
  ['quét mã QR', 'quét mã kiu a'],
  ['TP.HCM', 'Thành phố Hồ Chí Minh'],
  [
    'Quyết định 12/2025/QĐ-UBND',
    'Quyết định số mười hai năm hai nghìn không trăm hai mươi lăm Quyết định của Ủy ban nhân dân',
  ],
  [
    'Nghị định 23/2015/NĐ-CP',
    'Nghị định số hai mươi ba năm hai nghìn không trăm mười lăm Nghị định của Chính phủ',
  ],
  ['UBNDX', 'UBNDX'],
  // Everyday sentences
  [
    'Hôm nay Thứ 2: nhận hồ sơ đến 15:00, trả trong ngày.',
    'Hôm nay thứ Hai: nhận hồ sơ đến mười lăm giờ, trả trong ngày.',
  ],
  ['Lệ phí: 0 đ (miễn phí)', 'Lệ phí: không đồng (miễn phí)'],
  ['  nhiều   khoảng trắng  ', 'nhiều khoảng trắng'],
];

describe('normaliseForSpeech', () => {
  it('has at least 60 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE)('%s', (shown, said) => {
    expect(normaliseForSpeech(shown)).toBe(said);
  });

  it('leaves no digit in what it says for a receipt', () => {
    const said = normaliseForSpeech(
      'Mã hồ sơ H42.18562.K02-261124-0001. Hẹn trả 13:30 ngày 24/11/2026. Lệ phí 10.000 đ.',
    );
    expect(said).not.toMatch(/\d/);
  });

  it('reads an office’s own abbreviations, and the office’s reading wins', () => {
    const lexicon = mergeLexicon({ BPMC: 'Bộ phận một cửa', UBND: 'Ủy ban' });
    expect(normaliseForSpeech('BPMC của UBND', { lexicon })).toBe('Bộ phận một cửa của Ủy ban');
  });
});

describe('readTicketNumber', () => {
  it.each([
    ['A-023', 'A không hai ba'],
    ['a-7', 'A bảy'],
    ['B105', 'bê một không năm'],
    ['ĐK-002', 'đê ca không không hai'],
  ])('%s', (ticket, said) => {
    expect(readTicketNumber(ticket)).toBe(said);
  });
});

describe('numberToWords', () => {
  it('refuses fractions', () => {
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });
  it('reads negatives and thousands of billions', () => {
    expect(numberToWords(-3)).toBe('âm ba');
    expect(numberToWords(1_000_000_000_000)).toBe('một nghìn tỷ');
  });
});
