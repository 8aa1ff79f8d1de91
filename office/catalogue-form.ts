/**
 * The procedure catalogue ↔ the dashboard's catalogue form. The form holds text as typed,
 * one row per procedure (CatalogueForm); `formToCatalogue` turns it into a catalogue
 * candidate for the kiosk's own schema and lists the text it could not read (an amount,
 * a number of days, a time), each placed in its procedure's row.
 */
import type { CatalogueFormBody } from '../shared/contracts/catalogue-form.ts';
import type { LocalisedText } from '../shared/domain/localised.ts';
import type { Catalogue, Procedure } from '../shared/domain/procedure.ts';
import { dictionaries, type MessageKey } from './dashboard/i18n.ts';
import { amountWords, readAmount, readClock } from './profile-form.ts';

/** One paper to bring (thành phần hồ sơ), as typed. */
export interface DocumentRow {
  nameVi: string;
  nameEn: string;
  form: string;
  count: string;
  noteVi: string;
  noteEn: string;
}

/** One procedure, as typed. */
export interface ProcedureRow {
  /** The code the procedure had when the form opened; blank for one added on the form. */
  was: string;
  code: string;
  nameVi: string;
  nameEn: string;
  aliases: string;
  fieldVi: string;
  fieldEn: string;
  level: string;
  feeAmount: string;
  feeVi: string;
  feeEn: string;
  timeVi: string;
  timeEn: string;
  timeDays: string;
  timeCutoff: string;
  onlineLevel: string;
  legalBasis: string;
  portalUrl: string;
  sources: string;
  /** Ticked "remove from the catalogue". */
  remove: boolean;
  documents: DocumentRow[];
}

export interface CatalogueForm {
  baseVersion: string;
  catalogueVersion: string;
  procedures: ProcedureRow[];
}

/** One thing wrong: in a procedure's row (or the whole catalogue when null), the field named in words. */
export interface CatalogueProblem {
  row: number | null;
  field?: LocalisedText;
  message: LocalisedText;
}

export const LEVELS = ['commune', 'province', 'land-registration-office'] as const;
export const ONLINE_LEVELS = ['partial', 'full'] as const;
export const DOCUMENT_FORMS = ['original', 'copy', 'original-or-copy', 'present-original'] as const;

/** A dashboard string in both languages, for messages the page shows in the officer's. */
export function both(
  key: MessageKey,
  vars: Record<string, string | number> | ((lang: 'vi' | 'en') => Record<string, string | number>) = {},
): LocalisedText {
  const fill = (lang: 'vi' | 'en') => {
    const values = typeof vars === 'function' ? vars(lang) : vars;
    return dictionaries[lang][key]!.replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(values[n] ?? ''));
  };
  return { vi: fill('vi'), en: fill('en') };
}

export const BLANK_DOCUMENT: DocumentRow = {
  nameVi: '',
  nameEn: '',
  form: 'original',
  count: '1',
  noteVi: '',
  noteEn: '',
};

export const BLANK_PROCEDURE: ProcedureRow = {
  was: '',
  code: '',
  nameVi: '',
  nameEn: '',
  aliases: '',
  fieldVi: '',
  fieldEn: '',
  level: 'commune',
  feeAmount: '',
  feeVi: '',
  feeEn: '',
  timeVi: '',
  timeEn: '',
  timeDays: '',
  timeCutoff: '',
  onlineLevel: 'partial',
  legalBasis: '',
  portalUrl: '',
  sources: '',
  remove: false,
  documents: [],
};

const lines = (list: readonly string[]) => list.join('\n');

