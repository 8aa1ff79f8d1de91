/**
 * The printed declaration (tờ khai), A4 portrait, laid out from the same form definition
 * that drives the wizard and the validation: only visible sections and fields are
 * printed, with the official wording of `print` hints, in the layout of the paper forms
 * people know (national header, title, "Kính gửi", "Label: value" lines with dotted
 * blanks, the marriage form's Bên nữ | Bên nam table, pledge, place and date, signatures
 * with a fingerprint box).
 */
import type { Language } from '../domain/localised.ts';
import type { OfficeProfile } from '../domain/office-profile.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { FieldDef, FormDef, FormValues, SectionDef } from '../forms/model.ts';
import { addressText, displayValue, valueOf, visibleFields, visibleSections } from '../forms/engine.ts';
import { nfcValues } from '../forms/text.ts';
import {
  NATIONAL_HEADER_CSS,
  nationalHeaderHtml,
  placeDateLine,
  valueOrDots,
  type PrintDocument,
} from './common.ts';
import { escapeHtml, escapeMultiline, htmlDocument } from './html.ts';
import { A4_PORTRAIT } from './paper.ts';
import { PRINT_FONT_STACK } from './fonts.ts';

export interface DeclarationInput {
  form: FormDef;
  values: FormValues;
  procedure: Pick<Procedure, 'code' | 'name'>;
  profile: Pick<OfficeProfile, 'office'>;
  /**
   * The kiosk's UI language. Not used for the text: the declaration is an official form,
   * and official forms are filed and kept in Vietnamese whatever language the citizen
   * used on screen (the office reads and archives it), so the document is always
   * Vietnamese. Kept for a future bilingual helper line.
   */
  lang: Language;
  /** The date on the place/date line (Vietnam date). */
  printedAt: Date;
  /** @font-face CSS from buildFontFaceCss; '' when the print service adds the fonts itself. */
  fontFaceCss?: string;
  /** Printed small at the foot, so the signed paper can be matched to the stored dossier. */
  dossierCode?: string;
}

/** One "Label: value" item on a printed line. */
interface Item {
  label: string;
  value: string;
  multiline: boolean;
  sameLine: boolean;
  /** Field id without the person prefix ("fullName", "residence"), to pair the marriage columns. */
  key: string;
}

const printLabel = (field: FieldDef): string => field.print?.label ?? field.label.vi;

/**
 * The visible, printable fields of a section as items. A residence group (prefix.province,
 * prefix.commune, prefix.detail) prints as one address, "Thôn Đông, Xã Gia Lâm, Thành phố
 * Hà Nội", the way it is written by hand, under the province field's printed label.
 */
function sectionItems(form: FormDef, values: FormValues, section: SectionDef): Item[] {
  const fields = visibleFields(form, values, section.id).filter((f) => !f.print?.hidden);
  const items: Item[] = [];
  const merged = new Set<string>();
  for (const field of fields) {
    if (merged.has(field.id)) continue;
    const key = field.id.includes('.') ? field.id.slice(field.id.indexOf('.') + 1) : field.id;
    if (field.type === 'province' && field.id.endsWith('.province')) {
      const prefix = field.id.slice(0, -'.province'.length);
      for (const part of ['commune', 'detail']) {
        if (fields.some((f) => f.id === `${prefix}.${part}`)) merged.add(`${prefix}.${part}`);
      }
      items.push({
        label: printLabel(field),
        value: addressText(values, prefix),
        multiline: false,
        sameLine: field.print?.sameLine ?? false,
        key: key.slice(0, -'.province'.length),
      });
      continue;
    }
    items.push({
      label: printLabel(field),
      value: displayValue(field, valueOf(form, values, field.id), 'vi'),
      multiline: field.type === 'textarea',
      sameLine: field.print?.sameLine ?? false,
      key,
    });
  }
  return items;
}

