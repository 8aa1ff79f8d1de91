import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BLANK_PROCEDURE,
  catalogueToForm,
  formFromBody,
  formToCatalogue,
  removalToken,
  type CatalogueForm,
} from './catalogue-form.ts';
import { checkCatalogueForm } from './catalogue-form-check.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { CatalogueFormSchema } from '../shared/contracts/catalogue-form.ts';
import { OfficeProfileSchema } from '../shared/domain/office-profile.ts';

const GIA_LAM = OfficeProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8')),
);
const indexOf = (code: string) => CATALOGUE.procedures.findIndex((p) => p.code === code);
const CERTIFY = indexOf('2.000815');

/** The fields a browser posts for a form, flattened as the page lays them out. */
function post(form: CatalogueForm, extra: Record<string, string | string[]> = {}) {
  const rows = [...form.procedures, BLANK_PROCEDURE];
  const field = <K extends keyof typeof BLANK_PROCEDURE>(k: K) => rows.map((r) => String(r[k]));
  const docs = rows.flatMap((r, i) =>
    [...r.documents, { nameVi: '', nameEn: '', form: 'original', count: '1', noteVi: '', noteEn: '' }].map(
      (d) => ({ ...d, of: String(i) }),
    ),
  );
  return CatalogueFormSchema.parse({
    csrf: 'x',
    baseVersion: form.baseVersion,
    catalogueVersion: form.catalogueVersion,
    remove: rows.flatMap((r, i) => (r.remove ? [String(i)] : [])),
    ...Object.fromEntries(
      (
        [
          'was',
          'code',
          'nameVi',
          'nameEn',
          'aliases',
          'fieldVi',
          'fieldEn',
          'level',
          'feeAmount',
          'feeVi',
          'feeEn',
          'timeVi',
          'timeEn',
          'timeDays',
          'timeCutoff',
          'onlineLevel',
          'legalBasis',
          'portalUrl',
          'sources',
        ] as const
      ).map((k) => [k, field(k)]),
    ),
    docOf: docs.map((d) => d.of),
    docNameVi: docs.map((d) => d.nameVi),
    docNameEn: docs.map((d) => d.nameEn),
    docForm: docs.map((d) => d.form),
    docCount: docs.map((d) => d.count),
    docNoteVi: docs.map((d) => d.noteVi),
    docNoteEn: docs.map((d) => d.noteEn),
    ...extra,
  });
}