function procedureToRow(p: Procedure): ProcedureRow {
  return {
    was: p.code,
    code: p.code,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    aliases: lines(p.aliases),
    fieldVi: p.field.vi,
    fieldEn: p.field.en,
    level: p.level,
    feeAmount: p.fee.amountVnd === null ? '' : String(p.fee.amountVnd),
    feeVi: p.fee.description.vi,
    feeEn: p.fee.description.en,
    timeVi: p.processingTime.description.vi,
    timeEn: p.processingTime.description.en,
    timeDays: String(p.processingTime.statutoryWorkingDays),
    timeCutoff: p.processingTime.sameDayCutoff ?? '',
    onlineLevel: p.onlineLevel,
    legalBasis: lines(p.legalBasis),
    portalUrl: p.portalUrl ?? '',
    sources: lines(p.sources),
    remove: false,
    documents: p.documents.map((d) => ({
      nameVi: d.name.vi,
      nameEn: d.name.en,
      form: d.form,
      count: String(d.count),
      noteVi: d.note?.vi ?? '',
      noteEn: d.note?.en ?? '',
    })),
  };
}

/** The form as it opens on a catalogue (the published one, or the one the kiosk ships). */
export function catalogueToForm(catalogue: Catalogue, version: string | null = null): CatalogueForm {
  return {
    baseVersion: version ?? '',
    catalogueVersion: catalogue.version,
    procedures: catalogue.procedures.map(procedureToRow),
  };
}

const TEXT_FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'aliases',
  'fieldVi',
  'fieldEn',
  'feeAmount',
  'feeVi',
  'feeEn',
  'timeVi',
  'timeEn',
  'timeDays',
  'timeCutoff',
  'legalBasis',
  'portalUrl',
  'sources',
] as const;

const isBlankDocument = (d: DocumentRow) => !(d.nameVi + d.nameEn + d.noteVi + d.noteEn).trim();
/** The section left blank to add a procedure: nothing typed and nothing opened on. */
const isBlankProcedure = (r: ProcedureRow) =>
  !r.was && r.documents.length === 0 && TEXT_FIELDS.every((f) => !r[f].trim());

/** The form as posted: rows rebuilt in page order, the blank ones left to add things dropped. */
export function formFromBody(body: Omit<CatalogueFormBody, 'csrf'>): CatalogueForm {
  const removed = new Set(body.remove);
  const rows: ProcedureRow[] = body.code.map((_, i) => {
    const at = (list: string[]) => list[i] ?? '';
    const row: ProcedureRow = { ...BLANK_PROCEDURE, remove: removed.has(String(i)), documents: [] };
    for (const f of TEXT_FIELDS) row[f] = at(body[f]);
    row.was = at(body.was);
    row.level = at(body.level) || BLANK_PROCEDURE.level;
    row.onlineLevel = at(body.onlineLevel) || BLANK_PROCEDURE.onlineLevel;
    return row;
  });
  body.docOf.forEach((of, j) => {
    const row = rows[Number(of)];
    if (!row || !/^\d+$/.test(of)) return;
    const doc: DocumentRow = {
      nameVi: body.docNameVi[j] ?? '',
      nameEn: body.docNameEn[j] ?? '',
      form: body.docForm[j] || BLANK_DOCUMENT.form,
      count: body.docCount[j] ?? '',
      noteVi: body.docNoteVi[j] ?? '',
      noteEn: body.docNoteEn[j] ?? '',
    };
    if (!isBlankDocument(doc)) row.documents.push(doc);
  });
  return {
    baseVersion: body.baseVersion,
    catalogueVersion: body.catalogueVersion,
    procedures: rows.filter((r) => !isBlankProcedure(r)),
  };
}

const listOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** What a procedure's name reads as on the page; a new one not yet named says so. */
export function rowName(row: ProcedureRow | undefined, lang: 'vi' | 'en'): string {
  const typed = (lang === 'vi' ? row?.nameVi : row?.nameEn)?.trim() || row?.nameVi.trim();
  return typed || dictionaries[lang]['catalogueForm.unnamed']!;
}

/**
 * The catalogue the form describes, without the rows ticked for removal; `rowOf` gives
 * each candidate procedure's row. `problems` lists text that could not be read; the
 * candidate is still built (with that value left neutral) so the schema can add its own.
 */
