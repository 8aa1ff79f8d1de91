/**
 * The 13 procedures named in the reform reports (names and national codes from
 * /work/shared/DOMAIN_FACTS.md, "Procedures named in the reports"), reduced to
 * what search looks at. Test and bench fixture only: the shipped catalogue is
 * shared/catalogue/. The aliases are everyday words citizens use at the desk
 * ("làm giấy khai sinh", "công chứng", "sổ đỏ"), written for the search tests;
 * they are not official data.
 */
import type { SearchableProcedure } from '../search-index.ts';

const p = (code: string, vi: string, en: string, aliases: string[]): SearchableProcedure => ({
  code,
  name: { vi, en },
  aliases,
});

export const DOMAIN_FACTS_PROCEDURES: SearchableProcedure[] = [
  p('2.000815', 'Chứng thực bản sao từ bản chính', 'Certifying copies from originals', [
    'công chứng',
    'sao y bản chính',
    'công chứng giấy tờ',
    'photo công chứng',
  ]),
  p('2.000908', 'Cấp bản sao từ sổ gốc', 'Issuing copies from the original register', [
    'trích lục',
    'xin bản sao giấy khai sinh',
  ]),
  p('2.000884', 'Chứng thực chữ ký', 'Certifying signatures', [
    'công chứng chữ ký',
    'xác nhận chữ ký',
    'lăn tay điểm chỉ',
  ]),
  p(
    '2.000913',
    'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    'Certifying amendments to or cancellation of contracts and transactions',
    ['sửa hợp đồng', 'hủy hợp đồng'],
  ),
  p('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status', [
    'giấy xác nhận độc thân',
    'giấy độc thân',
  ]),
  p('1.000894', 'Đăng ký kết hôn', 'Marriage registration', ['làm giấy kết hôn', 'đăng ký cưới']),
  p('1.001193', 'Đăng ký khai sinh', 'Birth registration', ['làm giấy khai sinh', 'khai sinh cho con']),
  p('1.000656', 'Đăng ký khai tử', 'Death registration', ['báo tử', 'làm giấy chứng tử']),
  p(
    '1.004859',
    'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    'Changing, correcting or supplementing civil-status information; re-determining ethnicity',
    ['đổi tên', 'sửa tên trong giấy khai sinh', 'đổi dân tộc'],
  ),
  p('1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Registering a household business', [
    'giấy phép kinh doanh',
    'mở cửa hàng',
    'đăng ký kinh doanh',
  ]),
  p(
    '2.000720',
    'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    'Registering changes to a household business',
    ['đổi giấy phép kinh doanh', 'đổi địa chỉ kinh doanh'],
  ),
  p(
    '1.011441',
    'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất',
    'Registering security interests over land-use rights and attached assets',
    ['sổ đỏ', 'thế chấp sổ đỏ', 'thế chấp nhà đất'],
  ),
  p('1.011443', 'Xóa đăng ký biện pháp bảo đảm', 'Deregistering a security interest', [
    'xóa thế chấp',
    'giải chấp sổ đỏ',
  ]),
];