describe('catalogue form ↔ catalogue', () => {
  it('reads back the shipped catalogue it was opened on, through the posted fields, unchanged', () => {
    const form = formFromBody(post(catalogueToForm(CATALOGUE, 'v1')));
    expect(form.procedures).toHaveLength(CATALOGUE.procedures.length);
    const check = checkCatalogueForm(form, GIA_LAM);
    expect(check.ok).toBe(true);
    expect(check.ok && check.catalogue).toEqual(CATALOGUE);
    expect(form.baseVersion).toBe('v1');
  });

  it('reads a fee as written in đồng and words it when the description is left blank', () => {
    const form = catalogueToForm(CATALOGUE);
    const row = form.procedures[CERTIFY]!;
    row.feeAmount = '3.000';
    row.feeVi = '';
    row.feeEn = '';
    row.timeCutoff = '14h30';
    const { catalogue, problems } = formToCatalogue(form);
    expect(problems).toEqual([]);
    const p = (catalogue.procedures as { fee: unknown; processingTime: { sameDayCutoff: string } }[])[
      CERTIFY
    ]!;
    expect(p.fee).toEqual({ amountVnd: 3000, description: { vi: '3.000 đồng', en: '3,000 VND' } });
    expect(p.processingTime.sameDayCutoff).toBe('14:30');
  });

  it('adds a procedure typed in a new part, lists one per line, and drops the blank parts left to add', () => {
    const birth = CATALOGUE.procedures.find((p) => p.code === '1.001193')!;
    const others = { ...CATALOGUE, procedures: CATALOGUE.procedures.filter((p) => p !== birth) };
    const base = catalogueToForm(others);
    // Typed by the officer into the part left blank to add one.
    const typed = { ...catalogueToForm({ ...CATALOGUE, procedures: [birth] }).procedures[0]!, was: '' };
    typed.legalBasis = `\n${birth.legalBasis.map((l) => ` ${l} `).join('\n\n')}\n`;
    const form = formFromBody(post({ ...base, procedures: [...base.procedures, typed] }));
    expect(form.procedures).toHaveLength(CATALOGUE.procedures.length);
    const check = checkCatalogueForm(form, GIA_LAM);
    expect(check.ok ? [] : check.problems).toEqual([]);
    expect(check.ok && check.catalogue.procedures.at(-1)).toEqual(birth);
  });

  it('lists what it cannot read and what the kiosk schema refuses, in the row, naming the field', () => {
    const form = catalogueToForm(CATALOGUE);
    const row = form.procedures[CERTIFY]!;
    row.feeAmount = 'hai nghìn';
    row.timeDays = 'ba';
    row.code = '2000815';
    row.nameEn = ' ';
    row.portalUrl = 'dichvucong';
    row.legalBasis = '';
    row.documents[1]!.noteEn = '';
    row.documents[0]!.count = '0';
    const check = checkCatalogueForm(form, null);
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems.every((p) => p.row === CERTIFY)).toBe(true);
    const byField = Object.fromEntries(problems.map((p) => [p.field?.en, p.message]));
    expect(byField['Usual amount (đồng)']?.vi).toContain('"hai nghìn" không phải số tiền');
    expect(byField['Statutory working days']?.en).toContain('"ba" is not a number of working days');
    expect(byField['Paper 1 · copies']?.en).toContain('"0" is not a number of copies');
    expect(byField['Procedure code']?.vi).toContain('ví dụ 2.000815');
    expect(byField['Procedure name (English)']?.en).toBe('This must be filled in.');
    expect(byField['Link on the public service portal']?.en).toContain('https://');
    expect(byField['Legal basis (one document per line)']?.vi).toBe(
      'Cần ghi ít nhất một văn bản căn cứ pháp lý.',
    );
    expect(byField['Paper 2 · English note']?.en).toBe(
      'A note needs both Vietnamese and English, or neither.',
    );
    expect(problems).toHaveLength(8);
  });

  it('asks for the fee in words when no amount is written, and for the catalogue version', () => {
    const form = catalogueToForm(CATALOGUE);
    form.catalogueVersion = ' ';
    const row = form.procedures[CERTIFY]!;
    row.feeAmount = '';
    row.feeVi = '';
    const check = checkCatalogueForm(form, null);
    expect(check.ok ? [] : check.problems).toEqual([
      {
        row: null,
        field: { vi: 'Tên phiên bản danh mục', en: 'Catalogue version name' },
        message: { vi: 'Cần ghi ô này.', en: 'This must be filled in.' },
      },
      {
        row: CERTIFY,
        field: { vi: 'Cách tính lệ phí (tiếng Việt)', en: 'How the fee is worked out (Vietnamese)' },
        message: {
          vi: 'Khi không ghi số tiền, cần ghi cách tính lệ phí bằng cả tiếng Việt và tiếng Anh.',
          en: 'Without an amount, describe the fee in both Vietnamese and English.',
        },
      },
    ]);
  });

  it('refuses two procedures under one code, naming the first', () => {
    const form = catalogueToForm(CATALOGUE);
    form.procedures[1]!.code = form.procedures[0]!.code;
    const check = checkCatalogueForm(form, null);
    expect(check.ok ? [] : check.problems).toEqual([
      expect.objectContaining({
        row: 1,
        message: expect.objectContaining({
          vi: expect.stringContaining(`"${CATALOGUE.procedures[0]!.name.vi}"`),
        }),
      }),
    ]);
  });

  it('refuses removing a procedure the office profile uses, by name, saying where it is used', () => {
    const form = catalogueToForm(CATALOGUE);
    form.procedures[CERTIFY]!.remove = true;
    const { catalogue } = formToCatalogue(form);
    expect((catalogue.procedures as unknown[]).length).toBe(CATALOGUE.procedures.length - 1);
    expect(removalToken(form)).toBe('2.000815');
    const check = checkCatalogueForm(form, GIA_LAM);
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.row).toBe(CERTIFY);
    expect(problems[0]!.message.vi).toContain('(Thứ Ba · Ngày không giấy hẹn; Thứ Ba · Ngày không viết)');
    expect(problems[0]!.message.en).toContain('The office configuration uses this procedure (Tuesday');
    expect(problems[0]!.message.en).not.toContain('2.000815');
    // Without a published profile nothing uses it: removing it passes.
    expect(checkCatalogueForm(form, null).ok).toBe(true);
  });

  it('finds the row of a procedure whose code was changed by the code it opened with', () => {
    const form = catalogueToForm(CATALOGUE);
    form.procedures[CERTIFY]!.code = '2.999999';
    const check = checkCatalogueForm(form, GIA_LAM);
    expect(check.ok ? null : check.problems[0]?.row).toBe(CERTIFY);
  });

  it('reads a lone field as a one-item list', () => {
    const body = CatalogueFormSchema.parse({ csrf: 'x', code: '2.000815', remove: '0', docOf: '0' });
    expect(body.code).toEqual(['2.000815']);
    expect(body.remove).toEqual(['0']);
    expect(formFromBody(body).procedures[0]).toMatchObject({ code: '2.000815', remove: true, documents: [] });
  });
});
