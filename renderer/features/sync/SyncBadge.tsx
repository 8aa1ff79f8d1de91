import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../../shared/domain/vietnam-time.ts';
import { useSyncStore } from './store.ts';

/**
 * The small sync status staff can read on every screen without opening Settings:
 * connected or not, dossiers waiting, items refused, and when the last sync succeeded.
 * Nothing personal is shown, so it can stay in view of citizens.
 */
export function SyncBadge() {
  const { t } = useTranslation('sync');
  const state = useSyncStore((s) => s.state);
  const { status } = state;
  // Its line is kept before the first status arrives so the header never grows under a finger.
  if (!status) return <div className="sync-badge" aria-hidden="true" />;
  const attention = status.needsReEnrolment || state.refused > 0;
  const connection = !status.enrolled
    ? t('badge.notEnrolled')
    : status.needsReEnrolment
      ? t('badge.needsReEnrolment')
      : status.online
        ? t('badge.online')
        : t('badge.offline');
  const parts = [connection];
  // Dossiers only: a rating riding along is not "a dossier waiting".
  if (state.waitingDossiers > 0) parts.push(t('badge.waiting', { count: state.waitingDossiers }));
  if (state.refused > 0) parts.push(t('badge.refused', { count: state.refused }));
  const last = status.lastSuccessAt
    ? t('badge.lastSuccess', { at: formatVietnamDateTime(new Date(status.lastSuccessAt)) })
    : null;
  return (
    <div
      className="sync-badge"
      role="status"
      aria-label={t('badge.label')}
      data-state={attention ? 'attention' : status.enrolled && status.online ? 'online' : 'offline'}
      title={last ?? undefined}
    >
      <span aria-hidden="true" className="sync-dot" />
      {parts.join(' · ')}
      {last && <span className="sync-last"> · {last}</span>}
    </div>
  );
}
