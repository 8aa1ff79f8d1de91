import { useTranslation } from 'react-i18next';
import type { CalendarProfile } from '../../../shared/domain/working-time.ts';
import { useShellStore } from './store.ts';
import { VolunteerBadge } from '../volunteer-session/index.ts';
import { SyncBadge } from '../sync/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { Icon, type IconName } from '../../ui/icons/index.tsx';
import { FrameClock } from './FrameClock.tsx';
import { DeskStateText } from './DeskStateText.tsx';
import { ClipLanguageChoice } from '../speech/index.ts';

/**
 * The fixed header on every screen: who and when (office, the desk's state, the clock),
 * then the citizen's few buttons (back, Today, find, language, large text) and one
 * discreet staff entry. Every button keeps its place on every screen: "Quay lại" is
 * always laid out and only hidden where there is nothing to go back to.
 */
export function TopBar({ officeName, profile }: { officeName?: string; profile?: CalendarProfile }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('shell');
  const screen = useShellStore((s) => s.screen);
  const canGoBack = useShellStore((s) => s.history.length > 0 && s.screen.name !== 'today');
  const { navigate, back, setLanguage, toggleLargeText } = useShellStore.getState();
  const language = useShellStore((s) => s.language);
  const largeText = useShellStore((s) => s.largeText);
  const other = language === 'vi' ? 'en' : 'vi';
  const now = useNow(15_000);

  return (
    <header className="top-bar">
      <div className="frame-info">
        <div className="frame-office">
          <div className="office-name">{officeName ?? t('app.kioskName')}</div>
          {profile && <DeskStateText profile={profile} now={now} />}
        </div>
        <div className="frame-status">
          <FrameClock now={now} />
          <VolunteerBadge />
          <SyncBadge />
        </div>
      </div>
      <nav aria-label={t('nav.main')} className="top-actions">
        <FrameButton icon="back" label={t('nav.back')} onClick={back} hidden={!canGoBack} />
        <FrameButton
          icon="home"
          label={t('nav.today')}
          current={screen.name === 'today'}
          onClick={() => navigate({ name: 'today' })}
        />
        <FrameButton
          icon="find"
          label={t('nav.search')}
          current={screen.name === 'catalogue'}
          onClick={() => navigate({ name: 'catalogue' })}
        />
        <FrameButton
          icon="language"
          label={t('settings.switchLanguage')}
          lang={other}
          onClick={() => setLanguage(other)}
        />
        <ClipLanguageChoice />
        <FrameButton
          icon="largeText"
          label={t('settings.largeText')}
          pressed={largeText}
          onClick={toggleLargeText}
        />
        <FrameButton
          icon="staff"
          label={ts('nav.staff')}
          className="frame-staff"
          current={screen.name === 'staff'}
          onClick={() => navigate({ name: 'staff' })}
        />
      </nav>
    </header>
  );
}

function FrameButton({
  icon,
  label,
  onClick,
  current,
  pressed,
  hidden,
  lang,
  className,
}: {
  icon: IconName;
  label: string;
  onClick(): void;
  current?: boolean;
  pressed?: boolean;
  /** Kept in the layout (so no other button moves) but invisible and out of reach. */
  hidden?: boolean;
  lang?: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`frame-button${className ? ` ${className}` : ''}`}
      aria-current={current ? 'page' : undefined}
      aria-pressed={pressed}
      lang={lang}
      onClick={onClick}
      style={hidden ? { visibility: 'hidden' } : undefined}
      aria-hidden={hidden || undefined}
      tabIndex={hidden ? -1 : undefined}
      disabled={hidden}
    >
      <Icon name={icon} size="1.5em" />
      <span className="frame-label">{label}</span>
    </button>
  );
}
