import './receipt.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import type { PrintKind } from '../../../shared/contracts/bridge.ts';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import { getDossier, type DossierRow } from '../dossier/index.ts';
import { useKioskConfig, useBridge, useShellStore, type ScreenOf } from '../shell/index.ts';
import { catalogueIndex } from '../catalogue/index.ts';
import { QrImage, declaredFeeDue } from '../procedure/lazy.ts';
import { buildDocument, returnText } from './dossier-documents.ts';
import { jobKey, runPrintJob, usePrintJobs, type PrintJobState } from './print-jobs.ts';
import { Icon } from '../../ui/icons/index.tsx';
import { FeeSection } from './FeeSection.tsx';
import { ListenButton, printedDocumentSpeech, receiptSpeech } from '../speech/index.ts';

const KINDS: readonly PrintKind[] = ['declaration', 'receipt'];

/**
 * Shown only once the dossier is committed (the wizard navigates here after submitDossier
 * resolved): "Đã lưu hồ sơ", the dossier code large with its QR, when to come back, and
 * the printing of the declaration and the receipt, each with Retry / "In lại".
 */
export function ReceiptScreen({ screen }: { screen: ScreenOf<'receipt'> }) {
  const { t, i18n } = useTranslation('receipt');
  const lang = i18n.language as Language;
  const client = useBridge();
  const config = useKioskConfig();
  const { profile, catalogue } = config;
  const [dossier, setDossier] = useState<DossierRow | null | undefined>(undefined);
  const jobs = usePrintJobs((s) => s.jobs);
  // The declaration as printed (Vietnamese, the paper's language), so "Nghe" reads what it says.
  const [printedDeclaration, setPrintedDeclaration] = useState<string | null>(null);
  const procedure = dossier ? catalogueIndex(catalogue).byCode.get(dossier.procedureCode) : undefined;

  useEffect(() => {
    let live = true;
    void getDossier(screen.dossierId).then((d) => live && setDossier(d));
    return () => {
      live = false;
    };
  }, [screen.dossierId]);

  const print = (kind: PrintKind, reprint = false) => {
    if (!dossier || !procedure) return;
    void runPrintJob(client, dossier.id, kind, () => buildDocument(kind, profile, procedure, dossier, lang), {
      reprint,
    });
  };

  // Print what has not printed yet, once, one after the other (one printer). After a
  // crash or from the unprinted-receipts offer, that may be the receipt alone.
  useEffect(() => {
    if (!dossier || !procedure) return;
    const started = usePrintJobs.getState().jobs;
    if (KINDS.some((k) => started[jobKey(dossier.id, k)])) return;
    const due = KINDS.filter((kind) => !alreadyPrinted(dossier, kind));
    void (async () => {
      for (const kind of due)
        await runPrintJob(client, dossier.id, kind, () =>
          buildDocument(kind, profile, procedure, dossier, lang),
        );
    })();
    // Language changes must not print again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dossier, procedure, client, profile]);

  useEffect(() => {
    if (!dossier || !procedure) return;
    let live = true;
    buildDocument('declaration', profile, procedure, dossier, 'vi')
      .then((doc) => live && setPrintedDeclaration(doc.html))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dossier, procedure, profile]);

  if (dossier === undefined) {
    return (
      <main className="screen">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  if (dossier === null || !procedure) {
    return (
      <main className="screen">
        <h1>{t('notFound')}</h1>
      </main>
    );
  }
  const received = new Date(dossier.receivedAt);
  const receiptState = jobs[jobKey(dossier.id, 'receipt')];

  return (
    <main className="screen receipt-screen">
      <div role="status">
        <h1 className="with-icon">
          <Icon name="saved" size="1.3em" />
          {t('saved')}
        </h1>
      </div>
      <p>{t('safe')}</p>
      <ListenButton
        label={t('speech:listenReceipt')}
        segments={() =>
          receiptSpeech(i18n.getFixedT('vi'), {
            code: dossier.code,
            procedureName: procedure.name.vi,
            returnText: returnText(profile, procedure, dossier, 'vi'),
            amountVnd:
              declaredFeeDue(profile, dossier, (code) => catalogueIndex(catalogue).byCode.get(code))?.due
                .amountVnd ?? null,
          })
        }
      />
      <section aria-labelledby="dossier-code-label" className="dossier-code-box">
        <h2 id="dossier-code-label">{t('code')}</h2>
        <p className="dossier-code" aria-describedby="dossier-code-label">
          {dossier.code}
        </p>
        <QrImage text={dossier.code} alt={t('qrAlt', { code: dossier.code })} errorText={t('qrError')} />
      </section>
      <dl className="receipt-facts">
        <dt>{t('applicant')}</dt>
        <dd>{dossier.applicantName}</dd>
        <dt>{t('procedure')}</dt>
        <dd lang="vi">{procedure.name.vi}</dd>
        <dt>{t('receivedAt')}</dt>
        <dd>{t('at', { time: formatVietnamTime(received), date: formatVietnamDate(received) })}</dd>
        <dt>{t('returnAt')}</dt>
        <dd className="return-text">{returnText(profile, procedure, dossier, lang)}</dd>
      </dl>

      <FeeSection
        profile={profile}
        dossier={dossier}
        procedureOf={(code) => catalogueIndex(catalogue).byCode.get(code)}
      />

      <section aria-labelledby="printing" className="printing">
        <h2 id="printing">{t('printing.heading')}</h2>
        <ul>
          {KINDS.map((kind) => (
            <PrintLine
              key={kind}
              kind={kind}
              state={
                jobs[jobKey(dossier.id, kind)] ?? (alreadyPrinted(dossier, kind) ? PRINTED_BEFORE : undefined)
              }
              onRetry={(reprint) => print(kind, reprint)}
            />
          ))}
        </ul>
        {receiptState?.status === 'failed' && (
          <p className="receipt-way-on" role="note">
            {t('printing.wayOn', { code: dossier.code })}{' '}
            {receiptState.pdfKept ? t('printing.pdfKept') : t('printing.deskRebuilds')}
          </p>
        )}
        <p>{t('printing.sign')}</p>
        {printedDeclaration && (
          <ListenButton
            label={t('speech:listenPrinted', { name: t('printing.declaration').toLowerCase() })}
            segments={() => printedDocumentSpeech(printedDeclaration)}
          />
        )}
      </section>

      <button
        type="button"
        className="primary big"
        onClick={() =>
          useShellStore
            .getState()
            .navigate(
              { name: 'satisfaction', dossierId: dossier.id, procedureCode: dossier.procedureCode },
              { clearHistory: true },
            )
        }
      >
        {t('done')}
      </button>
    </main>
  );
}

const PRINTED_BEFORE: PrintJobState = { status: 'printed' };

/** Printed on an earlier visit of this screen (before a reload or a restart). */
function alreadyPrinted(dossier: DossierRow, kind: PrintKind): boolean {
  if (kind === 'receipt') return dossier.receiptUnprinted !== 1 && Boolean(dossier.printed?.receipt);
  return Boolean(dossier.printed?.declaration);
}

function PrintLine({
  kind,
  state,
  onRetry,
}: {
  kind: PrintKind;
  state: PrintJobState | undefined;
  onRetry: (reprint: boolean) => void;
}) {
  const { t } = useTranslation('receipt');
  const name = t(`printing.${kind}`);
  if (!state || state.status === 'printing') return <li>{t('printing.inProgress', { name })}</li>;
  if (state.status === 'sent') {
    return (
      <li>
        {t('printing.sent', { name })}{' '}
        <button type="button" onClick={() => onRetry(true)} aria-label={t('printing.reprintOf', { name })}>
          {t('printing.reprint')}
        </button>
      </li>
    );
  }
  if (state.status === 'printed') {
    return (
      <li>
        {t('printing.done', { name })}{' '}
        <button type="button" onClick={() => onRetry(true)} aria-label={t('printing.reprintOf', { name })}>
          {t('printing.reprint')}
        </button>
      </li>
    );
  }
  return (
    <li>
      <span role="alert">
        {t('printing.failed', { name })} {t(`printing.reason.${state.reason}`)} {t('printing.dossierSafe')}
      </span>{' '}
      <button
        type="button"
        className="primary"
        onClick={() => onRetry(state.pdfKept)}
        aria-label={t('printing.retryOf', { name })}
      >
        {t('printing.retry')}
      </button>
    </li>
  );
}
