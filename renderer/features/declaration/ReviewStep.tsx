import { useTranslation } from 'react-i18next';
import type { Language, LocalisedText } from '../../../shared/domain/localised.ts';
import type { FormDef, SectionDef } from '../../../shared/forms/model.ts';
import { displayValue, valueOf, visibleFields } from '../../../shared/forms/engine.ts';
import { Icon } from '../../ui/icons/index.tsx';

/** Everything entered, section by section as it will be printed, with "Sửa" back to each step. */
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
  return (
    <div className="review">
      <p>{t('review.hint')}</p>
      {sections.map((s, i) => (
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
            {visibleFields(form, values, s.id).map((f) => {
              const shown = displayValue(f, valueOf(form, values, f.id), lang);
              return (
                <div key={f.id} className={errors[f.id] ? 'review-row invalid' : 'review-row'}>
                  <dt>{f.label[lang]}</dt>
                  <dd>
                    {shown === '' ? <span className="muted">{t('review.empty')}</span> : shown}
                    {errors[f.id] && <span className="field-error"> — {errors[f.id]![lang]}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
