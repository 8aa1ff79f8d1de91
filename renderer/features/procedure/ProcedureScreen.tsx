import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import { resultPromise, type ResultPromise } from '../../../shared/domain/result-promise.ts';
import { formatVnd } from '../../../shared/domain/format.ts';
import { useKioskConfig } from '../shell/index.ts';
import { catalogueIndex } from '../catalogue/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { QrImage } from './QrImage.tsx';
import { effectiveFee, feeDue, feeTransferQr, portalUrlFor } from './procedure-facts.ts';
import { formForProcedure } from '../../../shared/forms/registry.ts';
import { modelsFor } from '../../../shared/dossier/build-dossier.ts';
import { procedurePromiseSentences } from './promise-text.ts';
import { StartDeclarationButton } from '../declaration/index.ts';
import { ListenButton, procedureSpeech } from '../speech/index.ts';
import { TakeTicketButton } from '../queue-ticket/index.ts';

/** A profile with no working day ahead has no deadline to show; the screen still works. */
function safePromise(compute: () => ResultPromise): ResultPromise | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

export function ProcedureScreen({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { profile, catalogue } = useKioskConfig();
  const procedure = catalogueIndex(catalogue).byCode.get(code);
  const now = useNow();

  if (!procedure) {
    return (
      <main className="screen">
        <h1>{t('procedure.notFound')}</h1>
      </main>
    );
  }

  const fee = effectiveFee(profile, procedure);
  const portalUrl = portalUrlFor(profile, procedure);
  // No dossier yet: the amount only where it does not depend on what will be declared.
  const due = feeDue(profile, procedure);
  const transfer = feeTransferQr(profile, due, `Le phi ${procedure.code}`);
  const hasForm = formForProcedure(procedure.code) !== undefined;
  // "Ngày không dùng tiền mặt": the fee is paid by transfer only (the profile must then have the account).
  const cashlessToday = transfer !== null && modelsFor(profile, procedure.code, now).includes('cashless');
  // What may be promised now: the deadline of a dossier handed in at this moment.
  const promise = safePromise(() => resultPromise(profile, procedure, now));
  const sameDayToday = promise?.sameDay ?? false;
  const sentences = promise ? procedurePromiseSentences(t, promise) : null;
  // One figure only when it is the amount due whatever is declared (never "2.000 đ" for a per-page fee).
  const feeText =
    due.amountVnd === null
      ? t('procedure.feeVaries')
      : due.amountVnd === 0
        ? t('procedure.feeFree')
        : formatVnd(due.amountVnd);

  return (
    <main className="screen procedure-screen">
      <h1 lang="vi">{procedure.name.vi}</h1>
      {lang === 'en' && <p className="subtitle">{procedure.name.en}</p>}
      <p>
        {t('procedure.code', { code: procedure.code })} ·{' '}
        {t('procedure.field', { field: procedure.field[lang] })}
      </p>
      <p>{t(`procedure.online.${procedure.onlineLevel}`)}</p>
      <ListenButton
        label={t('speech:listenPage')}
        segments={() => {
          const vi = i18n.getFixedT('vi');
          return procedureSpeech(vi, procedure, {
            fee,
            amountVnd: due.amountVnd,
            promise: promise ? procedurePromiseSentences(vi, promise) : [],
          });
        }}
      />
      <StartDeclarationButton procedureCode={procedure.code} />
      <TakeTicketButton procedureCode={procedure.code} />

      <section aria-labelledby="same-day" className={`same-day ${sameDayToday ? 'yes' : 'no'}`}>
        <h2 id="same-day">{t('procedure.sameDayHeading')}</h2>
        {sentences && (
          <>
            <p>
              <strong>{sentences[0]}</strong>
            </p>
            <p>{sentences[1]}</p>
          </>
        )}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{t('procedure.documents')}</h2>
        {procedure.documents.length === 0 ? (
          <p>{t('procedure.noDocuments')}</p>
        ) : (
          <ul className="documents">
            {procedure.documents.map((d, i) => (
              <li key={i}>
                <strong>{d.name[lang]}</strong> — {t(`procedure.docForm.${d.form}`)},{' '}
                {t('procedure.docCount', { count: d.count })}
                {d.note && <div className="note">{d.note[lang]}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fee">
        <h2 id="fee">{t('procedure.fee')}</h2>
        <p className="fee-amount">{feeText}</p>
        <p>{fee.description[lang]}</p>
        {cashlessToday && (
          <p className="cashless">
            <strong>{t('procedure.cashlessToday')}</strong>
          </p>
        )}
      </section>

      <section aria-labelledby="time">
        <h2 id="time">{t('procedure.time')}</h2>
        <p>{procedure.processingTime.description[lang]}</p>
      </section>

      <section aria-labelledby="portal" className="qr-section">
        <h2 id="portal">{t('procedure.portalHeading')}</h2>
        {portalUrl ? (
          <>
            <p>{t('procedure.portalHint')}</p>
            <QrImage
              text={portalUrl}
              alt={t('procedure.portalQrAlt', { name: procedure.name[lang] })}
              errorText={t('procedure.qrError')}
            />
            <p className="url-text">{portalUrl}</p>
          </>
        ) : (
          <p>{t('procedure.noPortal')}</p>
        )}
      </section>

      {transfer && profile.bankAccount && (
        <section aria-labelledby="bank" className="qr-section">
          <h2 id="bank">{t('procedure.bankHeading')}</h2>
          <p>
            {transfer.amountVnd !== null
              ? t('procedure.bankHint', { amount: formatVnd(transfer.amountVnd) })
              : t('procedure.bankHintNoAmount')}
            {hasForm && ` ${t('procedure.bankAfterDeclaration')}`}
          </p>
          <QrImage
            text={transfer.payload}
            alt={
              transfer.amountVnd !== null
                ? t('procedure.bankQrAlt', {
                    amount: formatVnd(transfer.amountVnd),
                    account: profile.bankAccount.accountNumber,
                  })
                : t('procedure.bankQrAltNoAmount', { account: profile.bankAccount.accountNumber })
            }
            errorText={t('procedure.qrError')}
          />
          <p>
            {t('procedure.bankAccount', {
              name: profile.bankAccount.accountName,
              number: profile.bankAccount.accountNumber,
            })}
          </p>
        </section>
      )}

      <section aria-labelledby="legal">
        <h2 id="legal">{t('procedure.legalBasis')}</h2>
        <ul>
          {procedure.legalBasis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
