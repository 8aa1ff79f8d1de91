import { useTranslation } from 'react-i18next';
import { applyKey } from './vietnamese-input.ts';
import { useKeyboardStore } from './store.ts';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;

/**
 * An on-screen keyboard of real buttons (focusable, named, 48 px and up) that types
 * Vietnamese through the same Telex/VNI composer as the physical keyboard. Keys keep the
 * focus in the field they type into by cancelling the pointer's default focus move.
 */
export function VietnameseKeyboard({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t } = useTranslation();
  const { method, shift, setMethod, toggleShift, releaseShift } = useKeyboardStore();
  const press = (key: string) => {
    onChange(applyKey(value, shift ? key.toUpperCase() : key, method));
    if (shift) releaseShift();
  };
  const keepFocus = (e: React.PointerEvent | React.MouseEvent) => e.preventDefault();

  return (
    <div role="group" aria-label={t('keyboard.label')} className="vn-keyboard">
      <div className="kb-methods" role="radiogroup" aria-label={t('keyboard.method')}>
        {(['telex', 'vni'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={method === m}
            onMouseDown={keepFocus}
            onClick={() => setMethod(m)}
          >
            {t(`keyboard.${m}`)}
          </button>
        ))}
      </div>
      {ROWS.map((row) => (
        <div className="kb-row" key={row}>
          {[...row].map((k) => (
            <button key={k} type="button" className="kb-key" onMouseDown={keepFocus} onClick={() => press(k)}>
              {shift ? k.toUpperCase() : k}
            </button>
          ))}
        </div>
      ))}
      <div className="kb-row">
        <button
          type="button"
          className="kb-wide"
          aria-pressed={shift}
          onMouseDown={keepFocus}
          onClick={toggleShift}
        >
          ⇧ {t('keyboard.shift')}
        </button>
        <button
          type="button"
          className="kb-space"
          onMouseDown={keepFocus}
          onClick={() => onChange(value + ' ')}
        >
          {t('keyboard.space')}
        </button>
        <button
          type="button"
          className="kb-wide"
          onMouseDown={keepFocus}
          onClick={() => onChange([...value].slice(0, -1).join(''))}
        >
          ⌫ {t('keyboard.backspace')}
        </button>
        <button type="button" className="kb-wide" onMouseDown={keepFocus} onClick={() => onChange('')}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
