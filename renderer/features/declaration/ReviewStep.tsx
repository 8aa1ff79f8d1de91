import { useTranslation } from 'react-i18next';
import type { Language, LocalisedText } from '../../../shared/domain/localised.ts';
import type { FieldDef, FormDef, SectionDef } from '../../../shared/forms/model.ts';
import { addressText, displayValue, valueOf, visibleFields } from '../../../shared/forms/engine.ts';
import { Icon } from '../../ui/icons/index.tsx';

interface SummaryRow {
  key: string;
  label: string;
  value: string;
  error?: LocalisedText;
}

const ADDRESS_PART = /\.(province|commune|detail)$/;
const CHOICE_TYPES = new Set(['checkbox', 'select', 'sex']);

/**
 * One section as short rows: a residence (province, commune, house) on one line; an
 * unchosen option as "Không"; an optional text left empty is not listed. A field with an
 * error is always listed, with its message.
 */
function summaryRows(
  form: FormDef,
  values: Readonly<Record<string, string>>,
  section: SectionDef,
  errors: Record<string, LocalisedText>,
  lang: Language,
  labels: { address: string; no: string; empty: string },
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const seenAddresses = new Set<string>();
  const fields = visibleFields(form, values, section.id);
  for (const f of fields) {
    const error = errors[f.id];
    if (isAddressPart(f) && !error) {
      const prefix = f.id.replace(ADDRESS_PART, '');
      if (seenAddresses.has(prefix)) continue;
      seenAddresses.add(prefix);
      const parts = fields.filter((p) => isAddressPart(p) && p.id.startsWith(`${prefix}.`));
      if (parts.some((p) => errors[p.id])) {
        // A part is wrong: list the parts one by one, with their messages.
        seenAddresses.delete(prefix);
      } else {
        rows.push({ key: prefix, label: labels.address, value: addressText(values, prefix) || labels.empty });
        continue;
      }
    }
    const shown = displayValue(f, valueOf(form, values, f.id), lang);
    if (shown === '' && !error && !CHOICE_TYPES.has(f.type)) continue;
    const value = shown !== '' ? shown : CHOICE_TYPES.has(f.type) ? labels.no : labels.empty;
    rows.push(
      error ? { key: f.id, label: f.label[lang], value, error } : { key: f.id, label: f.label[lang], value },
    );
  }
  return rows;
}

function isAddressPart(f: FieldDef): boolean {
  return (
    (f.type === 'province' || f.type === 'commune' || f.type === 'address-detail') && ADDRESS_PART.test(f.id)
  );
}

/** A compact summary of everything entered, section by section, with "Sửa" back to each step. */
export function ReviewStep({
  form,
  values,
  sections,
  errors,
  onEdit,
}: {
  form: FormDef;
  values: Readonly<Record<string, string>>;
  sections: readonly SectionDef[];
  errors: Record<string, LocalisedText>;
  onEdit: (step: number) => void;
}) {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const labels = { address: t('review.address'), no: t('review.no'), empty: t('review.empty') };
  return (
    <div className="review">
      <p>{t('review.hint')}</p>
      <div className="review-sections">
        {sections.map((s, i) => {
          const rows = summaryRows(form, values, s, errors, lang, labels);
          return (
            <section key={s.id} aria-labelledby={`review-${s.id}`} className="review-section">
              <div className="review-head">
                <h3 id={`review-${s.id}`}>{s.title[lang]}</h3>
                <button
                  type="button"
                  aria-label={t('review.editSection', { section: s.title[lang] })}
                  onClick={() => onEdit(i)}
                >
                  <Icon name="edit" /> {t('review.edit')}
                </button>
              </div>
              <dl>
                {rows.map((row) => (
                  <div key={row.key} className={row.error ? 'review-row invalid' : 'review-row'}>
                    <dt>{row.label}</dt>
                    <dd>
                      {row.value}
                      {row.error && <span className="field-error"> — {row.error[lang]}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </div>
  );
}
