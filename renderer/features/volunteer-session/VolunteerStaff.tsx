import './volunteer-session.css';
import { useTranslation } from 'react-i18next';
import { useShellStore } from '../shell/index.ts';
import { useVolunteerSession } from './store.ts';

/** In the header while a volunteer is signed in: who is helping, so the citizen knows. */
export function VolunteerBadge() {
  const { t } = useTranslation('volunteerSession');
  const name = useVolunteerSession((s) => s.name);
  if (name === null) return null;
  return (
    <span className="volunteer-badge" role="status">
      {t('badge', { name })}
    </span>
  );
}

/**
 * The volunteer's actions on the staff page: "Tình nguyện viên" for signing in, or while
 * signed in the dossier list and sign-out.
 */
export function VolunteerStaffActions() {
  const { t } = useTranslation('volunteerSession');
  const name = useVolunteerSession((s) => s.name);
  const signOut = useVolunteerSession((s) => s.signOut);
  const navigate = useShellStore((s) => s.navigate);
  if (name === null) {
    return (
      <button type="button" className="big" onClick={() => navigate({ name: 'volunteer' })}>
        {t('entry')}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="big" onClick={() => navigate({ name: 'dossiers' })}>
        {t('dossiers')}
      </button>
      <button type="button" className="big" onClick={signOut}>
        {t('signOut')}
      </button>
    </>
  );
}
