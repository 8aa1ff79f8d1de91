/** Pieces shared by the declaration and the receipt. */
import { findCommune } from '../admin-units/index.ts';
import type { OfficeProfile } from '../domain/office-profile.ts';
import { toVietnamWallClock } from '../domain/vietnam-time.ts';
import { escapeHtml } from './html.ts';
import type { PaperSpec, PrintPaper } from './paper.ts';

/** What every builder returns; the print service turns `html` into a PDF and a printer job. */
export interface PrintDocument {
  /** Complete standalone HTML (own styles; fonts and images only as data: URLs). */
  html: string;
  paper: PrintPaper;
  /** For the PDF title and the printer job name; holds no personal data. */
  title: string;
  /** The sheet, for an explicit page size in the printer job (see pageSizeMicrons). */
  page: PaperSpec;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The commune name as written in a place/date line: "Xã Bằng Thành" → "Bằng Thành"
 * (the unit type is dropped, as on signed papers). Falls back to the office address's
 * first part when the code is unknown.
 */
export function placeName(profile: Pick<OfficeProfile, 'office'>): string {
  const name = findCommune(profile.office.communeCode)?.name ?? profile.office.address.split(',')[0] ?? '';
  return name.replace(/^(Xã|Phường|Đặc khu|Thị trấn)\s+/u, '').trim();
}

/**
 * "ngày 24 tháng 11 năm 2026" in Vietnam time. Days below 10 and the months 1 and 2 take
 * a leading zero ("ngày 05 tháng 02 năm 2027"), as in dated administrative papers
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I, on the place and date line).
 */
export function vietnameseDateWords(instant: Date): string {
  const c = toVietnamWallClock(instant);
  const day = c.day < 10 ? pad2(c.day) : String(c.day);
  const month = c.month < 3 ? pad2(c.month) : String(c.month);
  return `ngày ${day} tháng ${month} năm ${c.year}`;
}

/** "Bằng Thành, ngày 24 tháng 11 năm 2026". */
export function placeDateLine(profile: Pick<OfficeProfile, 'office'>, instant: Date): string {
  const place = placeName(profile);
  return place ? `${place}, ${vietnameseDateWords(instant)}` : vietnameseDateWords(instant);
}

/** "09 giờ 05 phút, ngày 24/11/2026" in Vietnam time (item 4 of the receipt). */
export function receivedTimeText(instant: Date): string {
  const c = toVietnamWallClock(instant);
  return `${pad2(c.hour)} giờ ${pad2(c.minute)} phút, ngày ${pad2(c.day)}/${pad2(c.month)}/${c.year}`;
}

/** The national motto header, centred, the motto underlined. */
export function nationalHeaderHtml(): string {
  return [
    '<div class="national">',
    '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
    '<div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div>',
    '</div>',
  ].join('');
}

export const NATIONAL_HEADER_CSS = `
.national { text-align: center; font-weight: 700; }
.national .nation { letter-spacing: 0.01em; }
.national .motto span { display: inline-block; padding-bottom: 0.6mm; border-bottom: 0.3mm solid #000; }
`;

/** Escaped, or a dotted blank of the given width when there is nothing to print. */
export function valueOrDots(value: string, widthMm = 40): string {
  return value.trim() === ''
    ? `<span class="dots" style="min-width:${widthMm}mm"></span>`
    : escapeHtml(value);
}
