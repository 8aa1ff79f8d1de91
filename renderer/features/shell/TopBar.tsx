import { useTranslation } from 'react-i18next';
import { useShellStore } from './store.ts';
import { VolunteerBar } from '../volunteer-session/VolunteerBar.tsx';
import { SyncBadge } from '../sync/SyncBadge.tsx';
import { ClipLanguageChoice } from '../speech/ClipLanguageChoice.tsx';

/** On every screen: home, search, back, language and large text, as large labelled buttons. */
export function TopBar({ officeName }: { officeName?: string }) {
  const { t } = useTranslation();
  const screen = useShellStore((s) => s.screen);
  const canGoBack = useShellStore((s) => s.history.length > 0 && s.screen.name !== 'today');
  const { navigate, back, setLanguage, toggleLargeText } = useShellStore.getState();
  const language = useShellStore((s) => s.language);
  const largeText = useShellStore((s) => s.largeText);
  const other = language === 'vi' ? 'en' : 'vi';

  return (
    <header className="top-bar">
      <div className="office-block">
        <div className="office-name">{officeName ?? t('app.kioskName')}</div>
        <SyncBadge />
      </div>
      <nav aria-label={t('nav.main')} className="top-actions">
        {canGoBack && (
          <button type="button" onClick={back}>
            ← {t('nav.back')}
          </button>
        )}
        <button
          type="button"
          aria-current={screen.name === 'today' ? 'page' : undefined}
          onClick={() => navigate({ name: 'today' })}
        >
          {t('nav.today')}
        </button>
        <button
          type="button"
          aria-current={screen.name === 'catalogue' ? 'page' : undefined}
          onClick={() => navigate({ name: 'catalogue' })}
        >
          {t('nav.search')}
        </button>
        <button
          type="button"
          aria-current={screen.name === 'statusLookup' ? 'page' : undefined}
          onClick={() => navigate({ name: 'statusLookup' })}
        >
          {t('statusLookup:entry')}
        </button>
        <button type="button" lang={other} onClick={() => setLanguage(other)}>
          {t('settings.switchLanguage')}
        </button>
        <ClipLanguageChoice />
        <button type="button" aria-pressed={largeText} onClick={toggleLargeText}>
          {t('settings.largeText')}
        </button>
        <VolunteerBar />
        <button
          type="button"
          aria-current={screen.name === 'settings' ? 'page' : undefined}
          onClick={() => navigate({ name: 'settings' })}
        >
          {t('settings:entry')}
        </button>
      </nav>
    </header>
  );
}
