import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ReformModelId } from '../../../shared/domain/reform-model.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { StartDeclarationButton } from '../declaration/index.ts';

/**
 * One procedure as a large tile. Its accessible name always starts with the Vietnamese
 * name (what the office's notice board and the officers use), then the English name when
 * the kiosk is in English, then the national code. Beside the tile: a badge for every
 * reform model that serves it today, and "Khai tờ khai" when the kiosk has its form, so a
 * citizen starts the declaration from any list without opening the procedure first.
 */
export function ProcedureListItem({
  procedure,
  onOpen,
  servedBy = [],
  showField = true,
}: {
  procedure: Procedure;
  onOpen: () => void;
  /** The models serving this procedure today, each shown as a badge. */
  servedBy?: readonly ReformModelId[];
  /** Off where the list is already one field's. */
  showField?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const label =
    procedure.name.vi +
    (lang === 'en' ? ` (${procedure.name.en})` : '') +
    ` — ${t('procedure.code', { code: procedure.code })}`;
  return (
    <li aria-label={label} className="procedure-item">
      <button type="button" className="tile" onClick={onOpen}>
        <span className="tile-name" lang="vi">
          {procedure.name.vi}
        </span>
        {lang === 'en' && <span className="tile-sub">{procedure.name.en}</span>}
        <span className="tile-meta">
          {showField ? `${procedure.field[lang]} · ${procedure.code}` : procedure.code}
        </span>
      </button>
      {servedBy.length > 0 && (
        <p className="tile-badges">
          <span className="visually-hidden">{t('today.servedBy')} </span>
          {servedBy.map((model) => (
            <span key={model} className={`badge badge-${model}`}>
              {REFORM_MODELS[model].name[lang]}
            </span>
          ))}
        </p>
      )}
      <StartDeclarationButton
        procedureCode={procedure.code}
        className="tile-action"
        forName={procedure.name.vi}
      />
    </li>
  );
}
