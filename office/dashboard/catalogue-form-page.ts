import { html, type Html } from './html.ts';
import { layout, type PageView } from './pages.ts';
import { refusalSummary } from './refusal-summary.ts';
import { t, type Lang } from './i18n.ts';
import type { StaffSession } from '../staff/accounts.ts';
import {
  BLANK_DOCUMENT,
  BLANK_PROCEDURE,
  DOCUMENT_FORMS,
  LEVELS,
  ONLINE_LEVELS,
  rowName,
  type CatalogueForm,
  type CatalogueProblem,
  type DocumentRow,
  type ProcedureRow,
} from '../catalogue-form.ts';

export const CATALOGUE_FORM_PATH = '/config/catalogue/form';

export interface CatalogueFormView {
  form: CatalogueForm;
  /** The version a save is checked against (the stale-version guard); blank before any is published. */
  baseVersion: string;
  /** The version kiosks pull now, or null when they use the shipped catalogue. */
  currentVersion: string | null;
  shippedVersion: string;
  /**
   * After a save: published (with its version), refused with what to fix, or stopped to
   * confirm the procedures ticked for removal (`token` names them for the confirm button).
   */
  outcome:
    | { published: string }
    | { problems: CatalogueProblem[] }
    | { confirm: { token: string; rows: number[] } }
    | null;
}

/**
 * The procedure catalogue as forms: one part per procedure, opened by its name, with what
 * the catalogue holds for it (names, field, level, papers to bring, fee, processing time,
 * legal basis, portal link, sources), a blank part to add one, and a box to remove one.
 * Works without script; a refusal lists every reason at the top (linked to its procedure)
 * and again inside that procedure's part, with the text as typed.
 */
export function catalogueFormPage(
  pageView: PageView,
  session: StaffSession,
  view: CatalogueFormView,
): string {
  const { lang } = pageView;
  const { form } = view;
  const problems = view.outcome && 'problems' in view.outcome ? view.outcome.problems : [];
  const confirm = view.outcome && 'confirm' in view.outcome ? view.outcome.confirm : null;
  const rowsWithProblems = new Set(problems.map((p) => p.row));

  const problemText = (p: CatalogueProblem) =>
    html`${p.field ? html`<strong>${p.field[lang]}</strong>: ` : ''}${p.message[lang]}`;
  const sectionProblems = (row: number | null) => {
    const list = problems.filter((p) => p.row === row);
    return list.length
      ? html`<div class="error form-problems">
          <p>${t(lang, 'configForm.fixHere', { count: list.length })}</p>
          <ul>
            ${list.map((p) => html`<li>${problemText(p)}</li>`)}
          </ul>
        </div>`
      : '';
  };

  const notice = !view.outcome
    ? ''
    : 'published' in view.outcome
      ? html`<p class="notice" role="status">
          ${t(lang, 'configForm.published', { version: view.outcome.published })}
        </p>`
      : confirm
        ? html`<p class="notice" role="status">
            ${t(lang, 'catalogueForm.confirmNotice', { count: confirm.rows.length })}
            <a href="#confirm-removal">${t(lang, 'catalogueForm.confirmLink')}</a>
          </p>`
        : refusalSummary(
            lang,
            problems.map((p) => ({
              href: p.row === null ? '#section-catalogue' : `#proc-${p.row}`,
              place:
                p.row === null
                  ? t(lang, 'catalogueForm.section.catalogue')
                  : rowName(form.procedures[p.row], lang),
              text: problemText(p),
            })),
          );

  const catalogueSection = html`<fieldset id="section-catalogue">
    <legend>${t(lang, 'catalogueForm.section.catalogue')}</legend>
    ${sectionProblems(null)}
    <label class="field"
      >${t(lang, 'catalogueForm.catalogueVersion')}
      <input
        name="catalogueVersion"
        value="${form.catalogueVersion}"
        autocomplete="off"
        aria-describedby="hint-catalogueVersion"
      />
      <span class="hint" id="hint-catalogueVersion">${t(lang, 'catalogueForm.catalogueVersionHint')}</span>
    </label>
  </fieldset>`;

  const rows = form.procedures.map((row, i) =>
    procedureSection(lang, row, i, {
      open: rowsWithProblems.has(i) || row.remove,
      problems: sectionProblems(i),
    }),
  );
  const blank = procedureSection(lang, BLANK_PROCEDURE, form.procedures.length, {
    open: false,
    problems: '',
    isNew: true,
  });

  const confirmBox = confirm
    ? html`<section class="confirm-removal" id="confirm-removal" aria-labelledby="confirm-removal-h">
        <h2 id="confirm-removal-h">${t(lang, 'catalogueForm.confirmHeading')}</h2>
        <p>${t(lang, 'catalogueForm.confirmText')}</p>
        <ul>
          ${confirm.rows.map((r) => html`<li><strong>${rowName(form.procedures[r], lang)}</strong></li>`)}
        </ul>
        <p>${t(lang, 'catalogueForm.confirmKeep')}</p>
        <button type="submit" class="danger" name="confirmRemoval" value="${confirm.token}">
          ${t(lang, 'catalogueForm.confirmSubmit')}
        </button>
      </section>`
    : '';

  const body: Html = html`${notice}
    <p>
      ${
        view.currentVersion
          ? t(lang, 'catalogueForm.editing', { version: view.currentVersion })
          : t(lang, 'catalogueForm.firstCatalogue', { version: view.shippedVersion })
      }
      <a href="/config">${t(lang, 'configForm.versionsLink')}</a>
    </p>
    <form method="post" action="${CATALOGUE_FORM_PATH}" class="profile-form catalogue-form">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <input type="hidden" name="baseVersion" value="${view.baseVersion}" />
      ${catalogueSection}
      <section class="procedures" aria-labelledby="procedures-h">
        <h2 id="procedures-h">${t(lang, 'catalogueForm.procedures', { count: form.procedures.length })}</h2>
        <p class="hint">${t(lang, 'catalogueForm.intro')}</p>
        ${rows} ${blank}
      </section>
      <p class="hint">${t(lang, 'configForm.publishHint')}</p>
      <button type="submit" class="primary">${t(lang, 'configForm.submit')}</button>
      ${confirmBox}
    </form>`;
  return layout(pageView, t(lang, 'catalogueForm.title'), session, body, CATALOGUE_FORM_PATH);
}

