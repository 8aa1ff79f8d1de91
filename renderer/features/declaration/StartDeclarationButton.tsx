import { useTranslation } from 'react-i18next';
import { formIdForProcedure } from '../../../shared/forms/form-procedures.ts';
import { startDeclaration } from './start.ts';
import { Icon } from '../../ui/icons/index.tsx';

/** "Khai tờ khai" for a procedure the kiosk has a declaration form for; nothing otherwise. */
export function StartDeclarationButton({
  procedureCode,
  className = 'primary big',
  forName,
}: {
  procedureCode: string;
  className?: string;
  /** The procedure's name, for the accessible name when several such buttons share a screen (Today's tiles). */
  forName?: string;
}) {
  const { t } = useTranslation('declaration');
  if (!formIdForProcedure(procedureCode)) return null;
  return (
    <button
      type="button"
      className={className}
      aria-label={forName ? t('startFor', { name: forName }) : undefined}
      onClick={() => void startDeclaration(procedureCode)}
    >
      <Icon name="declare" /> {t('start')}
    </button>
  );
}
