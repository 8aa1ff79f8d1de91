import { html, type Html } from './html.ts';
import { layout, type PageView } from './pages.ts';
import { refusalSummary } from './refusal-summary.ts';
import { t } from './i18n.ts';
import type { StaffSession } from '../staff/accounts.ts';
import type { ProfileFormValues } from '../../shared/contracts/profile-form.ts';
import type { Catalogue, Procedure } from '../../shared/domain/procedure.ts';
import { REFORM_MODEL_IDS, type ReformModelId } from '../../shared/domain/reform-model.ts';
import { findCommune } from '../../shared/admin-units/bundled.ts';
import {
  DESK_WIDE_MODELS,
  WEEKDAYS,
  WEEKDAY_NAMES,
  type FormProblem,
  type FormSection,
} from '../profile-form.ts';

export const PROFILE_FORM_PATH = '/config/profile/form';

export interface ProfileFormView {
  values: ProfileFormValues;
  catalogue: Catalogue;
  /** The version the form opened on; null before any profile is published. */
  currentVersion: string | null;
  /** After a save: published (with its version), or refused with what to fix. */
  outcome: { published: string } | { problems: FormProblem[] } | null;
}

/**
 * The office profile as forms: who the office is, its hours, holidays, the weekday ×
 * reform model × procedure grid, fees and portal links per procedure, and the account
 * fees are transferred to. Works without script; a refusal lists every problem at the
 * top (linked to its section) and again inside the section, with the text as typed.
 */