function itemHtml(item: Item): string {
  if (item.multiline) {
    const body = item.value.trim() === '' ? '<span class="dots block"></span>' : escapeMultiline(item.value);
    return `<div class="seg multi"><span class="lbl">${escapeHtml(item.label)}:</span><div class="val">${body}</div></div>`;
  }
  const value =
    item.value.trim() === ''
      ? '<span class="dots"></span>'
      : `<span class="val">${escapeHtml(item.value)}</span>`;
  return `<div class="seg"><span class="lbl">${escapeHtml(item.label)}:</span>${value}</div>`;
}

function linesHtml(items: readonly Item[]): string {
  const lines: Item[][] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (item.sameLine && last && !item.multiline && !last.some((i) => i.multiline)) last.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => `<div class="line">${line.map(itemHtml).join('')}</div>`).join('\n');
}

const headingOf = (section: SectionDef): string => section.print?.heading ?? section.title.vi;

function sectionHtml(form: FormDef, values: FormValues, section: SectionDef): string {
  const items = sectionItems(form, values, section);
  if (items.length === 0) return '';
  return `<section class="sec"><h2>${escapeHtml(headingOf(section))}</h2>\n${linesHtml(items)}</section>`;
}

/**
 * Two people side by side (marriage: Bên nữ | Bên nam), as the official table: one row per
 * particular, the printed label on the left, each person's answer in their column.
 */
