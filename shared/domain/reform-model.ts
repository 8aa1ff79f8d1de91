import { z } from 'zod';

/**
 * The reform models a commune office runs on set weekdays (see ../shared/BRIEF.md).
 * - no-appointment: "Ngày không giấy hẹn" / "Ngày không hẹn" — result returned the same day
 * - no-writing: "Ngày không viết" — a volunteer or officer types the declaration
 * - online-service: "Ngày dịch vụ công trực tuyến" — staff help citizens file on the portal
 * - no-paper: "Ngày không nộp văn bản giấy" (Hà Tĩnh) — selected procedures accepted only electronically
 * - saturday-morning: "Sáng thứ Bảy vì dân" — the office opens on Saturday morning
 * - no-waiting: "Ngày không chờ" — numbered tickets, every citizen called within 15 minutes
 * - extra-half-hour: "30 phút tăng thêm vì dân" — the desk closes 30 minutes later
 * - cashless: "Ngày không dùng tiền mặt" — fees paid by transfer (VietQR) only
 *
 * New ids are appended: the office stores a dossier's models as a bit mask by position.
 */
export const REFORM_MODEL_IDS = [
  'no-appointment',
  'no-writing',
  'online-service',
  'no-paper',
  'saturday-morning',
  'no-waiting',
  'extra-half-hour',
  'cashless',
] as const;
export const ReformModelIdSchema = z.enum(REFORM_MODEL_IDS);
export type ReformModelId = z.infer<typeof ReformModelIdSchema>;

/** How much later the desk closes on an "extra-half-hour" day. */
export const EXTRA_HALF_HOUR_MINUTES = 30;
