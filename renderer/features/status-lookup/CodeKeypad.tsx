import { useTranslation } from 'react-i18next';

/**
 * Keys for a dossier code (`H01.00565.K01-261124-0003`): digits, the capital letters an
 * agency code may hold, "." and "-". The Vietnamese keyboard would compose Telex on the
 * letters and has no "-", so codes get their own pad. Keys keep the focus in the field.
 */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM.-'] as const;

export function CodeKeypad({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t } = useTranslation('statusLookup');
  const keepFocus = (e: React.PointerEvent | React.MouseEvent) => e.preventDefault();
  return (
    <div role="group" aria-label={t('keypad')} className="vn-keyboard code-keypad">
      {ROWS.map((row) => (
        <div className="kb-row" key={row}>
          {[...row].map((k) => (
            <button
              key={k}
              type="button"
              className="kb-key"
              onMouseDown={keepFocus}
              onClick={() => onChange(value + k)}
            >
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="kb-row">
        <button
          type="button"
          className="kb-wide"
          onMouseDown={keepFocus}
          onClick={() => onChange([...value].slice(0, -1).join(''))}
        >
          ⌫ {t('backspace')}
        </button>
        <button type="button" className="kb-wide" onMouseDown={keepFocus} onClick={() => onChange('')}>
          {t('clear')}
        </button>
      </div>
    </div>
  );
}
