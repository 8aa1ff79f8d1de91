import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../shared/forms/text.ts';
import { Dialog, useKeyboardStore, VietnameseKeyboard } from '../../ui/index.ts';

export interface UnitOption {
  code: string;
  name: string;
  /** Former names (before the July 2025 merger), so people can search by the name they know. */
  formerly: readonly string[];
}

/**
 * A searchable list of provinces or communes as a modal dialog of big buttons, with the
 * on-screen keyboard for the filter. The office's own unit comes first (most people at a
 * commune office live in that commune). The search forgives missing diacritics ("gia lam"
 * finds "Xã Gia Lâm") and matches former names.
 */
export function UnitPicker({
  title,
  options,
  selected,
  officeCode,
  onPick,
  onClose,
}: {
  title: string;
  options: readonly UnitOption[];
  selected: string;
  /** The office's own province or commune, listed first when it is among the options. */
  officeCode?: string;
  onPick: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('declaration');
  const { t: tUi } = useTranslation('ui');
  const [query, setQuery] = useState('');
  const filter = useRef<HTMLInputElement>(null);
  const keyboardVisible = useKeyboardStore((s) => s.visible);
  const setKeyboardVisible = useKeyboardStore((s) => s.setVisible);
  const office = options.find((o) => o.code === officeCode);
  const shown = useMemo(() => {
    const q = fold(query).trim();
    const matching =
      q === '' ? options : options.filter((o) => [o.name, ...o.formerly].some((n) => fold(n).includes(q)));
    return office && matching.includes(office) ? [office, ...matching.filter((o) => o !== office)] : matching;
  }, [options, query, office]);

  return (
    <Dialog title={title} onClose={onClose} className="picker-dialog">
      <div className="picker-search">
        <input
          ref={filter}
          type="search"
          aria-label={t('picker.search')}
          placeholder={t('picker.search')}
          value={query}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          aria-expanded={keyboardVisible}
          onClick={() => setKeyboardVisible(!keyboardVisible)}
        >
          {keyboardVisible ? tUi('keyboard.hide') : tUi('keyboard.show')}
        </button>
      </div>
      {shown.length === 0 && <p role="status">{t('picker.none')}</p>}
      <ul className="picker-list" aria-label={title}>
        {shown.map((o) => (
          <li key={o.code}>
            <button
              type="button"
              aria-pressed={o.code === selected}
              className={o === office ? 'picker-office' : undefined}
              onClick={() => {
                onPick(o.code);
                onClose();
              }}
            >
              {o.name}
              {o === office && <span className="picker-formerly"> ({t('picker.thisOffice')})</span>}
              {query && o.formerly.length > 0 && (
                <span className="picker-formerly">
                  {' '}
                  ({t('picker.formerly', { names: o.formerly.slice(0, 4).join(', ') })})
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {keyboardVisible && <VietnameseKeyboard value={query} onChange={setQuery} target={filter} />}
      <button type="button" className="big" onClick={onClose}>
        {t('picker.close')}
      </button>
    </Dialog>
  );
}
