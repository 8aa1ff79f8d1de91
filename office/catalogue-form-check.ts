/**
 * Checks a catalogue typed on the dashboard's form the way a kiosk would: the kiosk's own
 * schema (CatalogueSchema, as main/services/catalogue.ts applies it), then the pair check
 * against the published office profile (a kiosk refuses a profile naming a procedure its
 * catalogue lacks). Every reason is placed in the row of the procedure it is about and
 * named in words: the field, the weekday and model, the procedure's name.
 */
import type { z } from 'zod';
import { CatalogueSchema, type Catalogue } from '../shared/domain/procedure.ts';
import type { LocalisedText } from '../shared/domain/localised.ts';
import type { OfficeProfile } from '../shared/domain/office-profile.ts';
import { validateOfficeProfile, type ProfileError } from '../shared/domain/profile-validation.ts';
import { both, formToCatalogue, type CatalogueForm, type CatalogueProblem } from './catalogue-form.ts';
import { WEEKDAY_NAMES } from './profile-form.ts';
import type { MessageKey } from './dashboard/i18n.ts';

export type CatalogueCheck = { ok: true; catalogue: Catalogue } | { ok: false; problems: CatalogueProblem[] };

/** The catalogue the form describes, or every reason it cannot be published. */
export function checkCatalogueForm(form: CatalogueForm, profile: OfficeProfile | null): CatalogueCheck {
  const { catalogue, rowOf, problems } = formToCatalogue(form);
  const parsed = CatalogueSchema.safeParse(catalogue);
  if (!parsed.success) problems.push(...explainCatalogueIssues(parsed.error.issues, rowOf));
  if (problems.length > 0) return { ok: false, problems };
  if (profile) {
    const pair = validateOfficeProfile(profile, parsed.data!);
    if (!pair.ok) return { ok: false, problems: explainPairErrors(pair.errors, profile, form) };
  }
  return { ok: true, catalogue: parsed.data! };
}

/** Per field of a procedure: its label, and what to write when the schema refuses it. */
const FIELDS: Record<string, { label: MessageKey; message: MessageKey }> = {
  code: { label: 'catalogueForm.code', message: 'catalogueForm.problem.code' },
  'name.vi': { label: 'catalogueForm.nameVi', message: 'catalogueForm.problem.required' },
  'name.en': { label: 'catalogueForm.nameEn', message: 'catalogueForm.problem.required' },
  aliases: { label: 'catalogueForm.aliases', message: 'catalogueForm.problem.invalid' },
  'field.vi': { label: 'catalogueForm.fieldVi', message: 'catalogueForm.problem.required' },
  'field.en': { label: 'catalogueForm.fieldEn', message: 'catalogueForm.problem.required' },
  level: { label: 'catalogueForm.level', message: 'catalogueForm.problem.choice' },
  'fee.amountVnd': { label: 'catalogueForm.feeAmount', message: 'catalogueForm.problem.invalid' },
  'fee.description.vi': { label: 'catalogueForm.feeVi', message: 'catalogueForm.problem.feeWords' },
  'fee.description.en': { label: 'catalogueForm.feeEn', message: 'catalogueForm.problem.feeWords' },
  'processingTime.description.vi': {
    label: 'catalogueForm.timeVi',
    message: 'catalogueForm.problem.required',
  },
  'processingTime.description.en': {
    label: 'catalogueForm.timeEn',
    message: 'catalogueForm.problem.required',
  },
  'processingTime.statutoryWorkingDays': {
    label: 'catalogueForm.timeDays',
    message: 'catalogueForm.problem.invalid',
  },
  'processingTime.sameDayCutoff': {
    label: 'catalogueForm.timeCutoff',
    message: 'catalogueForm.problem.invalid',
  },
  onlineLevel: { label: 'catalogueForm.onlineLevel', message: 'catalogueForm.problem.choice' },
  legalBasis: { label: 'catalogueForm.legalBasis', message: 'catalogueForm.problem.legalBasis' },
  portalUrl: { label: 'catalogueForm.portalUrl', message: 'catalogueForm.problem.url' },
  sources: { label: 'catalogueForm.sources', message: 'catalogueForm.problem.sources' },
};
const DOCUMENT_FIELDS: Record<string, { label: MessageKey; message: MessageKey }> = {
  'name.vi': { label: 'catalogueForm.documentNameViOf', message: 'catalogueForm.problem.required' },
  'name.en': { label: 'catalogueForm.documentNameEnOf', message: 'catalogueForm.problem.required' },
  'note.vi': { label: 'catalogueForm.documentNoteViOf', message: 'catalogueForm.problem.noteBoth' },
  'note.en': { label: 'catalogueForm.documentNoteEnOf', message: 'catalogueForm.problem.noteBoth' },
  form: { label: 'catalogueForm.documentFormOf', message: 'catalogueForm.problem.choice' },
  count: { label: 'catalogueForm.documentCountOf', message: 'catalogueForm.problem.invalid' },
};

