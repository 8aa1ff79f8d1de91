import './settings.css';
import { useTranslation } from 'react-i18next';
import { useShellStore } from '../shell/index.ts';
import { OfficerGate } from './OfficerGate.tsx';
import { useOfficerSession } from './officer-session.ts';
import { SETTINGS_SECTIONS } from './sections.tsx';

/** Officer settings, behind the officer PIN; every section is an entry of SETTINGS_SECTIONS. */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const unlocked = useOfficerSession((s) => s.unlocked);
  const navigate = useShellStore((s) => s.navigate);
  if (!unlocked) return <OfficerGate />;
  return (
    <main className="screen settings-screen">
      <h1>{t('heading')}</h1>
      <div className="button-row">
        <button type="button" className="big" onClick={() => navigate({ name: 'dossiers' })}>
          {t('openDossiers')}
        </button>
        <button
          type="button"
          className="big"
          onClick={() => {
            useOfficerSession.getState().lock();
            navigate({ name: 'today' }, { clearHistory: true });
          }}
        >
          {t('lock')}
        </button>
      </div>
      {SETTINGS_SECTIONS.map(({ id, titleKey, Component }) => (
        <section key={id} className="settings-section" aria-labelledby={`settings-${id}`}>
          <h2 id={`settings-${id}`}>{t(titleKey)}</h2>
          <Component />
        </section>
      ))}
    </main>
  );
}
