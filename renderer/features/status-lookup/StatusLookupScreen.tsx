import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { type DossierRow, dossierByCode, recordOfficeStatus } from '../dossier/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { catalogueIndex } from '../catalogue/index.ts';
import { CameraScanDialog } from '../scan/lazy.ts';
import { installScannerCapture, installSerialScanner } from '../scan/index.ts';
import { useBridge, useKioskConfig } from '../shell/index.ts';
import { CodeKeypad } from '../../ui/index.ts';
import { ListenButton } from '../speech/index.ts';
import { lookupSpeech } from './lookup-speech.ts';
import { localMatch, lookupView, type LookupView } from './lookup-view.ts';
import { parseLookupText } from '../../../shared/dossier/lookup-key.ts';
import { bridgeOfficeLink, type RemoteStatus } from './office-link.ts';
import './status-lookup.css';

interface Found {
  code: string;
  withoutKey?: boolean;
  local: DossierRow | null;
  remote: RemoteStatus | null;
  lastPullAt: string | null;
}

/** Agency codes are written in capitals; a code typed in lower case still finds its dossier. */
async function findLocal(code: string): Promise<DossierRow | null> {
  return (
    (await dossierByCode(code)) ?? (code !== code.toUpperCase() ? dossierByCode(code.toUpperCase()) : null)
  );
}

/** "Tra cứu hồ sơ": the receipt QR (scanner or camera) or the typed code → the status as last synced. */
export function StatusLookupScreen() {
  const { t, i18n } = useTranslation('statusLookup');
  const lang = i18n.language as Language;
  const client = useBridge();
  const link = useMemo(() => bridgeOfficeLink(client), [client]);
  const { catalogue } = useKioskConfig();
  const { byCode } = catalogueIndex(catalogue);
  const now = useNow();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [phase, setPhase] = useState<'idle' | 'searching' | 'asking'>('idle');
  const [camera, setCamera] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const run = useRef(0);

  const lookUp = async (raw: string) => {
    // The receipt QR holds the code and its check part; only the code stays in the field.
    const { code: typed, key } = parseLookupText(raw);
    const id = ++run.current;
    setCode(typed);
    if (typed === '' || key === null) {
      setPhase('idle');
      setFound({ code: typed, withoutKey: key === null, local: null, remote: null, lastPullAt: null });
      return;
    }
    setPhase('searching');
    const [found, lastPullAt] = await Promise.all([findLocal(typed), link.lastPullAt()]);
    const local = localMatch(found, key);
    if (id !== run.current) return;
    setFound({ code: typed, local, remote: null, lastPullAt });
    setPhase('asking');
    const remote = await link.lookUp(local?.code ?? typed, key);
    if (id !== run.current) return;
    setPhase('idle');
    if (!remote) return;
    if (local) {
      const { status, reason, changedAt } = remote.info;
      await recordOfficeStatus(local.id, { status, reason, changedAt });
    }
    setFound((f) => (f && f.code === typed ? { ...f, remote } : f));
  };
  const lookUpRef = useRef(lookUp);
  useEffect(() => {
    lookUpRef.current = lookUp;
  });

  // The same scan from a scanner in serial (COM) mode, read by main.
  useEffect(() => installSerialScanner(client, (text) => void lookUpRef.current(text)), [client]);

  useEffect(() => {
    inputRef.current?.focus();
    return installScannerCapture(window, {
      onScan: (text) => void lookUpRef.current(text),
      onRelease: (text) => {
        // A person's keys (or a short code from the scanner): typed into the code field.
        if (document.activeElement === inputRef.current) document.execCommand('insertText', false, text);
        else setCode((c) => c + text);
      },
    });
  }, []);

  const view: LookupView | null = found
    ? lookupView({
        ...found,
        procedureName: (c) => byCode.get(c)?.name ?? null,
        now,
      })
    : null;

  return (
    <main className="screen status-lookup-screen">
      <h1>{t('heading')}</h1>
      <ListenButton
        label={view && view.kind !== 'empty' ? t('speech:listenResult') : t('speech:listenPage')}
        segments={() => lookupSpeech(i18n.getFixedT('vi', 'statusLookup'), view)}
      />
      <p>{t('intro')}</p>
      {view?.kind === 'needs-qr' && (
        // Above the code field, where the eye is: the keypad would push it below the fold.
        <p role="alert" className="lookup-needs-qr">
          {t('needsQr')}
        </p>
      )}
      <form
        className="lookup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(code);
        }}
      >
        <label htmlFor="lookup-code">{t('codeLabel')}</label>
        <p id="lookup-code-hint" className="hint">
          {t('codeHint')}
        </p>
        <input
          id="lookup-code"
          ref={inputRef}
          className="lookup-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="lookup-code-hint"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="none"
        />
        <CodeKeypad value={code} onChange={setCode} target={inputRef} />
        <div className="lookup-actions">
          <button type="submit" className="primary big">
            {t('lookUp')}
          </button>
          <button type="button" className="big" onClick={() => setCamera(true)}>
            {t('camera')}
          </button>
        </div>
      </form>

      {phase !== 'idle' && (
        <p role="status" className="lookup-progress">
          {phase === 'searching' ? t('searching') : t('asking')}
        </p>
      )}
      {view && <LookupResult view={view} lang={lang} />}

      {camera && (
        <CameraScanDialog
          title={t('cameraTitle')}
          hint={t('cameraHint')}
          onText={(text) => {
            setCamera(false);
            void lookUp(text);
          }}
          onClose={() => setCamera(false)}
        />
      )}
    </main>
  );
}

