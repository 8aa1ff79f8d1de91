/**
 * The receipt: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, following the content of form 01
 * of Circular 01/2018/TT-VPCP as DOMAIN_FACTS.md ("Receipts") lists it: office header,
 * dossier code, applicant (name, address, phone, email), the request, 1 documents
 * submitted, 2 number of sets, 3 statutory processing time, 4 time received, 5 time the
 * result will be returned, 6 where to collect, signatures of the submitter and the
 * receiving officer; printed A5 in two copies. The exact wording of the annex was not
 * available to check, so the labels paraphrase those items rather than quote the form.
 * Added for the kiosk: the fee, the no-appointment-day line, and a QR code of the dossier
 * code for status look-up.
 *
 * Papers: '80mm' thermal roll, one copy (the citizen's) in one 72 mm column; 'A5' the two
 * copies on two A5 pages; 'A4' the two copies as the two A5 halves of an A4 landscape
 * sheet, to be cut along the dashed line.
 */
import type { DeadlineRule } from '../domain/deadline.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { OfficeProfile } from '../domain/office-profile.ts';
import type { Procedure, RequiredDocument } from '../domain/procedure.ts';
import { REFORM_MODELS } from '../domain/reform-models.ts';
import { noAppointmentFor } from '../domain/schedule.ts';
import { formatVnd } from '../domain/format.ts';
import { vietnamDate } from '../domain/vietnam-time.ts';
import type { FormDef } from '../forms/model.ts';
import { getForm } from '../forms/registry.ts';
import { receiptReturnText } from '../dossier/receipt-text.ts';
import { applicantContact } from './applicant.ts';
import {
  NATIONAL_HEADER_CSS,
  nationalHeaderHtml,
  placeDateLine,
  receivedTimeText,
  valueOrDots,
  type PrintDocument,
} from './common.ts';
import { escapeHtml, htmlDocument } from './html.ts';
import { PRINT_FONT_STACK } from './fonts.ts';
import { paperSpec, ROLL_PRINTABLE_WIDTH_MM, type PrintPaper } from './paper.ts';
import { receiptLookupText } from '../dossier/lookup-key.ts';

export interface ReceiptInput {
  dossier: Pick<
    Dossier,
    'code' | 'formId' | 'formData' | 'applicantName' | 'receivedAt' | 'models' | 'lookupKey'
  >;
  procedure: Pick<Procedure, 'code' | 'name' | 'documents' | 'fee' | 'processingTime'>;
  profile: Pick<OfficeProfile, 'office' | 'feeOverrides' | 'schedule' | 'workingHours' | 'holidays'>;
  /** From buildDossier / sameDayDeadline, computed at receipt. */
  deadline: { dueAt: Date; rule: DeadlineRule };
  paper: PrintPaper;
  /**
   * QR code of the dossier code, made by the caller (shared/ stays free of the encoder):
   * the SVG text of `QRCode.toString(code, { type: 'svg' })`, or a `data:image/…` URL.
   * Shown as an <img>, so nothing in it can run.
   */
  qrSvg?: string;
  /** Printed under the receiving officer's signature. */
  receivingOfficer?: string;
  /** @font-face CSS from buildFontFaceCss; '' when the print service adds the fonts itself. */
  fontFaceCss?: string;
  /** The declaration form, to find the applicant's contact fields; default getForm(dossier.formId). */
  form?: FormDef;
  /** Documents actually received; default the procedure's list. */
  documents?: readonly RequiredDocument[];
  /** Item 2, number of sets (bộ); default 1. */
  sets?: number;
  /** The fee actually due when the officer knows it (certification by the page); default the listed amount. */
  feeVnd?: number;
  /** Copies on A5/A4: 2 (office and citizen, the default) or 1 (citizen only, e.g. a reprint). 80 mm is always 1. */
  copies?: 1 | 2;
  /** 80 mm only: the roll length measured by the print service; default an estimate from the content. */
  rollHeightMm?: number;
}

