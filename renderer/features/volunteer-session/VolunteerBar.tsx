import './volunteer-session.css';
import { useTranslation } from 'react-i18next';
import { useShellStore } from '../shell/store.ts';
import { useVolunteerSession } from './store.ts';

/**
 * The top bar's volunteer entry: "Tình nguyện viên" for signing in, or while signed in a
 * badge naming who is helping, with the dossier list and sign-out.
 */
export function VolunteerBar() {
  const { t } = useTranslation('volunteerSession');
  const name = useVolunteerSession((s) => s.name);
  const signOut = useVolunteerSession((s) => s.signOut);
  const screen = useShellStore((s) => s.screen.name);
  const navigate = useShellStore((s) => s.navigate);
  if (name === null) {
    return (
      <button
        type="button"
        aria-current={screen === 'volunteer' ? 'page' : undefined}
        onClick={() => navigate({ name: 'volunteer' })}
      >
        {t('entry')}
      </button>
    );
  }
  return (
    <div className="volunteer-bar">
      <span className="volunteer-badge" role="status">
        {t('badge', { name })}
      </span>
      <button
        type="button"
        aria-current={screen === 'dossiers' ? 'page' : undefined}
        onClick={() => navigate({ name: 'dossiers' })}
      >
        {t('dossiers')}
      </button>
      <button type="button" onClick={signOut}>
        {t('signOut')}
      </button>
    </div>
  );
}
