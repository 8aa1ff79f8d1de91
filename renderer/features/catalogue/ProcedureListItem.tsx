import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { Language } from '../../../shared/domain/localised.ts';

/**
 * One procedure as a large tile. Its accessible name always starts with the Vietnamese
 * name (what the office's notice board and the officers use), then the English name when
 * the kiosk is in English, then the national code.
 */
export function ProcedureListItem({ procedure, onOpen }: { procedure: Procedure; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const label =
    procedure.name.vi +
    (lang === 'en' ? ` (${procedure.name.en})` : '') +
    ` — ${t('procedure.code', { code: procedure.code })}`;
  return (
    <li aria-label={label}>
      <button type="button" className="tile" onClick={onOpen}>
        <span className="tile-name" lang="vi">
          {procedure.name.vi}
        </span>
        {lang === 'en' && <span className="tile-sub">{procedure.name.en}</span>}
        <span className="tile-meta">
          {procedure.field[lang]} · {procedure.code}
        </span>
      </button>
    </li>
  );
}
