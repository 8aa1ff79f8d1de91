import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeOutput } from '../../../shared/contracts/bridge.ts';
import { dossierCodes, type OutboxRow, outboxRefused, retryRefused } from '../dossier/index.ts';
import { useBridge } from '../shell/index.ts';
import { enrolmentFirstSeq } from './first-seq.ts';
import { formatVietnamDateTime } from '../../../shared/domain/vietnam-time.ts';
import { useSyncStore } from './store.ts';
import { groupFingerprint, parseEnrolmentText } from '../../../shared/contracts/enrolment-text.ts';

type EnrolReason = Extract<BridgeOutput<'syncEnrol'>, { ok: false }>['reason'] | 'failed';
/** Which field an enrolment error belongs next to. */
const URL_REASONS: readonly EnrolReason[] = [
  'bad-url',
  'unreachable',
  'not-an-office',
  'server-error',
  'insecure-http',
  'failed',
];
const FINGERPRINT_REASONS: readonly EnrolReason[] = ['bad-fingerprint', 'untrusted-office'];

/** Settings (behind the officer PIN): the sync status for staff, and enrolment with the office. */
export function SyncSection({ officerSession = null }: { officerSession?: string | null }) {
  return (
    <>
      <SyncStatusPanel />
      <EnrolForm officerSession={officerSession} />
    </>
  );
}

export function SyncStatusPanel() {
  const { t } = useTranslation('sync');
  const client = useBridge();
  const state = useSyncStore((s) => s.state);
  const engine = useSyncStore((s) => s.engine);
  const [refused, setRefused] = useState<RefusedItem[]>([]);
  const [retried, setRetried] = useState(0);

  useEffect(() => {
    void useSyncStore
      .getState()
      .refresh(client)
      .catch(() => undefined);
  }, [client]);
  useEffect(() => {
    let live = true;
    void loadRefused().then((items) => live && setRefused(items));
    return () => {
      live = false;
    };
  }, [state.refused, retried]);

  const retry = async (ids: string[]) => {
    await retryRefused(ids);
    setRetried((n) => n + 1);
    await useSyncStore
      .getState()
      .refresh(client)
      .catch(() => undefined);
    if (engine && status?.enrolled && status.online && !status.needsReEnrolment) void engine.syncNow();
  };

  const { status } = state;
  if (!status) return <p role="status">{t('status.syncing')}</p>;
  return (
    <div className="sync-status">
      <h3>{t('status.heading')}</h3>
      {status.needsReEnrolment && (
        <div role="alert" className="field-error">
          <strong>{t('status.needsReEnrolment')}</strong>
          <p>{t('status.needsReEnrolmentExplain')}</p>
        </div>
      )}
      {status.enrolled && status.untrustedOffice && (
        <div role="alert" className="field-error">
          <strong>{t('status.untrusted.heading')}</strong>
          <p>
            {t(`status.untrusted.${status.untrustedOffice.reason}`, {
              presented: status.untrustedOffice.presented
                ? groupFingerprint(status.untrustedOffice.presented)
                : '',
            })}
          </p>
        </div>
      )}
      {!status.enrolled && <p>{t('status.notEnrolled')}</p>}
      <dl className="facts">
        {status.enrolled && (
          <>
            <dt>{t('status.office')}</dt>
            <dd>
              {status.officeName} ({status.officeUrl})
            </dd>
            <dt>{t('status.deviceId')}</dt>
            <dd>{status.kioskId}</dd>
            <dt>{t('status.connection')}</dt>
            <dd>{status.online ? t('status.online') : t('status.offline')}</dd>
            <dt>{t('status.certificate')}</dt>
            <dd className="fingerprint">
              {status.officeCertificate
                ? groupFingerprint(status.officeCertificate.pinned)
                : t('status.noCertificate')}
            </dd>
            {status.officeCertificate?.next && (
              <>
                <dt>{t('status.nextCertificate')}</dt>
                <dd className="fingerprint">{groupFingerprint(status.officeCertificate.next)}</dd>
              </>
            )}
          </>
        )}
        <dt>{t('status.waiting')}</dt>
        <dd>{state.waitingDossiers}</dd>
        {state.refused > 0 && (
          <>
            <dt>{t('status.refused')}</dt>
            <dd>{state.refused}</dd>
          </>
        )}
        <dt>{t('status.lastSuccess')}</dt>
        <dd>
          {status.lastSuccessAt ? formatVietnamDateTime(new Date(status.lastSuccessAt)) : t('status.never')}
        </dd>
      </dl>
      {state.problem && status.enrolled && !status.needsReEnrolment && (
        <p role="status">{t(`status.problem.${state.problem}`)}</p>
      )}
      {state.profileSaved && <p role="status">{t('status.profileSaved')}</p>}
      {status.tokenProtection && <p>{t(`status.tokenProtection.${status.tokenProtection}`)}</p>}
      {status.enrolled && !status.needsReEnrolment && engine && (
        <button type="button" disabled={state.running} onClick={() => void engine.syncNow()}>
          {state.running ? t('status.syncing') : t('status.syncNow')}
        </button>
      )}
      {refused.length > 0 && (
        <>
          <h4>{t('status.refusedList')}</h4>
          <p>{t('status.refusedExplain')}</p>
          <ul className="refused-items">
            {refused.map(({ row, code }) => (
              <li key={row.id}>
                <span>
                  {t('status.refusedItem', {
                    kind: t(`status.kind.${row.kind}`),
                    which: code ?? t('status.seq', { seq: row.seq }),
                    reason: row.lastError ?? '',
                  })}
                </span>{' '}
                <button type="button" onClick={() => void retry([row.id])}>
                  {t('status.retry')}
                </button>
              </li>
            ))}
          </ul>
          {refused.length > 1 && (
            <button type="button" onClick={() => void retry(refused.map((r) => r.row.id))}>
              {t('status.retryAll', { count: refused.length })}
            </button>
          )}
        </>
      )}
      {retried > 0 && refused.length === 0 && <p role="status">{t('status.retried')}</p>}
    </div>
  );
}