export function formToCatalogue(form: CatalogueForm): {
  catalogue: Record<string, unknown>;
  rowOf: number[];
  problems: CatalogueProblem[];
} {
  const problems: CatalogueProblem[] = [];
  const rowOf: number[] = [];
  const procedures: Record<string, unknown>[] = [];
  form.procedures.forEach((r, row) => {
    if (r.remove) return;
    const add = (field: MessageKey, message: LocalisedText, vars: Record<string, string | number> = {}) =>
      problems.push({ row, field: both(field, vars), message });

    const amountText = r.feeAmount.trim();
    let amount = readAmount(amountText);
    if (amount === undefined) {
      add('catalogueForm.feeAmount', both('catalogueForm.problem.amount', { typed: amountText }));
      amount = null;
    }
    const daysText = r.timeDays.trim();
    let days = 0;
    if (!/^\d{1,3}$/.test(daysText))
      add('catalogueForm.timeDays', both('catalogueForm.problem.days', { typed: daysText }));
    else days = Number(daysText);
    const cutoffText = r.timeCutoff.trim();
    const cutoff = cutoffText ? readClock(cutoffText) : null;
    if (cutoffText && cutoff === null)
      add('catalogueForm.timeCutoff', both('catalogueForm.problem.cutoff', { typed: cutoffText }));

    const documents = r.documents.map((d, k) => {
      const countText = d.count.trim();
      let count = 1;
      if (!/^\d{1,3}$/.test(countText) || Number(countText) < 1)
        add('catalogueForm.documentCountOf', both('catalogueForm.problem.count', { typed: countText }), {
          n: k + 1,
        });
      else count = Number(countText);
      const noteVi = d.noteVi.trim();
      const noteEn = d.noteEn.trim();
      return {
        name: { vi: d.nameVi.trim(), en: d.nameEn.trim() },
        form: d.form,
        count,
        ...(noteVi || noteEn ? { note: { vi: noteVi, en: noteEn } } : {}),
      };
    });

    const url = r.portalUrl.trim();
    rowOf.push(row);
    procedures.push({
      code: r.code.trim(),
      name: { vi: r.nameVi.trim(), en: r.nameEn.trim() },
      aliases: listOf(r.aliases),
      field: { vi: r.fieldVi.trim(), en: r.fieldEn.trim() },
      level: r.level,
      documents,
      fee: {
        amountVnd: amount,
        description: {
          vi: r.feeVi.trim() || amountWords(amount, 'vi'),
          en: r.feeEn.trim() || amountWords(amount, 'en'),
        },
      },
      processingTime: {
        description: { vi: r.timeVi.trim(), en: r.timeEn.trim() },
        statutoryWorkingDays: days,
        sameDayCutoff: cutoff,
      },
      onlineLevel: r.onlineLevel,
      legalBasis: listOf(r.legalBasis),
      portalUrl: url || null,
      sources: listOf(r.sources),
    });
  });

  // Two procedures under one code: the kiosk would show one and the dossiers mix them up.
  const firstWith = new Map<string, number>();
  procedures.forEach((p, i) => {
    const code = p.code as string;
    if (!code) return;
    const first = firstWith.get(code);
    if (first === undefined) firstWith.set(code, rowOf[i]!);
    else
      problems.push({
        row: rowOf[i]!,
        field: both('catalogueForm.code'),
        message: both('catalogueForm.problem.duplicate', (lang) => ({
          name: rowName(form.procedures[first], lang),
        })),
      });
  });

  return { catalogue: { version: form.catalogueVersion.trim(), procedures }, rowOf, problems };
}

/** The procedures ticked for removal, as the confirmation names them: codes they opened with. */
export function removalToken(form: CatalogueForm): string {
  return form.procedures
    .filter((r) => r.remove)
    .map((r) => r.was || r.code.trim())
    .join(' ');
}