function procedureSection(
  lang: Lang,
  row: ProcedureRow,
  i: number,
  opts: { open: boolean; problems: Html | ''; isNew?: boolean },
): Html {
  const id = `proc-${i}`;
  const nameId = `${id}-name`;
  const title = opts.isNew ? t(lang, 'catalogueForm.addHeading') : rowName(row, lang);
  const field = lang === 'vi' ? row.fieldVi : row.fieldEn || row.fieldVi;

  const input = (
    label: string,
    name: keyof ProcedureRow,
    value: string,
    extra: { hint?: string; inputmode?: string; type?: string; wide?: boolean } = {},
  ) => {
    const hintId = extra.hint ? `${id}-hint-${name}` : '';
    return html`<label class="field${extra.wide ? ' wide' : ''}"
      >${label}
      <input
        name="${name}"
        value="${value}"
        ${extra.type ? html`type="${extra.type}"` : ''}
        ${extra.inputmode ? html`inputmode="${extra.inputmode}"` : ''}
        autocomplete="off"
        ${hintId ? html`aria-describedby="${hintId}"` : ''}
      />${extra.hint ? html`<span class="hint" id="${hintId}">${extra.hint}</span>` : ''}</label
    >`;
  };
  const area = (label: string, name: keyof ProcedureRow, value: string, rows = 2) =>
    html`<label class="field wide"
      >${label} <textarea name="${name}" rows="${rows}">${value}</textarea>
    </label>`;
  const select = (label: string, name: 'level' | 'onlineLevel', value: string, options: readonly string[]) =>
    html`<label class="field"
      >${label}
      <select name="${name}">
        ${options.map(
          (o) =>
            html`<option value="${o}" ${o === value ? 'selected' : ''}>
              ${t(lang, `catalogueForm.${name}.${o}` as Parameters<typeof t>[1])}
            </option>`,
        )}
      </select></label
    >`;

  const documents = [...row.documents, BLANK_DOCUMENT].map((d, k) =>
    documentBlock(lang, d, i, k, k === row.documents.length),
  );

  return html`<details
    class="procedure-card${row.remove ? ' removing' : ''}"
    id="${id}"
    ${opts.open ? 'open' : ''}
  >
    <summary>
      <span class="procedure-title" id="${nameId}">${title}</span>
      ${row.remove ? html`<span class="badge-removing">${t(lang, 'catalogueForm.removing')}</span>` : ''}
      ${!opts.isNew && field ? html`<span class="procedure-meta">${field}</span>` : ''}
    </summary>
    <fieldset aria-labelledby="${nameId}">
      ${opts.problems} ${opts.isNew ? html`<p class="hint">${t(lang, 'catalogueForm.addHint')}</p>` : ''}
      <input type="hidden" name="was" value="${row.was}" />
      <div class="cat-grid">
        ${input(t(lang, 'catalogueForm.code'), 'code', row.code, {
          hint: t(lang, 'catalogueForm.codeHint'),
          inputmode: 'decimal',
        })}
        ${select(t(lang, 'catalogueForm.level'), 'level', row.level, LEVELS)}
        ${select(t(lang, 'catalogueForm.onlineLevel'), 'onlineLevel', row.onlineLevel, ONLINE_LEVELS)}
        ${area(t(lang, 'catalogueForm.nameVi'), 'nameVi', row.nameVi)}
        ${area(t(lang, 'catalogueForm.nameEn'), 'nameEn', row.nameEn)}
        ${input(t(lang, 'catalogueForm.fieldVi'), 'fieldVi', row.fieldVi)}
        ${input(t(lang, 'catalogueForm.fieldEn'), 'fieldEn', row.fieldEn)}
        ${area(t(lang, 'catalogueForm.aliases'), 'aliases', row.aliases, 4)}
      </div>
      <fieldset class="group">
        <legend>${t(lang, 'catalogueForm.fee')}</legend>
        <div class="cat-grid">
          ${input(t(lang, 'catalogueForm.feeAmount'), 'feeAmount', row.feeAmount, {
            hint: t(lang, 'catalogueForm.feeAmountHint'),
            inputmode: 'numeric',
          })}
          ${area(t(lang, 'catalogueForm.feeVi'), 'feeVi', row.feeVi)}
          ${area(t(lang, 'catalogueForm.feeEn'), 'feeEn', row.feeEn)}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${t(lang, 'catalogueForm.time')}</legend>
        <div class="cat-grid">
          ${input(t(lang, 'catalogueForm.timeDays'), 'timeDays', row.timeDays, {
            hint: t(lang, 'catalogueForm.timeDaysHint'),
            inputmode: 'numeric',
          })}
          ${input(t(lang, 'catalogueForm.timeCutoff'), 'timeCutoff', row.timeCutoff, {
            hint: t(lang, 'catalogueForm.timeCutoffHint'),
          })}
          ${area(t(lang, 'catalogueForm.timeVi'), 'timeVi', row.timeVi)}
          ${area(t(lang, 'catalogueForm.timeEn'), 'timeEn', row.timeEn)}
        </div>
      </fieldset>
      <fieldset class="group">
        <legend>${t(lang, 'catalogueForm.documents')}</legend>
        <p class="hint">${t(lang, 'catalogueForm.documentsHint')}</p>
        ${documents}
      </fieldset>
      <div class="cat-grid">
        ${area(t(lang, 'catalogueForm.legalBasis'), 'legalBasis', row.legalBasis, 3)}
        ${input(t(lang, 'catalogueForm.portalUrl'), 'portalUrl', row.portalUrl, {
          hint: t(lang, 'catalogueForm.portalUrlHint'),
          type: 'url',
          wide: true,
        })}
        ${area(t(lang, 'catalogueForm.sources'), 'sources', row.sources, 3)}
      </div>
      ${
        opts.isNew
          ? ''
          : html`<label class="check remove"
                ><input
                  type="checkbox"
                  name="remove"
                  value="${i}"
                  aria-describedby="${id}-remove-hint"
                  ${row.remove ? 'checked' : ''}
                />
                ${t(lang, 'catalogueForm.remove')}</label
              >
              <span class="hint" id="${id}-remove-hint">${t(lang, 'catalogueForm.removeHint')}</span>`
      }
    </fieldset>
  </details>`;
}