function LookupResult({ view, lang }: { view: LookupView; lang: Language }) {
  const { t } = useTranslation('statusLookup');
  if (view.kind === 'empty') return <p role="alert">{t('empty')}</p>;
  if (view.kind === 'unknown') return <p role="alert">{t('unknown', { code: view.code })}</p>;
  // Shown above the form instead (see the screen).
  if (view.kind === 'needs-qr') return null;

  const heading =
    view.state === 'waiting'
      ? t('state.waiting')
      : view.state === 'sent' || view.status === null
        ? t('state.sent')
        : t(`status.${view.status}`);
  const detail =
    view.state === 'waiting'
      ? t('state.waitingDetail')
      : view.state === 'sent' || view.status === null
        ? t('state.sentDetail')
        : t(`statusDetail.${view.status}`);
  const updated = view.updatedAt ? new Date(view.updatedAt) : null;
  const received = view.receivedAt ? new Date(view.receivedAt) : null;

  return (
    <section className={`lookup-result state-${view.state}`} aria-labelledby="lookup-result-heading">
      <h2 id="lookup-result-heading" className={`lookup-status status-${view.status ?? view.state}`}>
        {heading}
      </h2>
      <p>{detail}</p>
      {view.reason && <p className="lookup-reason">{t('reason', { reason: view.reason })}</p>}
      {updated && view.age && (
        <p className="lookup-updated">
          {t('updated', {
            time: formatVietnamTime(updated),
            date: formatVietnamDate(updated),
            age:
              view.age.unit === 'justNow'
                ? t('age.justNow')
                : t(`age.${view.age.unit}`, { count: view.age.count }),
          })}
        </p>
      )}
      {view.age?.unit === 'days' && <p className="lookup-stale">{t('stale')}</p>}
      <dl className="lookup-facts">
        <dt>{t('field.code')}</dt>
        <dd className="dossier-code">{view.code}</dd>
        {view.procedure && (
          <>
            <dt>{t('field.procedure')}</dt>
            <dd lang={view.procedure.name ? lang : undefined}>
              {view.procedure.name?.[lang] ?? view.procedure.code}
            </dd>
          </>
        )}
        {view.initials && (
          <>
            <dt>{t('field.applicant')}</dt>
            <dd>{view.initials}</dd>
          </>
        )}
        {received && (
          <>
            <dt>{t('field.received')}</dt>
            <dd>
              {formatVietnamTime(received)}, {formatVietnamDate(received)}
            </dd>
          </>
        )}
      </dl>
      {view.initials ? (
        <p className="hint">{t('initialsNote')}</p>
      ) : (
        !view.procedure && <p className="hint">{t('otherKiosk')}</p>
      )}
    </section>
  );
}
