import type { LocalisedText } from './localised.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from './reform-model.ts';

export interface ReformModelInfo {
  id: ReformModelId;
  /** The name the office posts on its notice board. */
  name: LocalisedText;
  /** One or two short sentences for the Today screen, written for elderly citizens. */
  explanation: LocalisedText;
  /** Where the model comes from (the seed press reports in ../shared/seeds). */
  source: string;
}

/** Reform models with plain-language explanations; sources are the seed reports of BRIEF.md. */
export const REFORM_MODELS: Readonly<Record<ReformModelId, ReformModelInfo>> = {
  'no-appointment': {
    id: 'no-appointment',
    name: { vi: 'Ngày không giấy hẹn', en: 'No-appointment day' },
    explanation: {
      vi: 'Hôm nay, các thủ tục dưới đây được giải quyết ngay trong ngày. Bà con nộp hồ sơ và chờ nhận kết quả, không phải nhận giấy hẹn và không phải quay lại lần nữa.',
      en: 'Today the procedures below are handled the same day. Hand in your papers and wait for the result: no appointment slip, no second trip.',
    },
    source:
      'Báo Bắc Kạn, "Ngày không giấy hẹn" và "Ngày dịch vụ công trực tuyến" (Pác Nặm, Chợ Đồn, 2023); Gia Lâm "Ngày thứ Ba không viết, không giấy hẹn" (2024); Đắk Nông "Ngày không viết", "Ngày không hẹn" (Kế hoạch 580/KH-UBND ngày 08/9/2023)',
  },
  'no-writing': {
    id: 'no-writing',
    name: { vi: 'Ngày không viết', en: 'No-writing day' },
    explanation: {
      vi: 'Hôm nay bà con không phải tự viết tờ khai. Cán bộ hoặc tình nguyện viên sẽ điền giúp, bà con chỉ cần ký tên hoặc điểm chỉ vào tờ khai đã in.',
      en: 'Today you do not have to write the form yourself. An officer or a volunteer fills it in for you; you only sign or put your fingerprint on the printed form.',
    },
    source:
      'Gia Lâm "Ngày thứ Ba không viết, không giấy hẹn" (2024); Đắk Nông "Ngày không viết" (Kế hoạch 580/KH-UBND ngày 08/9/2023); Hương Sơn (Hà Tĩnh) "Thứ Năm - Ngày không viết, không hẹn" (2023)',
  },
  'online-service': {
    id: 'online-service',
    name: { vi: 'Ngày dịch vụ công trực tuyến', en: 'Online public service day' },
    explanation: {
      vi: 'Hôm nay cán bộ giúp bà con nộp hồ sơ qua mạng trên Cổng Dịch vụ công và trả lệ phí bằng chuyển khoản, không cần giấy tờ nộp tay. Bà con mang theo căn cước và điện thoại nếu có.',
      en: 'Today staff help you file online on the Public Service Portal and pay the fee by bank transfer, instead of handing in paper forms. Bring your ID card, and your phone if you have one.',
    },
    source:
      'Báo Bắc Kạn, "Ngày không giấy hẹn" và "Ngày dịch vụ công trực tuyến" (Pác Nặm: thứ Năm, 09 TTHC; Chợ Đồn: thứ Ba, 2023)',
  },
  'no-paper': {
    id: 'no-paper',
    name: { vi: 'Ngày không nộp hồ sơ giấy', en: 'No-paper day' },
    explanation: {
      vi: 'Hôm nay các thủ tục dưới đây chỉ nhận hồ sơ qua mạng, không nhận giấy. Cán bộ tại bộ phận một cửa sẽ hướng dẫn, cầm tay chỉ việc để bà con tự nộp được.',
      en: 'Today the procedures below are only accepted online, not on paper. Staff at the one-stop desk will show you step by step how to file.',
    },
    source: 'Hà Tĩnh thí điểm "một số TTHC, một số ngày không nộp văn bản giấy" (01/07/2023)',
  },
  'saturday-morning': {
    id: 'saturday-morning',
    name: { vi: 'Sáng thứ Bảy vì dân', en: 'Saturday morning for citizens' },
    explanation: {
      vi: 'Bộ phận một cửa mở cửa cả sáng thứ Bảy để bà con bận đi làm trong tuần vẫn đến nộp hồ sơ và nhận kết quả được.',
      en: 'The one-stop desk also opens on Saturday morning, so people who work during the week can still hand in papers and collect results.',
    },
    source:
      'Bắc Kạn, "Bộ phận Một cửa các cấp phát huy tốt vai trò trong thực hiện cải cách hành chính" (13/06/2024)',
  },
  'no-waiting': {
    id: 'no-waiting',
    name: { vi: 'Ngày không chờ', en: 'No-waiting day' },
    explanation: {
      vi: 'Hôm nay bà con lấy số thứ tự và được gọi tên số ngay, không phải xếp hàng chờ lâu. Số thứ tự in sẵn thời gian chờ dự kiến.',
      en: 'Today you take a numbered ticket and are called quickly, without a long wait in line. The ticket shows the expected wait.',
    },
    source:
      'Bắc Kạn, "Bộ phận Một cửa các cấp phát huy tốt vai trò trong thực hiện cải cách hành chính" (13/06/2024); Báo Bắc Kạn, thực hiện TTHC "không chờ" song hành với "Ngày không giấy hẹn" (2023)',
  },
  'extra-half-hour': {
    id: 'extra-half-hour',
    name: { vi: '30 phút tăng thêm vì dân', en: '30 extra minutes for the people' },
    explanation: {
      vi: 'Hôm nay bộ phận một cửa làm việc thêm 30 phút sau giờ đóng cửa thường lệ, để bà con đến muộn vẫn được tiếp nhận hồ sơ.',
      en: 'Today the one-stop desk stays open 30 minutes past its usual closing time, so people who come late are still served.',
    },
    source:
      'Bắc Kạn, "Bộ phận Một cửa các cấp phát huy tốt vai trò trong thực hiện cải cách hành chính" (13/06/2024)',
  },
  cashless: {
    id: 'cashless',
    name: { vi: 'Ngày không dùng tiền mặt', en: 'Cashless day' },
    explanation: {
      vi: 'Hôm nay bà con nộp phí, lệ phí bằng chuyển khoản: quét mã QR thanh toán bằng ứng dụng ngân hàng trên điện thoại, không nộp tiền mặt.',
      en: 'Today fees are paid by bank transfer: scan the payment QR code with a banking app on your phone; no cash.',
    },
    source:
      'Bắc Kạn, "Bộ phận Một cửa các cấp phát huy tốt vai trò trong thực hiện cải cách hành chính" (13/06/2024) ("Ngày thứ Hai không giấy và không dùng tiền mặt")',
  },
};

export const REFORM_MODEL_LIST: readonly ReformModelInfo[] = REFORM_MODEL_IDS.map((id) => REFORM_MODELS[id]);
