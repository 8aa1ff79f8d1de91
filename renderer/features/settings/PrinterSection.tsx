import { useTranslation } from 'react-i18next';
import { useKioskConfig } from '../shell/index.ts';

/** Read-only: the receipt paper and printer come from the office profile file. */
export function PrinterSection() {
  const { t } = useTranslation('settings');
  const { profile } = useKioskConfig();
  return (
    <>
      <dl className="facts">
        <dt>{t('printer.paper')}</dt>
        <dd>{t(`printer.paperName.${profile.kiosk.receiptPaper}`)}</dd>
        <dt>{t('printer.name')}</dt>
        <dd>{profile.kiosk.printerName ?? t('printer.systemDefault')}</dd>
      </dl>
      <p className="note">{t('printer.fromProfile')}</p>
    </>
  );
}
