import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../shared/forms/text.ts';

export interface UnitOption {
  code: string;
  name: string;
  /** Former names (before the July 2025 merger), so people can search by the name they know. */
  formerly: readonly string[];
}

/**
 * A searchable list of provinces or communes as a modal dialog of big buttons. The search
 * forgives missing diacritics ("gia lam" finds "Xã Gia Lâm") and matches former names.
 */
export function UnitPicker({
  title,
  options,
  selected,
  onPick,
  onClose,
}: {
  title: string;
  options: readonly UnitOption[];
  selected: string;
  onPick: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('declaration');
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = fold(query).trim();
    if (q === '') return options;
    return options.filter((o) => [o.name, ...o.formerly].some((n) => fold(n).includes(q)));
  }, [options, query]);

  return (
    <div className="picker-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="unit-picker-title" className="picker-dialog">
        <h2 id="unit-picker-title">{title}</h2>
        <input
          type="search"
          aria-label={t('picker.search')}
          placeholder={t('picker.search')}
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
        />
        {shown.length === 0 && <p>{t('picker.none')}</p>}
        <ul className="picker-list" aria-label={title}>
          {shown.map((o) => (
            <li key={o.code}>
              <button
                type="button"
                aria-pressed={o.code === selected}
                onClick={() => {
                  onPick(o.code);
                  onClose();
                }}
              >
                {o.name}
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
        <button type="button" className="big" onClick={onClose}>
          {t('picker.close')}
        </button>
      </div>
    </div>
  );
}
