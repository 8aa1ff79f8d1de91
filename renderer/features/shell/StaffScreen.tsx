import { useTranslation } from 'react-i18next';
import { useShellStore } from './store.ts';
import { VolunteerStaffActions } from '../volunteer-session/index.ts';

/**
 * Behind the header's one discreet "Cán bộ" entry: what staff and volunteers need
 * (volunteer sign-in, the dossier list, officer settings), kept off the citizen's header.
 */
export function StaffScreen() {
  const { t } = useTranslation('shell');
  const navigate = useShellStore((s) => s.navigate);
  return (
    <main className="screen staff-screen">
      <h1>{t('staff.heading')}</h1>
      <p>{t('staff.intro')}</p>
      <div className="staff-actions">
        <VolunteerStaffActions />
        <button type="button" className="big" onClick={() => navigate({ name: 'settings' })}>
          {t('staff.settings')}
        </button>
      </div>
    </main>
  );
}
