import './volunteer-session.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * A PIN entry with a large on-screen numeric keypad (touch) that also accepts a physical
 * keyboard. The field is a password input so the digits never show on the public screen.
 */
export function PinPad({
  label,
  value,
  onChange,
  onSubmit,
  maxLength = 12,
  describedBy,
  disabled = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  onSubmit?(): void;
  maxLength?: number;
  describedBy?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('volunteerSession');
  const id = useId();
  const press = (d: string) => {
    if (!disabled && value.length < maxLength) onChange(value + d);
  };
  return (
    <div className="pin-pad">
      <label htmlFor={id} className="pin-label">
        {label}
      </label>
      <input
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, maxLength))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onSubmit) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <div className="pin-keys" role="group" aria-label={t('pin.keypad')}>
        {DIGITS.map((d) => (
          <button key={d} type="button" className="pin-key" disabled={disabled} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button
          type="button"
          className="pin-key"
          disabled={disabled || value.length === 0}
          onClick={() => onChange(value.slice(0, -1))}
        >
          {t('pin.backspace')}
        </button>
        <button type="button" className="pin-key" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          className="pin-key"
          disabled={disabled || value.length === 0}
          onClick={() => onChange('')}
        >
          {t('pin.clear')}
        </button>
      </div>
    </div>
  );
}
