import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { formatVnd } from '../../../shared/domain/format.ts';
import { dossierTransferPurpose } from '../../../shared/payment/fee-transfer.ts';
import type { DossierRow } from '../dossier/index.ts';
import { QrImage, declaredFeeDue, effectiveFee, feeTransferQr } from '../procedure/lazy.ts';

/**
 * The fee of the dossier just received, computed from what was declared (pages, copies),
 * and its transfer QR with that amount and the dossier code as the purpose; without an
 * amount when none can be computed. Nothing when there is no fee.
 */
export function FeeSection({
  profile,
  dossier,
  procedureOf,
}: {
  profile: OfficeProfile;
  dossier: Pick<DossierRow, 'code' | 'procedureCode' | 'formId' | 'formData'>;
  procedureOf: (code: string) => Procedure | undefined;
}) {
  const { t, i18n } = useTranslation('receipt');
  const lang = i18n.language as Language;
  const declared = declaredFeeDue(profile, dossier, procedureOf);
  if (!declared?.due.payable) return null;
  const { procedure, due } = declared;
  const transfer = feeTransferQr(profile, due, dossierTransferPurpose(dossier.code));
  const amount = due.amountVnd !== null ? formatVnd(due.amountVnd) : null;

  return (
    <section aria-labelledby="fee-heading" className="qr-section">
      <h2 id="fee-heading">{t('fee.heading')}</h2>
      <p className="fee-amount">{amount ?? t('fee.varies')}</p>
      <p>{effectiveFee(profile, procedure).description[lang]}</p>
      {transfer && profile.bankAccount && (
        <>
          <p>
            {amount
              ? t('fee.scan', { amount, code: transfer.purpose })
              : t('fee.scanNoAmount', { code: transfer.purpose })}
          </p>
          <QrImage
            text={transfer.payload}
            alt={
              amount
                ? t('fee.qrAlt', { amount, code: dossier.code })
                : t('fee.qrAltNoAmount', { code: dossier.code })
            }
            errorText={t('qrError')}
          />
          <p>
            {t('fee.account', {
              name: profile.bankAccount.accountName,
              number: profile.bankAccount.accountNumber,
            })}
          </p>
        </>
      )}
    </section>
  );
}