export function profileFormPage(pageView: PageView, session: StaffSession, view: ProfileFormView): string {
  const { lang } = pageView;
  const { values: v, catalogue } = view;
  const problems = view.outcome && 'problems' in view.outcome ? view.outcome.problems : [];
  const bySection = (s: FormSection) => problems.filter((p) => p.section === s);
  const procedures = catalogue.procedures;
  const name = (p: Procedure) => p.name[lang];

  const problemList = (list: FormProblem[]) =>
    html`<ul>
      ${list.map((p) => html`<li>${p.where ? html`<strong>${p.where[lang]}</strong>: ` : ''}${p.message[lang]}</li>`)}
    </ul>`;
  const sectionProblems = (s: FormSection) => {
    const list = bySection(s);
    return list.length
      ? html`<div class="error form-problems" id="problems-${s}">
          <p>${t(lang, 'configForm.fixHere', { count: list.length })}</p>
          ${problemList(list)}
        </div>`
      : '';
  };
  const field = (
    label: string,
    nameAttr: keyof ProfileFormValues,
    value: string,
    extra: { hint?: string; size?: number; inputmode?: string; autocomplete?: string } = {},
  ) => {
    const hintId = extra.hint ? `hint-${nameAttr}` : '';
    return html`<label
      >${label}
      <input
        name="${nameAttr}"
        value="${value}"
        size="${extra.size ?? 40}"
        ${extra.inputmode ? html`inputmode="${extra.inputmode}"` : ''}
        autocomplete="off"
        ${hintId ? html`aria-describedby="${hintId}"` : ''}
      />${extra.hint ? html`<span class="hint" id="${hintId}">${extra.hint}</span>` : ''}</label
    >`;
  };

  const notice = !view.outcome
    ? ''
    : 'published' in view.outcome
      ? html`<p class="notice" role="status">
          ${t(lang, 'configForm.published', { version: view.outcome.published })}
        </p>`
      : refusalSummary(
          lang,
          problems.map((p) => ({
            href: `#section-${p.section}`,
            place: t(lang, `configForm.section.${p.section}`),
            text: html`${p.where ? html`${p.where[lang]}: ` : ''}${p.message[lang]}`,
          })),
        );

  const commune = findCommune(v.communeCode.trim());
  const office = html`<fieldset id="section-office">
    <legend>${t(lang, 'configForm.section.office')}</legend>
    ${sectionProblems('office')}
    <div class="form-grid">
      ${field(t(lang, 'configForm.officeName'), 'officeName', v.officeName, { size: 60 })}
      ${field(t(lang, 'configForm.address'), 'address', v.address, { size: 60 })}
      ${field(t(lang, 'configForm.communeCode'), 'communeCode', v.communeCode, {
        size: 8,
        inputmode: 'numeric',
        hint: commune ? commune.name : t(lang, 'configForm.communeCodeHint'),
      })}
      ${field(t(lang, 'configForm.provinceCode'), 'provinceCode', v.provinceCode, {
        size: 4,
        inputmode: 'numeric',
        hint: t(lang, 'configForm.provinceCodeHint'),
      })}
      ${field(t(lang, 'configForm.agencyCode'), 'agencyCode', v.agencyCode, {
        size: 16,
        hint: t(lang, 'configForm.agencyCodeHint'),
      })}
    </div>
  </fieldset>`;

  const periodRows = (
    startName: 'periodStart' | 'saturdayStart',
    endName: 'periodEnd' | 'saturdayEnd',
    starts: string[],
    ends: string[],
    caption: string,
  ) =>
    html`<table class="periods">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(lang, 'configForm.periodNumber')}</th>
          <th scope="col">${t(lang, 'configForm.start')}</th>
          <th scope="col">${t(lang, 'configForm.end')}</th>
        </tr>
      </thead>
      <tbody>
        ${starts.map(
          (s, i) =>
            html`<tr>
              <th scope="row">${i + 1}</th>
              <td>
                <input
                  name="${startName}"
                  value="${s}"
                  size="6"
                  aria-label="${caption} ${i + 1} — ${t(lang, 'configForm.start')}"
                />
              </td>
              <td>
                <input
                  name="${endName}"
                  value="${ends[i] ?? ''}"
                  size="6"
                  aria-label="${caption} ${i + 1} — ${t(lang, 'configForm.end')}"
                />
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  const hours = html`<fieldset id="section-hours">
    <legend>${t(lang, 'configForm.section.hours')}</legend>
    ${sectionProblems('hours')}
    <fieldset class="weekdays">
      <legend>${t(lang, 'configForm.workingDays')}</legend>
      ${WEEKDAYS.map(
        (d) =>
          html`<label class="check"
            ><input
              type="checkbox"
              name="workingDays"
              value="${d}"
              ${v.workingDays.includes(String(d)) ? 'checked' : ''}
            />
            ${WEEKDAY_NAMES[d]![lang]}</label
          >`,
      )}
    </fieldset>
    <p class="hint">${t(lang, 'configForm.periodsHint')}</p>
    <div class="form-grid">
      ${periodRows('periodStart', 'periodEnd', v.periodStart, v.periodEnd, t(lang, 'configForm.periods'))}
      ${periodRows(
        'saturdayStart',
        'saturdayEnd',
        v.saturdayStart,
        v.saturdayEnd,
        t(lang, 'configForm.saturdayPeriods'),
      )}
    </div>
  </fieldset>`;

  const holidays = html`<fieldset id="section-holidays">
    <legend>${t(lang, 'configForm.section.holidays')}</legend>
    ${sectionProblems('holidays')}
    <label
      >${t(lang, 'configForm.holidays')}
      <textarea name="holidays" rows="8" cols="20" aria-describedby="hint-holidays">${v.holidays}</textarea>
    </label>
    <p class="hint" id="hint-holidays">${t(lang, 'configForm.holidaysHint')}</p>
  </fieldset>`;

  const usedModels = new Set(
    [...v.runs, ...v.cell].map((key) => key.split(':')[1] as ReformModelId | undefined),
  );
  const modelTable = (model: ReformModelId) => {
    const modelName = t(lang, `model.${model}`);
    const days = model === 'saturday-morning' ? [6] : WEEKDAYS;
    const dayHead = (d: number) => html`<th scope="col">${WEEKDAY_NAMES[d]![lang]}</th>`;
    const box = (d: number, nameAttr: 'runs' | 'cell', value: string, label: string) =>
      html`<td class="tick">
        <input
          type="checkbox"
          name="${nameAttr}"
          value="${value}"
          aria-label="${label}"
          ${(nameAttr === 'runs' ? v.runs : v.cell).includes(value) ? 'checked' : ''}
        />
      </td>`;
    return html`<details class="model" ${usedModels.has(model) ? 'open' : ''}>
      <summary>${modelName}</summary>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">${t(lang, 'configForm.procedure')}</th>
            ${days.map(dayHead)}
          </tr>
        </thead>
        <tbody>
          <tr class="runs">
            <th scope="row">
              ${t(lang, DESK_WIDE_MODELS.has(model) ? 'configForm.runsDeskWide' : 'configForm.runs')}
            </th>
            ${days.map((d) => box(d, 'runs', `${d}:${model}`, `${modelName} — ${WEEKDAY_NAMES[d]![lang]}`))}
          </tr>
          ${
            model === 'no-appointment'
              ? html`<tr>
                  <th scope="row">${t(lang, 'configForm.returnHours')}</th>
                  ${days.map(
                    (d) =>
                      html`<td class="tick">
                        <input
                          name="returnHours"
                          value="${v.returnHours[d - 1] ?? ''}"
                          size="3"
                          inputmode="decimal"
                          aria-label="${t(lang, 'configForm.returnHours')} — ${WEEKDAY_NAMES[d]![lang]}"
                        />
                      </td>`,
                  )}
                </tr>`
              : ''
          }
          ${
            DESK_WIDE_MODELS.has(model)
              ? ''
              : procedures.map(
                  (p) =>
                    html`<tr>
                      <th scope="row" class="procedure-name">${name(p)}</th>
                      ${days.map((d) =>
                        box(
                          d,
                          'cell',
                          `${d}:${model}:${p.code}`,
                          `${modelName} — ${WEEKDAY_NAMES[d]![lang]} — ${name(p)}`,
                        ),
                      )}
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </details>`;
  };
  const schedule = html`<fieldset id="section-schedule">
    <legend>${t(lang, 'configForm.section.schedule')}</legend>
    ${sectionProblems('schedule')}
    <p class="hint">${t(lang, 'configForm.scheduleHint')}</p>
    ${REFORM_MODEL_IDS.map(modelTable)}
  </fieldset>`;

  const procedureRows = html`<fieldset id="section-procedures">
    <legend>${t(lang, 'configForm.section.procedures')}</legend>
    ${sectionProblems('procedures')}
    <p class="hint">${t(lang, 'configForm.proceduresHint')}</p>
    ${procedures.map((p, i) => {
      const id = `proc-${i}`;
      return html`<fieldset class="procedure" aria-describedby="${id}-catalogue">
        <legend>${name(p)}</legend>
        <input type="hidden" name="procedure" value="${p.code}" />
        <p class="hint" id="${id}-catalogue">
          ${t(lang, 'configForm.catalogueFee')}: ${p.fee.description[lang]}.
          ${t(lang, p.portalUrl ? 'configForm.catalogueHasLink' : 'configForm.catalogueNoLink')}
        </p>
        <div class="form-grid">
          <label
            >${t(lang, 'configForm.feeAmount')}
            <input name="feeAmount" value="${v.feeAmount[i] ?? ''}" size="12" inputmode="numeric"
          /></label>
          <label
            >${t(lang, 'configForm.feeVi')} <input name="feeVi" value="${v.feeVi[i] ?? ''}" size="40"
          /></label>
          <label
            >${t(lang, 'configForm.feeEn')} <input name="feeEn" value="${v.feeEn[i] ?? ''}" size="40"
          /></label>
          <label class="wide"
            >${t(lang, 'configForm.portalUrl')}
            <input name="portalUrl" type="url" value="${v.portalUrl[i] ?? ''}" size="60"
          /></label>
        </div>
      </fieldset>`;
    })}
  </fieldset>`;

  const bank = html`<fieldset id="section-bank">
    <legend>${t(lang, 'configForm.section.bank')}</legend>
    ${sectionProblems('bank')}
    <p class="hint">${t(lang, 'configForm.bankHint')}</p>
    <div class="form-grid">
      ${field(t(lang, 'configForm.bankBin'), 'bankBin', v.bankBin, {
        size: 8,
        inputmode: 'numeric',
        hint: t(lang, 'configForm.bankBinHint'),
      })}
      ${field(t(lang, 'configForm.bankAccountNumber'), 'bankAccountNumber', v.bankAccountNumber, {
        size: 22,
      })}
      ${field(t(lang, 'configForm.bankAccountName'), 'bankAccountName', v.bankAccountName, {
        size: 40,
        hint: t(lang, 'configForm.bankAccountNameHint'),
      })}
    </div>
  </fieldset>`;

  const body: Html = html`${notice}
    <p>
      ${
        view.currentVersion
          ? t(lang, 'configForm.editing', { version: view.currentVersion })
          : t(lang, 'configForm.firstProfile')
      }
      <a href="/config">${t(lang, 'configForm.versionsLink')}</a>
    </p>
    <form method="post" action="${PROFILE_FORM_PATH}" class="profile-form">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <input type="hidden" name="baseVersion" value="${view.currentVersion ?? ''}" />
      ${office} ${hours} ${holidays} ${schedule} ${procedureRows} ${bank}
      <div id="section-other">${sectionProblems('other')}</div>
      <p class="hint">${t(lang, 'configForm.publishHint')}</p>
      <button type="submit" class="primary">${t(lang, 'configForm.submit')}</button>
    </form>`;
  return layout(pageView, t(lang, 'configForm.title'), session, body, PROFILE_FORM_PATH);
}