const DOC_FORM: Record<RequiredDocument['form'], string> = {
  original: 'bản chính',
  copy: 'bản sao',
  'original-or-copy': 'bản chính hoặc bản sao',
  'present-original': 'xuất trình bản chính',
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "Bản chính giấy tờ, văn bản (xuất trình bản chính)", "Giấy chứng sinh (bản chính, 01 bản; Nếu không có …)". */
export function documentLine(d: RequiredDocument): string {
  const how = d.form === 'present-original' ? DOC_FORM[d.form] : `${DOC_FORM[d.form]}, ${pad2(d.count)} bản`;
  return `${d.name.vi} (${how}${d.note ? `; ${d.note.vi}` : ''})`;
}

/** The fee line: the office's override first, then the catalogue. */
export function feeText(input: Pick<ReceiptInput, 'procedure' | 'profile' | 'feeVnd'>): string {
  const fee = input.profile.feeOverrides[input.procedure.code] ?? input.procedure.fee;
  if (input.feeVnd !== undefined) return `${formatVnd(input.feeVnd)} (${fee.description.vi})`;
  if (fee.amountVnd === null) return fee.description.vi;
  return `${formatVnd(fee.amountVnd)} (${fee.description.vi})`;
}

/** An <img> source for the caller's QR: SVG text becomes a data URL; data:image URLs pass. */
export function qrImageSrc(qr: string): string {
  const t = qr.trim();
  if (/^data:image\/(png|gif|jpeg|svg\+xml)[;,]/i.test(t)) return t;
  if (/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)?<svg[\s>]/i.test(t)) {
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(t)}`;
  }
  throw new RangeError('the receipt QR must be SVG text or a data:image URL');
}

/** Everything both copies print, computed once. */
interface ReceiptContent {
  officeName: string;
  place: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  request: string;
  documents: string[];
  sets: string;
  statutory: string;
  received: string;
  returns: string;
  sameDayNote: string;
  collectAt: string;
  fee: string;
  qrSrc: string | null;
  /** The QR's text (code and check part), printed under it to type when a scanner fails. */
  lookupLine: string | null;
  officer: string;
}

function contentOf(input: ReceiptInput): ReceiptContent {
  const { dossier, procedure, profile, deadline } = input;
  const receivedAt = new Date(dossier.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError(`bad receivedAt: ${dossier.receivedAt}`);
  const form = input.form ?? getForm(dossier.formId);
  const contact = applicantContact(form, dossier.formData);
  const noAppointment = noAppointmentFor(profile, vietnamDate(receivedAt), procedure.code);
  const returns = receiptReturnText(deadline.dueAt, deadline.rule, 'vi', {
    workingHours: noAppointment?.returnWithinWorkingHours,
    workingDays: procedure.processingTime.statutoryWorkingDays,
    weekday: true,
  });
  const sameDay =
    dossier.models.includes('no-appointment') &&
    (deadline.rule === 'same-day' || deadline.rule === 'within-working-hours');
  const sets = input.sets ?? 1;
  return {
    officeName: profile.office.name,
    place: placeDateLine(profile, receivedAt),
    code: dossier.code,
    name: dossier.applicantName,
    address: contact.address,
    phone: contact.phone,
    email: contact.email,
    request: procedure.name.vi,
    documents: (input.documents ?? procedure.documents).map(documentLine),
    sets: `${pad2(sets)} bộ`,
    statutory: procedure.processingTime.description.vi,
    received: receivedTimeText(receivedAt),
    returns,
    sameDayNote: sameDay
      ? `${REFORM_MODELS['no-appointment'].name.vi}: hồ sơ được giải quyết và trả kết quả trong ngày, không phải quay lại.`
      : '',
    collectAt: `${profile.office.name}, ${profile.office.address}`,
    fee: dossier.models.includes('cashless')
      ? `${feeText(input)} — ${REFORM_MODELS.cashless.name.vi}: nộp bằng chuyển khoản (mã QR), không nhận tiền mặt.`
      : feeText(input),
    qrSrc: input.qrSvg === undefined ? null : qrImageSrc(input.qrSvg),
    lookupLine: dossier.lookupKey ? receiptLookupText(dossier.code, dossier.lookupKey) : null,
    officer: input.receivingOfficer?.trim() ?? '',
  };
}

const row = (label: string, value: string, cls = ''): string =>
  `<p class="row${cls ? ` ${cls}` : ''}"><span class="lbl">${escapeHtml(label)}</span> <span class="v">${valueOrDots(value, 30)}</span></p>`;

function copyHtml(c: ReceiptContent, copyLabel: string, narrow: boolean): string {
  const header = narrow
    ? `<div class="office">${escapeHtml(c.officeName.toLocaleUpperCase('vi'))}</div>${nationalHeaderHtml()}`
    : `<div class="head"><div class="office">${escapeHtml(c.officeName.toLocaleUpperCase('vi'))}</div>${nationalHeaderHtml()}</div>`;
  const contact = narrow
    ? row('Số điện thoại:', c.phone) + (c.email ? row('Email:', c.email) : '')
    : `<p class="row"><span class="lbl">Số điện thoại:</span> ${valueOrDots(c.phone, 25)}<span class="gap"></span><span class="lbl">Email:</span> ${valueOrDots(c.email, 25)}</p>`;
  const qr = c.qrSrc
    ? `<div class="qr"><img src="${escapeHtml(c.qrSrc)}" alt="Mã QR ${escapeHtml(c.code)}"><div>Quét mã để tra cứu tình trạng hồ sơ<br><b>${escapeHtml(c.code)}</b>${c.lookupLine ? `<br><span class="lookup-line">Mã tra cứu: ${escapeHtml(c.lookupLine)}</span>` : ''}</div></div>`
    : '';
  return [
    `<article class="copy">`,
    header,
    `<p class="place">${escapeHtml(c.place)}</p>`,
    `<h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>`,
    `<p class="code">Mã hồ sơ: <b>${escapeHtml(c.code)}</b></p>`,
    copyLabel ? `<p class="copylabel">(${escapeHtml(copyLabel)})</p>` : '',
    row('Tiếp nhận hồ sơ của:', c.name, 'name'),
    row('Địa chỉ:', c.address),
    contact,
    row('Nội dung yêu cầu giải quyết:', c.request),
    `<p class="row"><span class="lbl">1. Thành phần hồ sơ nộp gồm:</span></p>`,
    `<ol class="docs">${c.documents.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ol>`,
    row('2. Số lượng hồ sơ:', c.sets),
    row('3. Thời gian giải quyết hồ sơ theo quy định:', c.statutory),
    row('4. Thời gian nhận hồ sơ:', c.received),
    row('5. Thời gian trả kết quả giải quyết hồ sơ:', c.returns, 'due'),
    c.sameDayNote ? `<p class="sameday">${escapeHtml(c.sameDayNote)}</p>` : '',
    row('6. Nơi nhận kết quả:', c.collectAt),
    row('Phí, lệ phí:', c.fee),
    qr,
    `<div class="sigs">`,
    `<div class="sig"><div class="role">NGƯỜI NỘP HỒ SƠ</div><div class="hint">(Ký và ghi rõ họ tên)</div><div class="space"></div><div class="nm">${escapeHtml(c.name)}</div></div>`,
    `<div class="sig"><div class="role">NGƯỜI TIẾP NHẬN HỒ SƠ</div><div class="hint">(Ký và ghi rõ họ tên)</div><div class="space"></div><div class="nm">${escapeHtml(c.officer)}</div></div>`,
    `</div>`,
    `</article>`,
  ]
    .filter((s) => s !== '')
    .join('\n');
}

const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${PRINT_FONT_STACK}; color: #000; line-height: 1.3; }
${NATIONAL_HEADER_CSS}
.office { font-weight: 700; text-align: center; }
h1 { font-weight: 700; text-align: center; margin: 2mm 0 0; }
p { margin: 0; }
.place { text-align: center; font-style: italic; }
.code { text-align: center; }
.copylabel { text-align: center; font-style: italic; }
.row .lbl { font-weight: 400; }
.row.name .v, .row.due .v { font-weight: 700; }
.row { overflow-wrap: anywhere; }
.gap { display: inline-block; width: 4mm; }
.dots { display: inline-block; height: 1em; border-bottom: 0.3mm dotted #000; vertical-align: baseline; }
ol.docs { margin: 0; padding-left: 7mm; }
.sameday { font-weight: 700; border: 0.3mm solid #000; padding: 1mm 2mm; margin: 1mm 0; }
.qr { display: flex; align-items: center; gap: 3mm; margin: 2mm 0; }
.qr img { width: 24mm; height: 24mm; image-rendering: pixelated; }
.qr .lookup-line { font-size: 0.85em; word-break: break-all; }
.sigs { display: flex; justify-content: space-between; gap: 3mm; margin-top: 2mm; break-inside: avoid; }
.sig { flex: 1 1 0; text-align: center; display: flex; flex-direction: column; }
.sig .nm { margin-top: auto; }
.sig .role { font-weight: 700; }
.sig .hint { font-style: italic; }
.sig .space { height: 16mm; }
.sig .nm { font-weight: 700; min-height: 1.3em; }
`;

/** One A5 copy: 148 × 210 mm with its own margins, the same on an A5 page and on half an A4 sheet. */
const COPY_CSS = `
body { font-size: 10.5pt; }
.copy { width: 148mm; height: 210mm; padding: 8mm 9mm 6mm 11mm; overflow: hidden; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 3mm; font-size: 9.5pt; }
.head .office { flex: 0 0 40%; }
.head .national { flex: 1 1 auto; }
.place { text-align: right; margin: 1mm 0 0; font-size: 10pt; }
h1 { font-size: 12pt; }
`;

const A5_CSS = `
@page { size: A5 portrait; margin: 0; }
.copy { break-after: page; }
.copy:last-child { break-after: auto; }
`;

const A4_CSS = `
@page { size: A4 landscape; margin: 0; }
.sheet { display: flex; width: 297mm; height: 210mm; overflow: hidden; }
.sheet .copy { flex: 0 0 148.5mm; width: 148.5mm; }
.sheet .copy + .copy { border-left: 0.3mm dashed #666; }
`;

const ROLL_CSS = (heightMm: number): string => `
@page { size: 80mm ${heightMm}mm; margin: 0; }
body { font-size: 9pt; line-height: 1.25; }
.copy { width: 80mm; padding: 3mm ${(80 - ROLL_PRINTABLE_WIDTH_MM) / 2}mm; }
.office { font-size: 9pt; }
.national { font-size: 8.5pt; margin-top: 1mm; }
h1 { font-size: 10pt; }
.qr { flex-direction: column; text-align: center; gap: 1mm; }
.qr img { width: 30mm; height: 30mm; }
.sig .space { height: 14mm; }
.sig .role { font-size: 7.5pt; white-space: nowrap; }
.sigs { gap: 1mm; }
`;

/**
 * The 80 mm roll length for this content when the print service does not measure it:
 * a deliberately generous estimate (about 50 characters per 72 mm line at 9 pt, 3.9 mm
 * per line, plus the fixed header, QR and signature blocks); a little blank paper is
 * better than a receipt cut off.
 */
function estimateRollHeightMm(c: ReceiptContent): number {
  const lines = (text: string, indent = 0): number => Math.max(1, Math.ceil((text.length + indent) / 46));
  const text = [
    c.officeName,
    c.place,
    `Mã hồ sơ: ${c.code}`,
    `Tiếp nhận hồ sơ của: ${c.name}`,
    `Địa chỉ: ${c.address}`,
    `Số điện thoại: ${c.phone}`,
    c.email ? `Email: ${c.email}` : '',
    `Nội dung yêu cầu giải quyết: ${c.request}`,
    '1. Thành phần hồ sơ nộp gồm:',
    `2. Số lượng hồ sơ: ${c.sets}`,
    `3. Thời gian giải quyết hồ sơ theo quy định: ${c.statutory}`,
    `4. Thời gian nhận hồ sơ: ${c.received}`,
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${c.returns}`,
    c.sameDayNote,
    `6. Nơi nhận kết quả: ${c.collectAt}`,
    `Phí, lệ phí: ${c.fee}`,
  ].filter((t) => t !== '');
  const count = text.reduce((n, t) => n + lines(t), 0) + c.documents.reduce((n, d) => n + lines(d, 4), 0);
  const fixed = 6 /* padding */ + 12 /* national header */ + 10 /* title */ + 28; /* signatures */
  const qr = c.qrSrc ? 42 : 0;
  // 4 % on top: measured against Chromium renders, the estimate ran 4–10 % over the content.
  return Math.ceil((fixed + qr + count * 3.9 + (c.sameDayNote ? 3 : 0)) * 1.04);
}

export function buildReceiptDocument(input: ReceiptInput): PrintDocument {
  const c = contentOf(input);
  const title = `GIẤY TIẾP NHẬN HỒ SƠ ${input.dossier.code}`;
  const two = (input.copies ?? 2) === 2;
  const copies = two
    ? [copyHtml(c, 'Liên 1: Lưu tại cơ quan', false), copyHtml(c, 'Liên 2: Giao người nộp hồ sơ', false)]
    : [copyHtml(c, 'Giao người nộp hồ sơ', false)];
  let css: string;
  let body: string;
  let page = paperSpec(input.paper);
  switch (input.paper) {
    case '80mm': {
      page = paperSpec('80mm', input.rollHeightMm ?? estimateRollHeightMm(c));
      css = BASE_CSS + ROLL_CSS(page.heightMm);
      body = copyHtml(c, '', true);
      break;
    }
    case 'A5':
      css = BASE_CSS + COPY_CSS + A5_CSS;
      body = copies.join('\n');
      break;
    case 'A4':
      css = BASE_CSS + COPY_CSS + A4_CSS;
      body = `<div class="sheet">${copies.join('\n')}</div>`;
      break;
  }
  return {
    html: htmlDocument({ title, css: `${input.fontFaceCss ?? ''}\n${css}`, body }),
    paper: input.paper,
    title,
    page,
  };
}
