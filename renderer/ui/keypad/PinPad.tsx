import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad, type KeyDef } from './Keypad.tsx';

/**
 * A PIN entry with a large on-screen number keypad (touch) that also accepts a physical
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
  const { t } = useTranslation('ui');
  const id = useId();
  const press = (d: string) => {
    if (!disabled && value.length < maxLength) onChange(value + d);
  };
  const digit = (d: string): KeyDef => ({ id: d, label: d, onPress: () => press(d), disabled });
  const empty = disabled || value.length === 0;
  const rows: KeyDef[][] = [
    ['1', '2', '3'].map(digit),
    ['4', '5', '6'].map(digit),
    ['7', '8', '9'].map(digit),
    [
      {
        id: 'back',
        label: t('keypad.backspace'),
        onPress: () => onChange(value.slice(0, -1)),
        disabled: empty,
      },
      digit('0'),
      { id: 'clear', label: t('keypad.clear'), onPress: () => onChange(''), disabled: empty },
    ],
  ];
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
      <Keypad label={t('keypad.numbers')} rows={rows} className="pin-keys" />
    </div>
  );
}
