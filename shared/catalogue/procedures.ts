/**
 * The offline procedure catalogue shipped with the kiosk: the 13 procedures named in
 * the seed reports. Every fact here comes from ../shared/DOMAIN_FACTS.md ("Procedures
 * named in the reports", "Portal links for QR codes") and the legal bases it names;
 * each procedure's `sources` says which. Fees marked null are set by the province and
 * come from the office profile's `feeOverrides`. Portal URLs are data, never computed:
 * only the three national-portal pages DOMAIN_FACTS gives are filled in; offices add
 * the rest in their profile's `portalUrls`.
 */
import type { Catalogue, Procedure, RequiredDocument } from '../domain/procedure.ts';

const FACTS =
  'DOMAIN_FACTS.md, "Procedures named in the reports" (National Database of Administrative Procedures)';
const PORTAL_FACTS = 'DOMAIN_FACTS.md, "Portal links for QR codes" (dichvucong.gov.vn, 2026 catalogue)';
/**
 * DOMAIN_FACTS gives no online level; this is inferred from the procedure itself (a
 * person must appear, sign or present an original → partly online). Provinces publish
 * their own lists, so treat it as a default an office may correct.
 */
const ONLINE_LEVEL_NOTE =
  'onlineLevel: inferred default (in-person step → partial), not from an official list';

const CERTIFICATION = { vi: 'Chứng thực', en: 'Certification' };
const CIVIL_STATUS = { vi: 'Hộ tịch', en: 'Civil status' };
const HOUSEHOLD_BUSINESS = { vi: 'Thành lập và hoạt động của hộ kinh doanh', en: 'Household business' };
const SECURED_TRANSACTIONS = { vi: 'Đăng ký biện pháp bảo đảm', en: 'Registration of security interests' };

const CERTIFICATION_LAW = ['Nghị định 23/2015/NĐ-CP', 'Nghị định 120/2025/NĐ-CP'];
const CIVIL_STATUS_LAW = [
  'Luật Hộ tịch 2014',
  'Nghị định 123/2015/NĐ-CP',
  'Thông tư 04/2020/TT-BTP',
  'Nghị định 120/2025/NĐ-CP',
];

const SAME_DAY = {
  description: {
    vi: 'Trong ngày; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
    en: 'Same day; if received after 15:00, the next working day',
  },
  statutoryWorkingDays: 0,
  sameDayCutoff: '15:00',
} as const;

const threeDays = (vi = '03 ngày làm việc', en = '3 working days') => ({
  description: { vi, en },
  statutoryWorkingDays: 3,
  sameDayCutoff: null,
});

const ID_CARD: RequiredDocument = {
  name: {
    vi: 'Căn cước / Căn cước công dân hoặc giấy tờ tùy thân',
    en: 'Chip ID card or other identity paper',
  },
  form: 'present-original',
  count: 1,
};

const doc = (
  vi: string,
  en: string,
  form: RequiredDocument['form'],
  count = 1,
  note?: { vi: string; en: string },
): RequiredDocument => (note ? { name: { vi, en }, form, count, note } : { name: { vi, en }, form, count });

const province = (vi = 'Do Hội đồng nhân dân tỉnh quy định', en = 'Set by the province') => ({
  amountVnd: null,
  description: { vi, en },
});

