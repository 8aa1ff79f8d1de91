import './dossiers.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { useKioskConfig, useShellStore, type ScreenOf } from '../shell/index.ts';
import { OfficerGate, useOfficerSession } from '../settings/index.ts';
import { useVolunteerSession } from '../volunteer-session/index.ts';
import { loadDossierPage, type DossierListPage, type DossierScope as Scope } from './dossier-page.ts';
import { ReprintButton } from './ReprintButton.tsx';
import { Icon } from '../../ui/icons/index.tsx';

/**
 * Submitted dossiers for officers and signed-in volunteers: today's or all, newest first,
 * a page at a time (the kiosk may hold 100,000), with sync state and reprint. Applicants
 * appear by initials only: the screen is public.
 */
export function DossierListScreen({ screen }: { screen: ScreenOf<'dossiers'> }) {
  const officer = useOfficerSession((s) => s.unlocked);
  const volunteer = useVolunteerSession((s) => s.volunteerId !== null);
  if (!officer && !volunteer) return <OfficerGate />;
  return <DossierList initialScope={screen.scope ?? 'today'} />;
}

function DossierList({ initialScope }: { initialScope: Scope }) {
  const { t, i18n } = useTranslation('dossiers');
  const language = i18n.language as Language;
  const { catalogue } = useKioskConfig();
  const names = useMemo(() => new Map(catalogue.procedures.map((p) => [p.code, p.name])), [catalogue]);
  const [scope, setScope] = useState<Scope>(initialScope);
  const [page, setPage] = useState(0);
  const [data, setData] = useState<DossierListPage | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let live = true;
    loadDossierPage(scope, page, new Date()).then(
      (result) => {
        if (!live) return;
        setData(result);
        setError(false);
      },
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [scope, page]);

  const choose = (next: Scope) => {
    setScope(next);
    setPage(0);
    setData(null);
  };

  return (
    <main className="screen dossiers-screen">
      <h1>{t('heading')}</h1>
      <p className="note">{t('privacy')}</p>
      <div className="button-row" role="group" aria-label={t('scope')}>
        <button type="button" aria-pressed={scope === 'today'} onClick={() => choose('today')}>
          {t('today')}
        </button>
        <button type="button" aria-pressed={scope === 'all'} onClick={() => choose('all')}>
          {t('all')}
        </button>
        <button type="button" aria-pressed={scope === 'unprinted'} onClick={() => choose('unprinted')}>
          {t('unprinted')}
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {t('loadFailed')}
        </p>
      )}
      {!error && data === null && <p role="status">{t('loading')}</p>}
      {data !== null && data.total === 0 && (
        <p>{scope === 'today' ? t('noneToday') : scope === 'unprinted' ? t('noneUnprinted') : t('none')}</p>
      )}
      {data !== null && data.total > 0 && (
        <>
          <table className="dossier-table">
            <caption>{t('count', { count: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.code')}</th>
                <th scope="col">{t('col.procedure')}</th>
                <th scope="col">{t('col.time')}</th>
                <th scope="col">{t('col.applicant')}</th>
                <th scope="col">{t('col.sync')}</th>
                <th scope="col">{t('col.reprint')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const name = names.get(row.procedureCode);
                const at = new Date(row.receivedAt);
                return (
                  <tr key={row.id}>
                    <th scope="row" className="code">
                      {row.code}
                    </th>
                    <td>{name ? (name[language] ?? name.vi) : row.procedureCode}</td>
                    <td>
                      {formatVietnamTime(at)} {formatVietnamDate(at)}
                    </td>
                    <td>{row.initials}</td>
                    <td>{t(`sync.${row.sync}`)}</td>
                    <td className="reprint-cell">
                      {row.receiptUnprinted && !row.purged && (
                        <div className="receipt-unprinted">
                          <p className="field-error">{t('receiptUnprinted')}</p>
                          <button
                            type="button"
                            className="primary"
                            aria-label={t('printReceiptOf', { code: row.code })}
                            onClick={() =>
                              useShellStore.getState().navigate({ name: 'receipt', dossierId: row.id })
                            }
                          >
                            {t('printReceipt')}
                          </button>
                        </div>
                      )}
                      {row.purged ? (
                        // Its prints went with its personal data: a reprint could only fail.
                        <p className="note">{t('purged')}</p>
                      ) : row.receiptUnprinted ? null : (
                        <>
                          <ReprintButton dossierId={row.id} code={row.code} kind="receipt" />
                          <ReprintButton dossierId={row.id} code={row.code} kind="declaration" />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav className="pager" aria-label={t('pages')}>
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              <Icon name="back" /> {t('previous')}
            </button>
            <span>{t('pageOf', { page: page + 1, count: data.pageCount })}</span>
            <button type="button" disabled={page + 1 >= data.pageCount} onClick={() => setPage(page + 1)}>
              {t('next')} <Icon name="forward" />
            </button>
          </nav>
        </>
      )}
    </main>
  );
}
