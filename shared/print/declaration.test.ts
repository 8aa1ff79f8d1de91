import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeclarationDocument } from './declaration.ts';
import { escapeHtml } from './html.ts';
import { sampleValues } from './test-support.ts';
import { getForm, listForms } from '../forms/registry.ts';
import { findProcedure } from '../catalogue/index.ts';
import { OfficeProfileSchema, type OfficeProfile } from '../domain/office-profile.ts';
import { vn } from '../domain/test-support.ts';
import type { FormDef } from '../forms/model.ts';
import { loadAdminUnits } from '../admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

const profile: OfficeProfile = OfficeProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/profiles/pac-nam.json', import.meta.url), 'utf8')),
);
const HOSTILE = '<img src=x onerror=alert(1)>';

function render(form: FormDef, values: Record<string, string>, extra: { printedAt?: Date } = {}) {
  return buildDeclarationDocument({
    form,
    values,
    procedure: findProcedure(form.procedures[0]!)!,
    profile,
    lang: 'en',
    printedAt: extra.printedAt ?? vn('2026-11-24 09:00'),
  });
}

/** The document's text with tags removed and entities of the escaper undone. */
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

describe('buildDeclarationDocument', () => {
  it.each(listForms().map((f) => [f.id, f] as const))(
    '%s prints title, addressee, applicant, pledge, place/date and signatures',
    (_id, form) => {
      const doc = render(form, sampleValues(form));
      expect(doc.paper).toBe('A4');
      expect(doc.title).toBe(form.print.title);
      expect(doc.html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(doc.html).toContain('@page { size: A4 portrait;');
      const text = textOf(doc.html);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain(form.print.title);
      expect(text).toContain(`Kính gửi: ${profile.office.name}`);
      if (form.print.pledge) expect(text).toContain(form.print.pledge);
      expect(text).toContain('Bằng Thành, ngày 24 tháng 11 năm 2026');
      for (const sig of form.print.signatures) {
        expect(text).toContain(sig.role.vi.toLocaleUpperCase('vi'));
        expect(text).toContain(sig.hint.vi);
        expect(text).toContain(sampleValues(form)[sig.nameField!]);
      }
      expect(doc.html.match(/class="finger"/g)?.length).toBe(
        form.print.signatures.filter((s) => s.fingerprint).length,
      );
      // Standalone: nothing loads from outside the document.
      expect(doc.html).not.toMatch(/(src|href)\s*=\s*(?!["']?data:)/i);
      expect(doc.html).not.toMatch(/url\((?!data:)/i);
      // Nothing leaked from a missing value.
      expect(text).not.toMatch(/undefined|null|\[object/);
    },
  );

  it('leaves out hidden sections and screen-only fields', () => {
    const form = getForm('birth-registration')!;
    const without = textOf(render(form, sampleValues(form, { 'father.undetermined': 'true' })).html);
    expect(without).not.toContain('Thông tin người cha');
    expect(without).not.toContain('Hoàng Văn Ước');
    expect(without).not.toContain('Chưa xác định được cha'); // print.hidden checkbox
    const withFather = textOf(render(form, sampleValues(form, { 'father.undetermined': '' })).html);
    expect(withFather).toContain('Thông tin người cha');
    expect(withFather).toContain('Hoàng Văn Ước');

    const marital = getForm('marital-status')!;
    const self = textOf(render(marital, sampleValues(marital)).html);
    expect(self).not.toContain('Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây');
    expect(self).not.toContain('Quan hệ với người được xác nhận');
    const other = textOf(
      render(
        marital,
        sampleValues(marital, { 'request.forWhom': 'other', 'subject.fullName': 'Lò Văn Sáng' }),
      ).html,
    );
    expect(other).toContain('Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây');
    expect(other).toContain('Lò Văn Sáng');
  });

  it('prints a residence as one address and shows choices as words', () => {
    const form = getForm('birth-registration')!;
    const text = textOf(render(form, sampleValues(form)).html);
    expect(text).toContain('Nơi cư trú: Thôn Nà Phầy, Xã Bằng Thành, Tỉnh Thái Nguyên');
    expect(text).toContain('Giới tính: Nam');
    expect(text).toContain('Quan hệ với người được khai sinh: Mẹ');
    expect(text).toContain('Đề nghị cấp bản sao: Có');
  });

  it('prints dotted blanks for empty fields, to be filled by hand', () => {
    const form = getForm('birth-registration')!;
    const doc = render(form, sampleValues(form, { 'requester.phone': '' }));
    expect(doc.html).toMatch(/Số điện thoại:<\/span><span class="dots"><\/span>/);
  });

  it('lays the marriage form out as the two-column table (Bên nữ | Bên nam)', () => {
    const form = getForm('marriage-registration')!;
    const { html } = render(form, sampleValues(form));
    expect(html).toContain('<table class="pair">');
    expect(html).toMatch(/<th scope="col">Bên nữ<\/th><th scope="col">Bên nam<\/th>/);
    expect(html).toMatch(
      /<tr><th scope="row">Họ, chữ đệm, tên<\/th><td>Lường Thị Hạnh<\/td><td>Hoàng Văn Ước<\/td><\/tr>/,
    );
    expect(html).toMatch(/<th scope="row">Nơi cư trú<\/th><td>Bản Khuổi Ún, Xã Bằng Thành/);
    expect(html.match(/class="sig"/g)?.length).toBe(2);
  });

  it('prints hostile text as text, everywhere a value goes', () => {
    const form = getForm('household-business')!;
    const hostileProfile = { ...profile, office: { ...profile.office, name: `UBND ${HOSTILE}` } };
    const { html } = buildDeclarationDocument({
      form,
      values: sampleValues(form, {
        'owner.fullName': HOSTILE,
        'business.lines': `${HOSTILE}\n"quoted" & 'single'`,
        'business.name': '</style><script>alert(1)</script>',
      }),
      procedure: findProcedure('1.001612')!,
      profile: hostileProfile,
      lang: 'vi',
      printedAt: vn('2026-11-24 09:00'),
      dossierCode: `X-<b>`,
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html.match(/<\/style>/g)?.length).toBe(1);
  });

  it('prints NFC text whatever the input normalisation', () => {
    const form = getForm('certification-request')!;
    const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
    const { html } = render(form, sampleValues(form, { 'requester.fullName': nfd }));
    expect(html).toContain('Nguyễn Thị Hoa'.normalize('NFC'));
    expect(html).not.toContain(nfd);
    expect(html).toBe(html.normalize('NFC'));
  });

  it('dates the place/date line in Vietnam time, with the leading zeros of dated papers', () => {
    const form = getForm('certification-request')!;
    // 17:30 UTC on the 23rd is 00:30 on the 24th in Vietnam.
    const late = textOf(
      render(form, sampleValues(form), { printedAt: new Date('2026-11-23T17:30:00Z') }).html,
    );
    expect(late).toContain('Bằng Thành, ngày 24 tháng 11 năm 2026');
    const early = textOf(render(form, sampleValues(form), { printedAt: vn('2027-02-05 08:00') }).html);
    expect(early).toContain('Bằng Thành, ngày 05 tháng 02 năm 2027');
  });

  it('is Vietnamese whatever the UI language', () => {
    const form = getForm('death-registration')!;
    const fromEnglishUi = render(form, sampleValues(form)); // lang: 'en'
    const fromVietnameseUi = buildDeclarationDocument({
      form,
      values: sampleValues(form),
      procedure: findProcedure('1.000656')!,
      profile,
      lang: 'vi',
      printedAt: vn('2026-11-24 09:00'),
    });
    expect(fromEnglishUi.html).toBe(fromVietnameseUi.html);
    expect(fromEnglishUi.html).toContain('<html lang="vi">');
  });

  it('embeds the given font faces and refuses CSS that could break out of <style>', () => {
    const form = getForm('certification-request')!;
    const base = {
      form,
      values: sampleValues(form),
      procedure: findProcedure('2.000815')!,
      profile,
      lang: 'vi' as const,
      printedAt: vn('2026-11-24 09:00'),
    };
    const css = "@font-face { font-family: 'Tinos'; src: url(data:font/woff2;base64,AAAA) format('woff2'); }";
    expect(buildDeclarationDocument({ ...base, fontFaceCss: css }).html).toContain(css);
    expect(() =>
      buildDeclarationDocument({ ...base, fontFaceCss: '</style><script>alert(1)</script>' }),
    ).toThrow(RangeError);
  });

  it('prints the dossier code small at the top when given', () => {
    const form = getForm('certification-request')!;
    const doc = buildDeclarationDocument({
      form,
      values: sampleValues(form),
      procedure: findProcedure('2.000815')!,
      profile,
      lang: 'vi',
      printedAt: vn('2026-11-24 09:00'),
      dossierCode: 'X01864.K01-261124-0001',
    });
    expect(textOf(doc.html)).toContain('Mã hồ sơ: X01864.K01-261124-0001');
    expect(doc.title).toBe('PHIẾU YÊU CẦU CHỨNG THỰC X01864.K01-261124-0001');
  });
});
