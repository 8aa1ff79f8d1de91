import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import type { ReformModelId } from '../../../shared/domain/reform-model.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formIdForProcedure } from '../../../shared/forms/form-procedures.ts';
import { StartDeclarationButton, startDeclaration } from '../declaration/index.ts';

/**
 * One procedure served today, as one card with one thing to do: "Khai tờ khai" when the
 * kiosk has its form; otherwise what to bring to the desk (the catalogue's documents) and
 * "Xem chi tiết". A tap anywhere on the card does that one thing, so a card never offers
 * two targets that do different things.
 */
export function ServedTodayCard({
  procedure,
  servedBy,
  onOpen,
}: {
  procedure: Procedure;
  servedBy: readonly ReformModelId[];
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const hasForm = formIdForProcedure(procedure.code) !== undefined;
  const act = hasForm ? () => void startDeclaration(procedure.code) : onOpen;
  const label =
    procedure.name.vi +
    (lang === 'en' ? ` (${procedure.name.en})` : '') +
    ` — ${t('procedure.code', { code: procedure.code })}`;
  const bringId = `bring-${procedure.code}`;
  // The button handles its own tap (and the keyboard); the rest of the card passes a tap to it.
  const onCardClick = (e: MouseEvent<HTMLLIElement>) => {
    if (!(e.target as Element).closest('button')) act();
  };

  return (
    <li aria-label={label} className="procedure-item served-card" onClick={onCardClick}>
      <span className="tile-name" lang="vi">
        {procedure.name.vi}
      </span>
      {lang === 'en' && <span className="tile-sub">{procedure.name.en}</span>}
      <span className="tile-meta">{`${procedure.field[lang]} · ${procedure.code}`}</span>
      <p className="tile-badges">
        <span className="visually-hidden">{t('today.servedBy')} </span>
        {servedBy.map((model) => (
          <span key={model} className={`badge badge-${model}`}>
            {REFORM_MODELS[model].name[lang]}
          </span>
        ))}
      </p>
      {hasForm ? (
        <StartDeclarationButton
          procedureCode={procedure.code}
          className="primary tile-action"
          forName={procedure.name.vi}
        />
      ) : (
        <>
          <p id={bringId} className="served-bring">
            {t('today.atDeskBring')}
          </p>
          <ul aria-labelledby={bringId} className="served-documents">
            {procedure.documents.map((d, i) => (
              <li key={i}>
                {d.name[lang]} ({t(`procedure.docForm.${d.form}`).toLocaleLowerCase(lang)}
                {d.count > 1 && `, ${t('procedure.docCount', { count: d.count })}`})
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="tile-action"
            aria-label={t('today.detailsFor', { name: procedure.name.vi })}
            onClick={onOpen}
          >
            {t('today.details')}
          </button>
        </>
      )}
    </li>
  );
}
