/**
 * The queue ticket (phiếu số thứ tự) on the 80 mm roll: the number large, the service, the
 * counters, the people ahead and the estimated wait, the time it was taken (Vietnam time)
 * and a QR code of the office's live position page. Nothing personal: a priority claim
 * prints as "Ưu tiên" only (the group is told to the officer, who confirms it). A ticket
 * from the kiosk's own range says so, since the people ahead and the wait are not known.
 * Vietnamese first; when the citizen used English, each line carries its English too.
 */
import type { KioskTicket } from '../contracts/tickets.ts';
import type { Language } from '../domain/localised.ts';
import { toVietnamWallClock } from '../domain/vietnam-time.ts';
import { receivedTimeText } from './common.ts';
import { escapeHtml, htmlDocument } from './html.ts';
import { PRINT_FONT_STACK } from './fonts.ts';
import { paperSpec, ROLL_PRINTABLE_WIDTH_MM } from './paper.ts';
import { qrImageSrc } from './receipt.ts';
import type { PrintDocument } from './common.ts';

export interface TicketPrintInput {
  ticket: KioskTicket;
  officeName: string;
  /** The screen's language: 'en' adds the English under each Vietnamese line. */
  lang: Language;
  /** QR of ticket.positionUrl, made by the caller (SVG text or a data:image URL); none when null. */
  qrSvg: string | null;
}

type Bilingual = { vi: string; en: string };

const pad2 = (n: number) => String(n).padStart(2, '0');
/** "09:10, 23/11/2026" in Vietnam time. */
function clockText(instant: Date): string {
  const c = toVietnamWallClock(instant);
  return `${pad2(c.hour)}:${pad2(c.minute)}, ${pad2(c.day)}/${pad2(c.month)}/${c.year}`;
}

/** The ticket's words, one place for the paper and for the screen that reads it back. */
export function ticketLines(ticket: KioskTicket): {
  title: Bilingual;
  service: Bilingual;
  counters: Bilingual;
  ahead: Bilingual;
  wait: Bilingual;
  priority: Bilingual | null;
  offline: Bilingual | null;
  takenAt: Bilingual;
  scan: Bilingual;
} {
  const counters = ticket.counters.join(', ');
  const wait =
    ticket.estimateMinutes === null
      ? { vi: 'chưa biết', en: 'not known' }
      : ticket.estimateMinutes === 0
        ? { vi: 'sắp đến lượt', en: 'your turn is next' }
        : { vi: `khoảng ${ticket.estimateMinutes} phút`, en: `about ${ticket.estimateMinutes} minutes` };
  const ahead = ticket.peopleAhead === null ? null : String(ticket.peopleAhead);
  return {
    title: { vi: 'PHIẾU SỐ THỨ TỰ', en: 'QUEUE TICKET' },
    service: { vi: ticket.serviceName, en: ticket.serviceName },
    counters: {
      vi: ticket.counters.length ? `Mời đến quầy số: ${counters}` : 'Quầy: theo bảng gọi số',
      en: ticket.counters.length ? `Counter: ${counters}` : 'Counter: see the calling board',
    },
    ahead: {
      vi: `Số người chờ trước: ${ahead ?? 'chưa biết'}`,
      en: `People ahead: ${ahead ?? 'not known'}`,
    },
    wait: { vi: `Thời gian chờ dự kiến: ${wait.vi}`, en: `Estimated wait: ${wait.en}` },
    priority: ticket.priority
      ? { vi: 'Ưu tiên — cán bộ xác nhận tại quầy', en: 'Priority — confirmed by the officer at the counter' }
      : null,
    offline: ticket.offline
      ? {
          vi: 'Số phát khi mất kết nối với cơ quan: ông/bà vẫn được gọi theo giờ lấy số; số người chờ và thời gian chờ chưa biết.',
          en: 'Number issued while the office could not be reached: you are still called in the order you came; the people ahead and the wait are not known.',
        }
      : null,
    takenAt: {
      vi: `Lấy số lúc ${receivedTimeText(new Date(ticket.issuedAt))}`,
      en: `Taken at ${clockText(new Date(ticket.issuedAt))} (Vietnam time)`,
    },
    scan: {
      vi: 'Quét mã để xem đã gọi đến đâu',
      en: 'Scan to see how far the queue has come',
    },
  };
}

const CSS = `
@page { size: 80mm var(--h); margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${PRINT_FONT_STACK}; color: #000; font-size: 10pt; line-height: 1.3; }
.ticket { width: 80mm; padding: 4mm ${(80 - ROLL_PRINTABLE_WIDTH_MM) / 2}mm; text-align: center; }
.office { font-weight: 700; font-size: 9.5pt; }
h1 { font-size: 12pt; margin: 2mm 0 0; }
.number { font-size: 40pt; font-weight: 700; line-height: 1.1; margin: 1mm 0; letter-spacing: 0.5mm; }
.service { font-size: 13pt; font-weight: 700; }
p { margin: 1mm 0; }
.en { font-size: 8pt; font-style: italic; }
.counters { font-size: 12pt; font-weight: 700; }
.priority { border: 0.4mm solid #000; padding: 1mm; font-weight: 700; }
.offline { border: 0.4mm dashed #000; padding: 1mm; text-align: left; }
.qr img { width: 32mm; height: 32mm; image-rendering: pixelated; }
`;

/** A roll long enough for the content: the fixed blocks plus the lines, generous rather than cut off. */
function rollHeightMm(lines: number, offline: boolean, qr: boolean, english: boolean): number {
  return Math.ceil(60 + lines * (english ? 8 : 5) + (offline ? (english ? 30 : 18) : 0) + (qr ? 40 : 0));
}

export function buildTicketDocument(input: TicketPrintInput): PrintDocument {
  const { ticket } = input;
  const l = ticketLines(ticket);
  const english = input.lang === 'en';
  const line = (text: Bilingual, cls: string) =>
    `<p class="${cls}">${escapeHtml(text.vi)}${english && text.en !== text.vi ? `<br><span class="en">${escapeHtml(text.en)}</span>` : ''}</p>`;
  const qrSrc = input.qrSvg ? qrImageSrc(input.qrSvg) : null;
  const body = [
    `<article class="ticket">`,
    `<div class="office">${escapeHtml(input.officeName.toLocaleUpperCase('vi'))}</div>`,
    `<h1>${escapeHtml(l.title.vi)}${english ? `<br><span class="en">${escapeHtml(l.title.en)}</span>` : ''}</h1>`,
    `<div class="number">${escapeHtml(ticket.number)}</div>`,
    line(l.service, 'service'),
    line(l.counters, 'counters'),
    l.priority ? line(l.priority, 'priority') : '',
    line(l.ahead, 'ahead'),
    line(l.wait, 'wait'),
    l.offline ? line(l.offline, 'offline') : '',
    line(l.takenAt, 'time'),
    qrSrc ? `<div class="qr"><img src="${escapeHtml(qrSrc)}" alt="Mã QR">${line(l.scan, 'scan')}</div>` : '',
    `</article>`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const page = paperSpec(
    '80mm',
    rollHeightMm(6 + (ticket.priority ? 1 : 0), ticket.offline, !!qrSrc, english),
  );
  const title = `PHIẾU SỐ THỨ TỰ ${ticket.number}`;
  return {
    html: htmlDocument({ title, css: CSS.replace('var(--h)', `${page.heightMm}mm`), body }),
    paper: '80mm',
    title,
    page,
  };
}
