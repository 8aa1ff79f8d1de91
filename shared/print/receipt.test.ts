import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { buildReceiptDocument, qrImageSrc, type ReceiptInput } from './receipt.ts';
import { escapeHtml } from './html.ts';
import { sampleValues } from './test-support.ts';
import { buildDossier } from '../dossier/build-dossier.ts';
import { getForm } from '../forms/registry.ts';
import { findProcedure } from '../catalogue/index.ts';
import { OfficeProfileSchema, type OfficeProfile } from '../domain/office-profile.ts';
import { vn } from '../domain/test-support.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const load = (name: string): OfficeProfile =>
  OfficeProfileSchema.parse(
    JSON.parse(readFileSync(new URL(`../../assets/profiles/${name}.json`, import.meta.url), 'utf8')),
  );
const pacNam = load('pac-nam');
const giaLam = load('gia-lam');
const HOSTILE = '<img src=x onerror=alert(1)>';
const ID = '0b7f6d1e-4c2a-4e8b-9a77-5d1c2b3a4f60';

/** A dossier built the way the kiosk builds it, and the receipt input for it. */
function receiptFor(opts: {
  profile: OfficeProfile;
  formId: string;
  procedureCode: string;
  receivedAt: Date;
  code: string;
  values?: Record<string, string>;
}): Omit<ReceiptInput, 'paper'> {
  const form = getForm(opts.formId)!;
  const procedure = findProcedure(opts.procedureCode)!;
  const r = buildDossier({
    id: ID,
    code: opts.code,
    kioskId: 'kiosk-1',
    profile: opts.profile,
    procedure,
    form,
    values: sampleValues(form, opts.values),
    volunteerId: null,
    receivedAt: opts.receivedAt,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { dossier: r.dossier, procedure, profile: opts.profile, deadline: r.deadline };
}

/** Pác Nặm, Monday 23/11/2026 09:05: a no-appointment day for certification of copies. */
const mondayCopy = (values?: Record<string, string>) =>
  receiptFor({
    profile: pacNam,
    formId: 'certification-request',
    procedureCode: '2.000815',
    receivedAt: vn('2026-11-23 09:05'),
    code: 'X01864.K01-261123-0007',
    values,
  });

function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

describe('buildReceiptDocument', () => {
  it('carries the content of form 01 (Circular 01/2018/TT-VPCP)', () => {
    const doc = buildReceiptDocument({ ...mondayCopy(), paper: 'A5', receivingOfficer: 'Lý Văn Bình' });
    const text = textOf(doc.html);
    expect(doc.title).toBe('GIẤY TIẾP NHẬN HỒ SƠ X01864.K01-261123-0007');
    expect(text).toContain(pacNam.office.name.toLocaleUpperCase('vi'));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(TITLE);
    expect(text).toContain('Mã hồ sơ: X01864.K01-261123-0007');
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hoa');
    expect(text).toContain('Địa chỉ: Thôn Nà Phầy, Xã Bằng Thành, Tỉnh Thái Nguyên');
    expect(text).toContain('Số điện thoại: 0912345678');
    expect(text).toContain(`Nội dung yêu cầu giải quyết: ${findProcedure('2.000815')!.name.vi}`);
    expect(text).toContain('1. Thành phần hồ sơ nộp gồm:');
    expect(text).toContain('Bản chính giấy tờ, văn bản (xuất trình bản chính)');
    expect(text).toContain(
      'Bản sao cần chứng thực (bản sao, 01 bản; Nếu chưa có bản chụp, cơ quan chụp giúp)',
    );
    expect(text).toContain('2. Số lượng hồ sơ: 01 bộ');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định: Trong ngày;');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 23/11/2026');
    expect(text).toContain(`6. Nơi nhận kết quả: ${pacNam.office.name}, ${pacNam.office.address}`);
    expect(text).toContain('Phí, lệ phí: 2.000 đ (2.000 đồng/trang');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Lý Văn Bình');
    expect(text).toContain('Bằng Thành, ngày 23 tháng 11 năm 2026');
  });

  it('states the same-day return on a no-appointment day (Pác Nặm, Monday)', () => {
    const text = textOf(buildReceiptDocument({ ...mondayCopy(), paper: '80mm' }).html);
    expect(text).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: Trả kết quả trước 17:00 thứ Hai, ngày 23/11/2026 (trong ngày)',
    );
    expect(text).toContain('Ngày không giấy hẹn: hồ sơ được giải quyết và trả kết quả trong ngày');
  });

  it('says the fee is paid by transfer only on a cashless day (Chợ Đồn, Monday), and not otherwise', () => {
    const input = receiptFor({
      profile: load('cho-don'),
      formId: 'certification-request',
      procedureCode: '2.000815',
      receivedAt: vn('2026-11-23 09:05'),
      code: 'X02020.K01-261123-0001',
    });
    expect(input.dossier.models).toContain('cashless');
    const text = textOf(buildReceiptDocument({ ...input, paper: '80mm' }).html);
    expect(text).toContain('Ngày không dùng tiền mặt: nộp bằng chuyển khoản (mã QR), không nhận tiền mặt.');
    expect(textOf(buildReceiptDocument({ ...mondayCopy(), paper: '80mm' }).html)).not.toContain('tiền mặt');
  });

  it('states "within 2 working hours" on Gia Lâm Tuesday, across the lunch break', () => {
    const input = receiptFor({
      profile: giaLam,
      formId: 'birth-registration',
      procedureCode: '1.001193',
      receivedAt: vn('2026-11-24 10:30'),
      code: 'X00565.K01-261124-0001',
    });
    const text = textOf(buildReceiptDocument({ ...input, paper: 'A4' }).html);
    expect(text).toContain('4. Thời gian nhận hồ sơ: 10 giờ 30 phút, ngày 24/11/2026');
    expect(text).toContain('Trả kết quả trước 14:30 thứ Ba, ngày 24/11/2026 (trong vòng 2 giờ làm việc)');
    expect(text).toContain('Ngày không giấy hẹn');
    expect(text).toContain('Phí, lệ phí: 0 đ (Miễn lệ phí nếu đăng ký trong 60 ngày kể từ ngày sinh)');
    expect(text).toContain('Địa chỉ: Thôn Nà Phầy, Xã Bằng Thành, Tỉnh Thái Nguyên');
  });

  it('gives the statutory deadline and no same-day line on an ordinary day', () => {
    // Pác Nặm, Tuesday: no reform model; marital-status confirmation takes 3 working days.
    const input = receiptFor({
      profile: pacNam,
      formId: 'marital-status',
      procedureCode: '1.004873',
      receivedAt: vn('2026-11-24 16:10'),
      code: 'X01864.K01-261124-0002',
    });
    const text = textOf(buildReceiptDocument({ ...input, paper: 'A5' }).html);
    expect(text).toContain('16 giờ 10 phút, ngày 24/11/2026');
    expect(text).toContain('Trả kết quả trước 17:00 thứ Sáu, ngày 27/11/2026 (3 ngày làm việc)');
    expect(text).not.toContain('Ngày không giấy hẹn');
    expect(text).toContain('Phí, lệ phí: Do tỉnh quy định (ví dụ Hà Tĩnh: 10.000 đồng)');
  });

  it('uses the office fee override, and the amount the officer entered', () => {
    const huongSon = load('huong-son');
    const base = mondayCopy();
    const input = { ...base, profile: huongSon, procedure: findProcedure('1.004873')! };
    expect(textOf(buildReceiptDocument({ ...input, paper: 'A5' }).html)).toContain(
      'Phí, lệ phí: 10.000 đ (10.000 đồng (Hà Tĩnh))',
    );
    expect(textOf(buildReceiptDocument({ ...base, paper: 'A5', feeVnd: 6000 }).html)).toContain(
      'Phí, lệ phí: 6.000 đ (2.000 đồng/trang',
    );
  });

  it('finds the applicant email and phone of a household business', () => {
    const input = receiptFor({
      profile: pacNam,
      formId: 'household-business',
      procedureCode: '1.001612',
      receivedAt: vn('2026-11-23 09:00'),
      code: 'X01864.K01-261123-0001',
    });
    const text = textOf(buildReceiptDocument({ ...input, paper: 'A5' }).html);
    expect(text).toContain('Email: hoa@example.vn');
    expect(text).toContain('Số điện thoại: 0912345678');
    expect(text).toContain('Địa chỉ: Thôn Nà Phầy, Xã Bằng Thành');
  });

  it('sets the page size per paper, with two copies on A5 and A4 and one on the roll', () => {
    const input = mondayCopy();
    const a5 = buildReceiptDocument({ ...input, paper: 'A5' });
    expect(a5.html).toContain('@page { size: A5 portrait; margin: 0; }');
    expect(a5.page).toMatchObject({ widthMm: 148, heightMm: 210, landscape: false });
    expect(a5.html.match(new RegExp(TITLE, 'g'))?.length).toBe(2);
    expect(a5.html).toContain('Liên 1: Lưu tại cơ quan');
    expect(a5.html).toContain('Liên 2: Giao người nộp hồ sơ');

    const a4 = buildReceiptDocument({ ...input, paper: 'A4' });
    expect(a4.html).toContain('@page { size: A4 landscape; margin: 0; }');
    expect(a4.page).toMatchObject({ widthMm: 297, heightMm: 210, landscape: true });
    expect(a4.html.match(new RegExp(TITLE, 'g'))?.length).toBe(2);
    expect(a4.html).toContain('<div class="sheet">');

    const roll = buildReceiptDocument({ ...input, paper: '80mm' });
    expect(roll.html).toMatch(/@page \{ size: 80mm (\d+)mm; margin: 0; \}/);
    const height = Number(/size: 80mm (\d+)mm/.exec(roll.html)![1]);
    expect(roll.page).toMatchObject({ widthMm: 80, heightMm: height });
    expect(height).toBeGreaterThanOrEqual(150);
    expect(height).toBeLessThanOrEqual(400);
    expect(roll.html.match(new RegExp(TITLE, 'g'))?.length).toBe(1);
    expect(roll.html).not.toContain('Liên 1');

    const measured = buildReceiptDocument({ ...input, paper: '80mm', rollHeightMm: 187.2 });
    expect(measured.html).toContain('size: 80mm 188mm');
    const single = buildReceiptDocument({ ...input, paper: 'A5', copies: 1 });
    expect(single.html.match(new RegExp(TITLE, 'g'))?.length).toBe(1);
    expect(single.html).not.toContain('Liên 1');
  });

  it('grows the roll estimate with the content', () => {
    const input = mondayCopy();
    const short = buildReceiptDocument({ ...input, paper: '80mm' }).page.heightMm;
    const long = buildReceiptDocument({
      ...input,
      paper: '80mm',
      documents: Array.from({ length: 8 }, () => input.procedure.documents[1]!),
    }).page.heightMm;
    expect(long).toBeGreaterThan(short + 30);
  });

  it("prints the QR's text (code and check part) under it, to type when a scanner fails", async () => {
    const input = mondayCopy();
    const lookupKey = '7KQ4M2XD9PTA3F6B';
    const svg = await QRCode.toString(`${input.dossier.code}-${lookupKey}`, { type: 'svg' });
    const withKey = { ...input, dossier: { ...input.dossier, lookupKey } };
    const { html } = buildReceiptDocument({ ...withKey, paper: '80mm', qrSvg: svg });
    expect(html).toContain(`Mã tra cứu: ${input.dossier.code}-${lookupKey}`);
    // A dossier from an older kiosk has no check part: the code only, as before.
    expect(buildReceiptDocument({ ...input, paper: '80mm', qrSvg: svg }).html).not.toContain('Mã tra cứu');
  });

  it('embeds the QR of the dossier code as an inert image', async () => {
    const input = mondayCopy();
    const svg = await QRCode.toString(input.dossier.code, { type: 'svg' });
    const { html } = buildReceiptDocument({ ...input, paper: 'A5', qrSvg: svg });
    expect(html).toContain('<img src="data:image/svg+xml;charset=utf-8,');
    expect(html).toContain('Quét mã để tra cứu tình trạng hồ sơ');
    expect(html).not.toContain('<svg'); // only inside the encoded data URL
    expect(html).not.toMatch(/(src|href)\s*=\s*(?!["']?data:)/i);
    const png = await QRCode.toDataURL(input.dossier.code);
    expect(buildReceiptDocument({ ...input, paper: '80mm', qrSvg: png }).html).toContain(`<img src="${png}"`);
    const evil = '<svg onload="alert(1)"><script>alert(2)</script></svg>';
    const safe = buildReceiptDocument({ ...input, paper: 'A5', qrSvg: evil }).html;
    expect(safe).not.toContain('<script');
    expect(safe).not.toContain('onload="');
    expect(() => qrImageSrc('javascript:alert(1)')).toThrow(RangeError);
    expect(() => qrImageSrc('" onerror="alert(1)')).toThrow(RangeError);
  });

  it('prints hostile names as text', () => {
    const input = mondayCopy({ 'requester.fullName': 'Lò Thị Mai' });
    const dossier = { ...input.dossier, applicantName: HOSTILE };
    const { html } = buildReceiptDocument({
      ...input,
      dossier,
      paper: 'A4',
      receivingOfficer: '"><script>alert(1)</script>',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(HOSTILE));
  });

  it('prints the received time in Vietnam time near midnight UTC', () => {
    const input = receiptFor({
      profile: pacNam,
      formId: 'certification-request',
      procedureCode: '2.000815',
      // 00:20 UTC on Monday is 07:20 in Vietnam, before opening.
      receivedAt: new Date('2026-11-23T00:20:00Z'),
      code: 'X01864.K01-261123-0001',
    });
    const text = textOf(buildReceiptDocument({ ...input, paper: '80mm' }).html);
    expect(text).toContain('4. Thời gian nhận hồ sơ: 07 giờ 20 phút, ngày 23/11/2026');
  });
});
