import { z } from 'zod';

/**
 * The reform models a commune office runs on set weekdays (see ../shared/BRIEF.md).
 * - no-appointment: "Ngày không giấy hẹn" / "Ngày không hẹn" — result returned the same day
 * - no-writing: "Ngày không viết" — a volunteer or officer types the declaration
 * - online-service: "Ngày dịch vụ công trực tuyến" — staff help citizens file on the portal
 * - no-paper: "Ngày không nộp văn bản giấy" (Hà Tĩnh) — selected procedures accepted only electronically
 * - saturday-morning: "Sáng thứ Bảy vì dân" — the office opens on Saturday morning
 */
export const REFORM_MODEL_IDS = [
  'no-appointment',
  'no-writing',
  'online-service',
  'no-paper',
  'saturday-morning',
] as const;
export const ReformModelIdSchema = z.enum(REFORM_MODEL_IDS);
export type ReformModelId = z.infer<typeof ReformModelIdSchema>;