export const PROCEDURES: readonly Procedure[] = [
  {
    code: '2.000815',
    name: {
      vi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
      en: 'Certifying a copy from the original of a paper issued or certified by a Vietnamese authority',
    },
    aliases: [
      'công chứng',
      'công chứng giấy tờ',
      'photo công chứng',
      'sao y',
      'sao y bản chính',
      'chứng thực bản sao',
      'chứng thực giấy tờ',
      'công chứng căn cước',
      'công chứng sổ đỏ',
      'công chứng bằng',
    ],
    field: CERTIFICATION,
    level: 'commune',
    documents: [
      doc('Bản chính giấy tờ, văn bản', 'The original paper', 'present-original'),
      doc('Bản sao cần chứng thực', 'The copy to certify', 'copy', 1, {
        vi: 'Nếu chưa có bản chụp, cơ quan chụp giúp',
        en: 'If you have no photocopy, the office can make one',
      }),
    ],
    fee: {
      amountVnd: 2000,
      description: {
        vi: '2.000 đồng/trang cho trang thứ nhất và thứ hai; từ trang thứ ba 1.000 đồng/trang; tối đa 200.000 đồng/bản',
        en: '2,000 VND per page for pages 1–2, 1,000 VND per page from page 3, at most 200,000 VND per copy',
      },
    },
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: CERTIFICATION_LAW,
    portalUrl: null,
    sources: [FACTS, 'Nghị định 23/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '2.000908',
    name: { vi: 'Cấp bản sao từ sổ gốc', en: 'Issuing a copy from the master register' },
    aliases: [
      'trích lục',
      'xin trích lục',
      'xin bản sao giấy khai sinh',
      'bản sao khai sinh',
      'làm lại bản sao',
      'bản sao từ sổ gốc',
      'xin bản sao',
    ],
    field: CERTIFICATION,
    level: 'commune',
    documents: [doc('Văn bản yêu cầu cấp bản sao', 'Written request for a copy', 'original'), ID_CARD],
    fee: { amountVnd: 0, description: { vi: 'Không thu phí', en: 'No fee' } },
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: CERTIFICATION_LAW,
    portalUrl: null,
    sources: [FACTS, 'Nghị định 23/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '2.000884',
    name: {
      vi: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
      en: 'Certifying a signature on a paper (also a fingerprint, or for a person unable to sign or fingerprint)',
    },
    aliases: [
      'ký xác nhận chữ ký',
      'chứng thực chữ ký',
      'xác nhận chữ ký',
      'công chứng chữ ký',
      'chứng thực điểm chỉ',
      'ký giấy ủy quyền',
      'giấy ủy quyền',
      'xác nhận đơn',
    ],
    field: CERTIFICATION,
    level: 'commune',
    documents: [
      ID_CARD,
      doc('Giấy tờ, văn bản sẽ ký', 'The paper you will sign', 'original', 1, {
        vi: 'Ký hoặc điểm chỉ trực tiếp trước mặt người thực hiện chứng thực',
        en: 'Sign or fingerprint it in person in front of the certifying officer',
      }),
    ],
    fee: { amountVnd: 10000, description: { vi: '10.000 đồng/trường hợp', en: '10,000 VND per case' } },
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: CERTIFICATION_LAW,
    portalUrl: null,
    sources: [FACTS, 'Nghị định 23/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '2.000913',
    name: {
      vi: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
      en: 'Certifying the amendment, supplement or cancellation of a contract or transaction',
    },
    aliases: [
      'sửa hợp đồng',
      'hủy hợp đồng',
      'huỷ hợp đồng',
      'bổ sung hợp đồng',
      'sửa đổi hợp đồng',
      'chứng thực hợp đồng',
      'công chứng hợp đồng',
    ],
    field: CERTIFICATION,
    level: 'commune',
    documents: [
      doc(
        'Dự thảo hợp đồng, giao dịch sửa đổi, bổ sung, hủy bỏ',
        'Draft of the amendment, supplement or cancellation',
        'original',
      ),
      doc('Hợp đồng, giao dịch đã được chứng thực', 'The certified contract or transaction', 'original', 1, {
        vi: 'Nộp tại nơi đã chứng thực hợp đồng',
        en: 'File it where the contract was certified',
      }),
      ID_CARD,
    ],
    fee: {
      amountVnd: 30000,
      description: {
        vi: '30.000 đồng/hợp đồng, giao dịch (một số tỉnh 20.000 đồng)',
        en: '30,000 VND per contract (some provinces 20,000 VND)',
      },
    },
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: CERTIFICATION_LAW,
    portalUrl: null,
    sources: [FACTS, 'Nghị định 23/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.004873',
    name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Issuing a certificate of marital status' },
    aliases: [
      'giấy độc thân',
      'xin giấy độc thân',
      'xin xác nhận độc thân',
      'xác nhận độc thân',
      'giấy xác nhận độc thân',
      'xác nhận tình trạng hôn nhân',
      'giấy tình trạng hôn nhân',
    ],
    field: CIVIL_STATUS,
    level: 'commune',
    documents: [
      doc(
        'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
        'Declaration for a marital-status certificate',
        'original',
      ),
      doc(
        'Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã chết',
        'Proof of divorce or of the spouse’s death',
        'original-or-copy',
        1,
        { vi: 'Chỉ khi trước đây đã kết hôn', en: 'Only if you were married before' },
      ),
    ],
    fee: province(
      'Do tỉnh quy định (ví dụ Hà Tĩnh: 10.000 đồng)',
      'Set by the province (e.g. Hà Tĩnh: 10,000 VND)',
    ),
    processingTime: threeDays(),
    onlineLevel: 'full',
    legalBasis: CIVIL_STATUS_LAW,
    portalUrl: null,
    sources: [FACTS, 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.000894',
    name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
    aliases: [
      'làm giấy kết hôn',
      'đăng ký kết hôn',
      'giấy đăng ký kết hôn',
      'cưới',
      'làm đám cưới giấy tờ',
      'kết hôn',
    ],
    field: CIVIL_STATUS,
    level: 'commune',
    documents: [
      doc('Tờ khai đăng ký kết hôn', 'Marriage registration declaration', 'original'),
      doc('Căn cước của hai bên nam, nữ', 'Both partners’ ID cards', 'present-original', 2, {
        vi: 'Hai bên cùng có mặt khi đăng ký',
        en: 'Both partners must attend',
      }),
    ],
    fee: {
      amountVnd: 0,
      description: { vi: 'Miễn lệ phí cho người cư trú trong nước', en: 'Free for residents' },
    },
    processingTime: {
      description: {
        vi: 'Ngay trong ngày (sau 15 giờ thì ngày làm việc tiếp theo); 05 ngày làm việc nếu cần xác minh',
        en: 'Immediately (after 15:00, the next working day); 5 working days if verification is needed',
      },
      statutoryWorkingDays: 0,
      sameDayCutoff: '15:00',
    },
    onlineLevel: 'partial',
    legalBasis: CIVIL_STATUS_LAW,
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
    sources: [FACTS, PORTAL_FACTS, 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.001193',
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    aliases: [
      'làm giấy khai sinh',
      'khai sinh',
      'giấy khai sinh',
      'làm khai sinh cho con',
      'đăng ký khai sinh cho con',
      'khai sinh cho cháu',
      'làm giấy khai sinh cho bé',
    ],
    field: CIVIL_STATUS,
    level: 'commune',
    documents: [
      doc('Tờ khai đăng ký khai sinh', 'Birth registration declaration', 'original'),
      doc('Giấy chứng sinh', 'Birth certificate from the hospital (giấy chứng sinh)', 'original', 1, {
        vi: 'Nếu không có giấy chứng sinh: văn bản của người làm chứng',
        en: 'Without one: a witness statement',
      }),
    ],
    fee: {
      amountVnd: 0,
      description: {
        vi: 'Miễn lệ phí nếu đăng ký trong 60 ngày kể từ ngày sinh',
        en: 'Free if registered within 60 days of birth',
      },
    },
    processingTime: SAME_DAY,
    onlineLevel: 'full',
    legalBasis: CIVIL_STATUS_LAW,
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    sources: [FACTS, PORTAL_FACTS, 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.000656',
    name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
    aliases: [
      'báo tử',
      'khai tử',
      'làm giấy báo tử',
      'làm giấy chứng tử',
      'giấy chứng tử',
      'người mất',
      'đăng ký người chết',
    ],
    field: CIVIL_STATUS,
    level: 'commune',
    documents: [
      doc('Tờ khai đăng ký khai tử', 'Death registration declaration', 'original'),
      doc('Giấy báo tử', 'Death notice', 'original', 1, {
        vi: 'Hoặc giấy tờ thay thế giấy báo tử',
        en: 'Or a paper that replaces the death notice',
      }),
    ],
    fee: {
      amountVnd: 0,
      description: { vi: 'Miễn lệ phí nếu đăng ký trong 15 ngày', en: 'Free if registered within 15 days' },
    },
    processingTime: SAME_DAY,
    onlineLevel: 'full',
    legalBasis: CIVIL_STATUS_LAW,
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4',
    sources: [FACTS, PORTAL_FACTS, 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.004859',
    name: {
      vi: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
      en: 'Changing, correcting or supplementing civil-status information; re-determining ethnicity',
    },
    aliases: [
      'sửa giấy khai sinh',
      'sửa tên',
      'đổi tên',
      'cải chính hộ tịch',
      'sửa sai thông tin khai sinh',
      'đổi họ',
      'xác định lại dân tộc',
      'đổi dân tộc',
      'bổ sung hộ tịch',
    ],
    field: CIVIL_STATUS,
    level: 'commune',
    documents: [
      doc(
        'Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch',
        'Declaration for the change or correction',
        'original',
      ),
      doc(
        'Giấy tờ chứng minh nội dung cần thay đổi, cải chính',
        'Papers supporting the change',
        'original-or-copy',
      ),
    ],
    fee: province(),
    processingTime: threeDays(
      '03 ngày làm việc; bổ sung thông tin: trong ngày',
      '3 working days; supplements: same day',
    ),
    onlineLevel: 'partial',
    legalBasis: CIVIL_STATUS_LAW,
    portalUrl: null,
    sources: [
      FACTS,
      'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Nghị định 120/2025/NĐ-CP',
      ONLINE_LEVEL_NOTE,
    ],
  },
  {
    code: '1.001612',
    name: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Registering a household business' },
    aliases: [
      'đăng ký kinh doanh hộ',
      'đăng ký kinh doanh',
      'giấy phép kinh doanh',
      'làm giấy phép kinh doanh',
      'mở hộ kinh doanh',
      'đăng ký hộ kinh doanh',
      'mở quán',
      'mở cửa hàng',
      'giấy phép buôn bán',
    ],
    field: HOUSEHOLD_BUSINESS,
    level: 'commune',
    documents: [
      doc(
        'Giấy đề nghị đăng ký hộ kinh doanh',
        'Application for household business registration',
        'original',
      ),
      ID_CARD,
      doc(
        'Văn bản thỏa thuận của các thành viên hộ gia đình',
        'Household members’ written agreement',
        'original-or-copy',
        1,
        {
          vi: 'Khi các thành viên hộ gia đình cùng đăng ký',
          en: 'When household members register together',
        },
      ),
    ],
    fee: province(),
    processingTime: threeDays(),
    onlineLevel: 'partial',
    legalBasis: ['Nghị định 168/2025/NĐ-CP'],
    portalUrl: null,
    sources: [FACTS, 'Nghị định 168/2025/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '2.000720',
    name: {
      vi: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
      en: 'Registering changes to a household business',
    },
    aliases: [
      'thay đổi giấy phép kinh doanh',
      'sửa giấy phép kinh doanh',
      'đổi địa chỉ kinh doanh',
      'thay đổi ngành nghề kinh doanh',
      'thay đổi hộ kinh doanh',
      'đổi chủ hộ kinh doanh',
    ],
    field: HOUSEHOLD_BUSINESS,
    level: 'commune',
    documents: [
      doc(
        'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
        'Notice of changes to the registration',
        'original',
      ),
      ID_CARD,
    ],
    fee: province(),
    processingTime: threeDays(),
    onlineLevel: 'partial',
    legalBasis: ['Nghị định 168/2025/NĐ-CP'],
    portalUrl: null,
    sources: [FACTS, 'Nghị định 168/2025/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
  {
    code: '1.011441',
    name: {
      vi: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất',
      en: 'Registering a security interest over land-use rights and assets attached to land',
    },
    aliases: [
      'thế chấp sổ đỏ',
      'thế chấp',
      'thế chấp nhà đất',
      'vay ngân hàng',
      'đăng ký thế chấp',
      'đăng ký giao dịch bảo đảm',
      'thế chấp sổ hồng',
    ],
    field: SECURED_TRANSACTIONS,
    level: 'land-registration-office',
    documents: [
      doc('Phiếu yêu cầu đăng ký (Mẫu số 01a)', 'Registration request (form 01a)', 'original'),
      doc('Hợp đồng bảo đảm', 'Security contract', 'original-or-copy'),
      doc('Giấy chứng nhận quyền sử dụng đất', 'Land-use right certificate', 'original'),
    ],
    fee: province(),
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: ['Nghị định 99/2022/NĐ-CP'],
    portalUrl: null,
    sources: [
      FACTS,
      'Nghị định 99/2022/NĐ-CP',
      'Đắk Nông "Ngày không hẹn" report (2024): households file through the commune',
      ONLINE_LEVEL_NOTE,
    ],
  },
  {
    code: '1.011443',
    name: {
      vi: 'Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất',
      en: 'Deregistering a security interest over land-use rights and assets attached to land',
    },
    aliases: [
      'xoá thế chấp',
      'xóa thế chấp',
      'xoá thế chấp sổ đỏ',
      'giải chấp',
      'rút sổ đỏ',
      'trả nợ ngân hàng lấy sổ',
    ],
    field: SECURED_TRANSACTIONS,
    level: 'land-registration-office',
    documents: [doc('Phiếu yêu cầu xóa đăng ký', 'Deregistration request', 'original')],
    fee: province('Do tỉnh quy định (ví dụ 20.000 đồng)', 'Set by the province (e.g. 20,000 VND)'),
    processingTime: SAME_DAY,
    onlineLevel: 'partial',
    legalBasis: ['Nghị định 99/2022/NĐ-CP'],
    portalUrl: null,
    sources: [FACTS, 'Nghị định 99/2022/NĐ-CP', ONLINE_LEVEL_NOTE],
  },
];

export const CATALOGUE: Catalogue = { version: '2026.11-seed', procedures: [...PROCEDURES] };

const byCode = new Map(PROCEDURES.map((p) => [p.code, p]));

export function findProcedure(code: string): Procedure | undefined {
  return byCode.get(code);
}
