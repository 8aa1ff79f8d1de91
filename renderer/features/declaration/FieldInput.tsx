import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LocalisedText } from '../../../shared/domain/localised.ts';
import type { FieldDef, FormDef } from '../../../shared/forms/model.ts';
import { valueOf } from '../../../shared/forms/engine.ts';
import { quickPicksOf } from '../../../shared/forms/quick-picks.ts';
import { communesOf, findCommune, findProvince, provinces } from '../../../shared/admin-units/index.ts';
import { inputKindOf, normaliseTyped } from './field-input.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { useKioskConfig } from '../shell/index.ts';
import { useWizardStore } from './wizard-store.ts';
import { Icon } from '../../ui/icons/index.tsx';

export const fieldDomId = (fieldId: string) => `f-${fieldId.replace(/\./g, '-')}`;

/**
 * The keyboard panel sticks to the bottom of the screen; on a short landscape screen it
 * would hide the field being typed in, so the page scrolls that field above it.
 */
function keepAboveTypingPanel(field: HTMLElement): void {
  requestAnimationFrame(() => {
    const panel = document.querySelector('.typing-panel');
    if (!panel) return;
    const covered = field.getBoundingClientRect().bottom - panel.getBoundingClientRect().top;
    if (covered > 0) window.scrollBy({ top: covered + 24 });
  });
}

interface FieldProps {
  form: FormDef;
  field: FieldDef;
  values: Readonly<Record<string, string>>;
  required: boolean;
  error: LocalisedText | undefined;
}

/** One field of a wizard step: label, help, the control for its type, and its error below it. */
export function FieldInput({ form, field, values, required, error }: FieldProps) {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const id = fieldDomId(field.id);
  const labelId = `${id}-label`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const value = valueOf(form, values, field.id);
  const kind = inputKindOf(field.type);
  const { setValue, setActiveField } = useWizardStore.getState();
  const active = useWizardStore((s) => s.activeField === field.id);
  const { office } = useKioskConfig().profile;
  const picks = kind === 'choice' ? [] : quickPicksOf(form, field, values, office);

  const isUnit = kind === 'province' || kind === 'commune';
  const label = (
    <>
      {field.label[lang]}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {/* A picker is a button, which cannot be aria-required: its name says it instead. */}
      {required && isUnit && <span className="visually-hidden"> ({t('picker.required')})</span>}
    </>
  );
  const common = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  const requiredAttr = { 'aria-required': required || undefined } as const;

  let control: React.ReactNode;
  let labelElement: React.ReactNode = (
    <span id={labelId} className="field-label">
      {label}
    </span>
  );
  switch (kind) {
    case 'text':
    case 'digits':
    case 'date':
    case 'time': {
      labelElement = (
        <label id={labelId} htmlFor={id} className="field-label">
          {label}
        </label>
      );
      const placeholder =
        kind === 'date' ? t('placeholder.date') : kind === 'time' ? t('placeholder.time') : '';
      const props = {
        id,
        'data-field-id': field.id,
        value,
        placeholder: placeholder || undefined,
        className: active ? 'active' : undefined,
        autoComplete: 'off',
        spellCheck: false,
        onFocus: (e: React.FocusEvent<HTMLElement>) => {
          setActiveField(field.id);
          keepAboveTypingPanel(e.currentTarget);
        },
        ...common,
        ...requiredAttr,
      };
      control =
        field.type === 'textarea' ? (
          <textarea
            {...props}
            rows={3}
            onChange={(e) => setValue(field.id, normaliseTyped(field, e.target.value))}
          />
        ) : (
          <input
            {...props}
            type="text"
            inputMode={kind === 'text' ? (field.type === 'email' ? 'email' : 'text') : 'numeric'}
            onChange={(e) => setValue(field.id, normaliseTyped(field, e.target.value))}
          />
        );
      break;
    }
    case 'choice': {
      const options =
        field.type === 'sex'
          ? [
              { value: 'male', label: { vi: 'Nam', en: 'Male' } },
              { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
            ]
          : (field.options ?? []);
      control = (
        <div
          role="radiogroup"
          aria-labelledby={labelId}
          className="choice-group"
          {...common}
          {...requiredAttr}
        >
          {options.map((o) => (
            <button
              key={o.value}
              type="button"
              role="radio"
              aria-checked={value === o.value}
              onClick={() => setValue(field.id, o.value)}
            >
              {o.label[lang]}
            </button>
          ))}
        </div>
      );
      break;
    }
    case 'checkbox':
      labelElement = null;
      control = (
        <button
          type="button"
          role="checkbox"
          id={id}
          className="checkbox-button"
          aria-checked={value === 'true'}
          onClick={() => setValue(field.id, value === 'true' ? '' : 'true')}
          {...common}
          {...requiredAttr}
        >
          <span className="checkbox-box" aria-hidden="true">
            {value === 'true' && <Icon name="check" size="1em" />}
          </span>{' '}
          {label}
        </button>
      );
      break;
    case 'province':
    case 'commune':
      control = <UnitField form={form} field={field} values={values} labelId={labelId} common={common} />;
      break;
  }

  return (
    <div className={`field field-${field.type}${error ? ' invalid' : ''}`}>
      {labelElement}
      {field.help && (
        <p id={helpId} className="field-help">
          {field.help[lang]}
        </p>
      )}
      {control}
      {picks.length > 0 && (
        <div role="group" aria-label={t('quickPick', { field: field.label[lang] })} className="quick-picks">
          {picks.map((s) => (
            <button
              key={s.vi}
              type="button"
              aria-pressed={value === s.vi}
              onClick={() => setValue(field.id, s.vi)}
            >
              {s[lang]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <Icon name="warning" /> {error[lang]}
        </p>
      )}
    </div>
  );
}

function UnitField({
  form,
  field,
  values,
  labelId,
  common,
}: {
  form: FormDef;
  field: FieldDef;
  values: Readonly<Record<string, string>>;
  labelId: string;
  common: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const { office } = useKioskConfig().profile;
  const [open, setOpen] = useState(false);
  const { setValues } = useWizardStore.getState();
  const id = fieldDomId(field.id);
  const value = valueOf(form, values, field.id);
  const isProvince = field.type === 'province';
  const provinceCode = isProvince ? '' : valueOf(form, values, field.provinceField ?? '');
  const current = isProvince ? findProvince(value)?.name : findCommune(value)?.name;
  const options = isProvince ? provinces() : provinceCode ? communesOf(provinceCode) : [];
  const disabled = !isProvince && !provinceCode;

  const pick = (code: string) => {
    const next = { ...values, [field.id]: code };
    // A commune belongs to one province: choosing another province empties its communes.
    if (isProvince && code !== value) {
      for (const s of form.sections)
        for (const f of s.fields) if (f.type === 'commune' && f.provinceField === field.id) next[f.id] = '';
    }
    setValues(next);
  };

  return (
    <>
      <button
        type="button"
        id={id}
        className="unit-button"
        aria-haspopup="dialog"
        aria-labelledby={`${labelId} ${id}-value`}
        disabled={disabled}
        onClick={() => setOpen(true)}
        {...common}
      >
        <span id={`${id}-value`}>
          {current ?? (disabled ? t('picker.provinceFirst') : t('picker.choose'))}
        </span>
      </button>
      {open && (
        <UnitPicker
          title={field.label[lang]}
          options={options}
          selected={value}
          officeCode={isProvince ? office.provinceCode : office.communeCode}
          onPick={pick}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