function columnsHtml(form: FormDef, values: FormValues, left: SectionDef, right: SectionDef): string {
  const l = sectionItems(form, values, left);
  const r = sectionItems(form, values, right);
  const keys = [...new Set([...l.map((i) => i.key), ...r.map((i) => i.key)])];
  const cell = (item: Item | undefined): string =>
    item === undefined
      ? '<td></td>'
      : `<td>${item.multiline ? escapeMultiline(item.value) : valueOrDots(item.value, 25)}</td>`;
  const rows = keys.map((key) => {
    const a = l.find((i) => i.key === key);
    const b = r.find((i) => i.key === key);
    const label = (a ?? b)?.label ?? '';
    return `<tr><th scope="row">${escapeHtml(label)}</th>${cell(a)}${cell(b)}</tr>`;
  });
  return [
    '<table class="pair">',
    '<colgroup><col class="c-label"><col class="c-person"><col class="c-person"></colgroup>',
    `<thead><tr><th scope="col">Thông tin</th><th scope="col">${escapeHtml(headingOf(left))}</th><th scope="col">${escapeHtml(headingOf(right))}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

function bodySections(form: FormDef, values: FormValues): string {
  const sections = visibleSections(form, values).filter((s) => !s.print?.hidden);
  const out: string[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    const next = sections[i + 1];
    if (s.print?.column === 'left' && next?.print?.column === 'right') {
      out.push(columnsHtml(form, values, s, next));
      i++;
      continue;
    }
    out.push(sectionHtml(form, values, s));
  }
  return out.filter((h) => h !== '').join('\n');
}

function signaturesHtml(form: FormDef, values: FormValues): string {
  const boxes = form.print.signatures.map((sig) => {
    const name = sig.nameField ? valueOf(form, values, sig.nameField).trim() : '';
    const fingerprint = sig.fingerprint
      ? '<div class="finger"><div class="box"></div><div class="cap">Điểm chỉ</div></div>'
      : '';
    return [
      '<div class="sig">',
      `<div class="role">${escapeHtml(sig.role.vi.toLocaleUpperCase('vi'))}</div>`,
      `<div class="hint">${escapeHtml(sig.hint.vi)}</div>`,
      `<div class="space"><div class="sign"></div>${fingerprint}</div>`,
      `<div class="name">${name === '' ? '' : escapeHtml(name)}</div>`,
      '</div>',
    ].join('');
  });
  return `<div class="sigs n${boxes.length}">${boxes.join('')}</div>`;
}

const CSS = (fontFaceCss: string): string => `
${fontFaceCss}
@page { size: ${A4_PORTRAIT.cssSize}; margin: 12mm 15mm 15mm 25mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${PRINT_FONT_STACK}; font-size: 13pt; line-height: 1.35; color: #000; }
${NATIONAL_HEADER_CSS}
h1 { font-size: 14pt; font-weight: 700; text-align: center; margin: 6mm 0 2mm; }
.to { text-align: center; margin: 0 0 4mm; }
.sec { margin: 0 0 1mm; }
h2 { font-size: 13pt; font-weight: 700; margin: 1.5mm 0 0; }
.line { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 4mm; }
.seg { display: flex; align-items: baseline; flex: 1 1 auto; min-width: 0; }
.seg .lbl { white-space: nowrap; margin-right: 1.5mm; }
.seg .val { flex: 0 1 auto; overflow-wrap: anywhere; }
.seg.multi { display: block; flex-basis: 100%; }
.seg.multi .val { padding-left: 5mm; }
.dots { display: inline-block; flex: 1 1 auto; min-width: 25mm; height: 1em; border-bottom: 0.3mm dotted #000; }
.dots.block { display: block; height: 2.6em; border-bottom: 0.3mm dotted #000; }
table.pair { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
table.pair col.c-label { width: 30%; }
table.pair col.c-person { width: 35%; }
table.pair th, table.pair td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.pair thead th { text-align: center; font-weight: 700; }
table.pair tbody th { font-weight: 400; }
.pledge { text-indent: 10mm; margin: 2mm 0 1mm; text-align: justify; }
.place { margin: 2mm 0 1mm auto; width: 55%; text-align: center; font-style: italic; }
.sigs { display: flex; justify-content: flex-end; gap: 6mm; break-inside: avoid; }
.sigs.n1 .sig { width: 55%; }
.sigs .sig { flex: 0 0 auto; width: 48%; text-align: center; }
.sig .role { font-weight: 700; }
.sig .hint { font-style: italic; font-size: 12pt; }
.sig .space { display: flex; justify-content: center; align-items: flex-start; gap: 4mm; height: 27mm; margin-top: 1mm; }
.sig .sign { flex: 1 1 auto; }
.finger { flex: 0 0 20mm; text-align: center; }
.finger .box { width: 20mm; height: 24mm; border: 0.3mm solid #000; }
.finger .cap { font-size: 10pt; font-style: italic; }
.sig .name { font-weight: 700; min-height: 1.35em; }
.ref { margin: 0 0 1mm; text-align: right; font-size: 8.5pt; line-height: 1.1; color: #333; }
.tail { break-inside: avoid; }
`;

export function buildDeclarationDocument(input: DeclarationInput): PrintDocument {
  const { form, profile, printedAt } = input;
  const values = nfcValues(input.values);
  const p = form.print;
  const addressee = p.addressee
    ? `<p class="to">${escapeHtml(p.addressee.label)}: ${valueOrDots(
        p.addressee.field ? valueOf(form, values, p.addressee.field) : profile.office.name,
        80,
      )}</p>`
    : '';
  const tail = [
    p.pledge ? `<p class="pledge">${escapeHtml(p.pledge)}</p>` : '',
    p.placeDateLine ? `<p class="place">${escapeHtml(placeDateLine(profile, printedAt))}</p>` : '',
    signaturesHtml(form, values),
  ].join('\n');
  const body = [
    input.dossierCode
      ? `<p class="ref">Mã hồ sơ: ${escapeHtml(input.dossierCode)} · Thủ tục ${escapeHtml(input.procedure.code)}</p>`
      : '',
    p.nationalHeader ? nationalHeaderHtml() : '',
    `<h1>${escapeHtml(p.title)}</h1>`,
    addressee,
    bodySections(form, values),
    `<div class="tail">${tail}</div>`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const title = input.dossierCode ? `${p.title} ${input.dossierCode}` : p.title;
  return {
    html: htmlDocument({ title, css: CSS(input.fontFaceCss ?? ''), body }),
    paper: 'A4',
    title,
    page: A4_PORTRAIT,
  };
}
