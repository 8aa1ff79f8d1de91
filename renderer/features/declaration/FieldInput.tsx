import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LocalisedText } from '../../../shared/domain/localised.ts';
import type { FieldDef, FormDef } from '../../../shared/forms/model.ts';
import { valueOf } from '../../../shared/forms/engine.ts';
import { communesOf, findCommune, findProvince, provinces } from '../../../shared/admin-units/index.ts';
import { inputKindOf, normaliseTyped } from './field-input.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { useWizardStore } from './wizard-store.ts';
import { Icon } from '../../ui/icons/index.tsx';

export const fieldDomId = (fieldId: string) => `f-${fieldId.replace(/\./g, '-')}`;

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

  const label = (
    <>
      {field.label[lang]}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </>
  );
  const common = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  } as const;

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
        onFocus: () => setActiveField(field.id),
        ...common,
      };
      control =
        field.type === 'textarea' ? (
          <textarea
            {...props}
            rows={3}
            onChange={(e) => setValue(field.id, normaliseTyped(field.type, e.target.value))}
          />
        ) : (
          <input
            {...props}
            type="text"
            inputMode={kind === 'text' ? (field.type === 'email' ? 'email' : 'text') : 'numeric'}
            onChange={(e) => setValue(field.id, normaliseTyped(field.type, e.target.value))}
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
        <div role="radiogroup" aria-labelledby={labelId} className="choice-group" {...common}>
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
      {field.suggestions && kind !== 'choice' && (
        <div role="group" aria-label={t('quickPick', { field: field.label[lang] })} className="quick-picks">
          {field.suggestions.map((s) => (
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
          onPick={pick}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