interface RefusedItem {
  row: OutboxRow;
  /** The dossier's code when the item belongs to a dossier still on the kiosk. */
  code: string | null;
}

/** The newest refused items with their dossiers' codes (what staff can find on the receipt). */
async function loadRefused(): Promise<RefusedItem[]> {
  const rows = await outboxRefused(20);
  const codes = await dossierCodes(rows.map((r) => r.dossierId));
  return rows.map((row, i) => ({ row, code: codes[i] ?? null }));
}

function EnrolForm({ officerSession }: { officerSession: string | null }) {
  const { t } = useTranslation('sync');
  const client = useBridge();
  const id = useId();
  const status = useSyncStore((s) => s.state.status);
  const [officeUrl, setOfficeUrl] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<EnrolReason | null>(null);
  const [done, setDone] = useState<{ office: string; id: string } | null>(null);
  // Until the officer types, the field shows the address the kiosk knows (enrolled or suggested).
  const urlValue = officeUrl ?? status?.officeUrl ?? '';

  const submit = async () => {
    setWorking(true);
    setError(null);
    setDone(null);
    try {
      // Where the office starts counting this kiosk's sequence gaps. Should the outbox not
      // answer, enrol anyway: the office then counts from 1 (a spurious gap, nothing lost).
      const firstSeq = await enrolmentFirstSeq().catch(() => undefined);
      const result = await client.invoke('syncEnrol', {
        officeUrl: urlValue,
        enrolmentCode: code,
        ...(fingerprint.trim() ? { certificateSha256: fingerprint.trim() } : {}),
        ...(firstSeq !== undefined ? { firstSeq } : {}),
        ...(officerSession ? { officerSession } : {}),
      });
      if (result.ok) {
        setDone({ office: result.officeName, id: result.kioskId });
        setCode('');
        setFingerprint('');
        await useSyncStore.getState().refresh(client);
        void useSyncStore.getState().engine?.syncNow();
      } else setError(result.reason);
    } catch {
      setError('failed');
    } finally {
      setWorking(false);
    }
  };

  const urlError = error && URL_REASONS.includes(error) ? error : null;
  const fingerprintError = error && FINGERPRINT_REASONS.includes(error) ? error : null;
  const codeError = error && !URL_REASONS.includes(error) && !fingerprintError ? error : null;
  /** A scanner typing the dashboard's enrolment QR fills the three fields at once. */
  const typeCode = (value: string) => {
    const scanned = parseEnrolmentText(value);
    // Typed codes are upper case; the QR text (a scanner types it) keeps its own case.
    if (!scanned) return setCode(/^[\w\s-]{0,20}$/.test(value) ? value.toUpperCase() : value);
    setOfficeUrl(scanned.officeUrl);
    setCode(scanned.code);
    setFingerprint(scanned.sha256 ? groupFingerprint(scanned.sha256) : '');
  };
  const enrolled = status?.enrolled ?? false;
  return (
    <form
      className="inline-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!working) void submit();
      }}
    >
      <h3 id={`${id}-heading`}>{t('enrol.heading')}</h3>
      <p>{t('enrol.explain')}</p>
      <label htmlFor={`${id}-url`}>{t('enrol.url')}</label>
      <input
        id={`${id}-url`}
        className="text-input"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('enrol.urlHint')}
        value={urlValue}
        aria-invalid={urlError !== null}
        aria-describedby={urlError ? `${id}-url-error` : undefined}
        onChange={(e) => setOfficeUrl(e.target.value)}
      />
      {urlError && (
        <p id={`${id}-url-error`} role="alert" className="field-error">
          {t(`enrol.errors.${urlError}`)}
        </p>
      )}
      <label htmlFor={`${id}-code`}>{t('enrol.code')}</label>
      <input
        id={`${id}-code`}
        className="text-input short"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder={t('enrol.codeHint')}
        value={code}
        aria-invalid={codeError !== null}
        aria-describedby={codeError ? `${id}-code-error` : undefined}
        onChange={(e) => typeCode(e.target.value)}
      />
      {codeError && (
        <p id={`${id}-code-error`} role="alert" className="field-error">
          {t(`enrol.errors.${codeError}`)}
        </p>
      )}
      <label htmlFor={`${id}-fingerprint`}>{t('enrol.fingerprint')}</label>
      <input
        id={`${id}-fingerprint`}
        className="text-input fingerprint"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder={t('enrol.fingerprintHint')}
        maxLength={120}
        value={fingerprint}
        aria-invalid={fingerprintError !== null}
        aria-describedby={fingerprintError ? `${id}-fingerprint-error` : undefined}
        onChange={(e) => setFingerprint(e.target.value.toUpperCase())}
      />
      {fingerprintError && (
        <p id={`${id}-fingerprint-error`} role="alert" className="field-error">
          {t(`enrol.errors.${fingerprintError}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={working}>
        {working ? t('enrol.working') : enrolled ? t('enrol.resubmit') : t('enrol.submit')}
      </button>
      {done && (
        <p role="status" className="ok-message">
          {t('enrol.done', done)}
        </p>
      )}
    </form>
  );
}