function documentBlock(lang: Lang, d: DocumentRow, row: number, k: number, isNew: boolean): Html {
  const text = (label: string, name: string, value: string, inputmode?: string) =>
    html`<label class="field"
      >${label}
      <input
        name="${name}"
        value="${value}"
        autocomplete="off"
        ${inputmode ? html`inputmode="${inputmode}"` : ''}
    /></label>`;
  return html`<fieldset class="document">
    <legend>
      ${isNew ? t(lang, 'catalogueForm.documentNew') : t(lang, 'catalogueForm.documentOf', { n: k + 1 })}
    </legend>
    <input type="hidden" name="docOf" value="${row}" />
    <div class="cat-grid">
      ${text(t(lang, 'catalogueForm.documentNameVi'), 'docNameVi', d.nameVi)}
      ${text(t(lang, 'catalogueForm.documentNameEn'), 'docNameEn', d.nameEn)}
      <label class="field"
        >${t(lang, 'catalogueForm.documentForm')}
        <select name="docForm">
          ${DOCUMENT_FORMS.map(
            (f) =>
              html`<option value="${f}" ${f === d.form ? 'selected' : ''}>
                ${t(lang, `catalogueForm.documentForm.${f}`)}
              </option>`,
          )}
        </select></label
      >
      ${text(t(lang, 'catalogueForm.documentCount'), 'docCount', d.count, 'numeric')}
      ${text(t(lang, 'catalogueForm.documentNoteVi'), 'docNoteVi', d.noteVi)}
      ${text(t(lang, 'catalogueForm.documentNoteEn'), 'docNoteEn', d.noteEn)}
    </div>
  </fieldset>`;
}
