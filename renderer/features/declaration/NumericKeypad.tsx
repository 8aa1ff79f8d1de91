import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * Large digit keys for numbers, ID numbers, phones, dates and times. Keys keep the focus
 * in the field (the pointer's default focus move is cancelled), like the Vietnamese keyboard.
 */
export function NumericKeypad({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t } = useTranslation('declaration');
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  const key = (label: string, action: () => void, name?: string, className = 'kp-key') => (
    <button
      key={name ?? label}
      type="button"
      className={className}
      aria-label={name}
      onMouseDown={keepFocus}
      onClick={action}
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label={t('keypad.label')} className="numeric-keypad">
      {KEYS.map((k) => key(k, () => onChange(value + k)))}
      {key(t('keypad.clear'), () => onChange(''), undefined, 'kp-key kp-wide')}
      {key('0', () => onChange(value + '0'))}
      {key('⌫', () => onChange([...value].slice(0, -1).join('')), t('keypad.backspace'))}
    </div>
  );
}