/** The schema's issues in words, each in its procedure's row; `rowOf` maps candidate index → row. */
export function explainCatalogueIssues(
  issues: readonly z.core.$ZodIssue[],
  rowOf: readonly number[],
): CatalogueProblem[] {
  return issues.map((issue): CatalogueProblem => {
    const [top, index, ...rest] = issue.path;
    if (top !== 'procedures' || typeof index !== 'number')
      return {
        row: null,
        field: both('catalogueForm.catalogueVersion'),
        message: both('catalogueForm.problem.required'),
      };
    const row = rowOf[index] ?? null;
    if (rest[0] === 'documents' && typeof rest[1] === 'number') {
      const known = DOCUMENT_FIELDS[rest.slice(2).join('.')];
      const n = rest[1] + 1;
      return {
        row,
        field: both(known?.label ?? 'catalogueForm.documentOf', { n }),
        message: both(known?.message ?? 'catalogueForm.problem.invalid'),
      };
    }
    const key = rest.filter((s) => typeof s === 'string').join('.');
    const known = FIELDS[key];
    return {
      row,
      ...(known ? { field: both(known.label) } : {}),
      message: both(known?.message ?? 'catalogueForm.problem.invalid'),
    };
  });
}

/**
 * The published profile still uses procedures the typed catalogue lacks (removed, or their
 * code changed): one reason per procedure, in its row, saying where the profile uses it.
 */
export function explainPairErrors(
  errors: readonly ProfileError[],
  profile: OfficeProfile,
  form: CatalogueForm,
): CatalogueProblem[] {
  const places = new Map<string, LocalisedText[]>();
  const others: CatalogueProblem[] = [];
  for (const e of errors) {
    const found = placeOf(e.path, profile);
    if (!found) {
      others.push({ row: null, message: e.message });
      continue;
    }
    const list = places.get(found.code) ?? [];
    if (!list.some((p) => p.vi === found.place.vi)) list.push(found.place);
    places.set(found.code, list);
  }
  const rowOfCode = (code: string) => {
    const opened = form.procedures.findIndex((r) => r.was === code);
    return opened >= 0 ? opened : form.procedures.findIndex((r) => r.code.trim() === code);
  };
  const used = [...places].map(([code, list]): CatalogueProblem => {
    const row = rowOfCode(code);
    const where = (lang: 'vi' | 'en') => list.map((p) => p[lang]).join('; ');
    return {
      row: row >= 0 ? row : null,
      // In its row the procedure is named by the row; with none, by the code the profile holds.
      ...(row >= 0 ? {} : { field: both('catalogueForm.codeOnly', { code }) }),
      message: both('catalogueForm.problem.usedByProfile', (lang) => ({ places: where(lang) })),
    };
  });
  return [...used, ...others];
}

/** The procedure a pair error is about and where the profile uses it, in words. */
function placeOf(path: string, profile: OfficeProfile): { code: string; place: LocalisedText } | null {
  const sched = /^schedule\[(\d+)\]\.models\[(\d+)\]\.procedures\[(\d+)\]$/.exec(path);
  if (sched) {
    const day = profile.schedule[Number(sched[1])];
    const model = day?.models[Number(sched[2])];
    const code = model?.procedures[Number(sched[3])];
    if (!day || !model || !code) return null;
    const weekday = WEEKDAY_NAMES[day.weekday]!;
    const modelName = both(`model.${model.model}`);
    return {
      code,
      place: { vi: `${weekday.vi} · ${modelName.vi}`, en: `${weekday.en} · ${modelName.en}` },
    };
  }
  const own = /^(feeOverrides|portalUrls)\["([^"]+)"\]$/.exec(path);
  if (own)
    return {
      code: own[2]!,
      place: both(own[1] === 'feeOverrides' ? 'catalogueForm.place.fee' : 'catalogueForm.place.portal'),
    };
  return null;
}
