import { useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { BridgeClient } from '../../bridge/client.ts';
import { initI18n } from '../../i18n/index.ts';
import { useConfigStore } from './config-store.ts';
import { useShellStore } from './store.ts';
import { TopBar } from './TopBar.tsx';
import { IdleGuard } from './IdleGuard.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';
import { TodayScreen } from '../today/TodayScreen.tsx';
import { CatalogueScreen } from '../catalogue/CatalogueScreen.tsx';
import { ProcedureScreen } from '../procedure/ProcedureScreen.tsx';

export function App({ client }: { client: BridgeClient }) {
  const i18n = useMemo(() => initI18n('vi'), []);
  const language = useShellStore((s) => s.language);
  const largeText = useShellStore((s) => s.largeText);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);

  useEffect(() => {
    void useConfigStore.getState().load(client);
  }, [client]);

  return (
    <I18nextProvider i18n={i18n}>
      <Shell client={client} />
    </I18nextProvider>
  );
}

function Shell({ client }: { client: BridgeClient }) {
  const { t } = useTranslation();
  const state = useConfigStore((s) => s.state);
  const screen = useShellStore((s) => s.screen);

  useEffect(() => {
    document.title = state.status === 'ready' ? state.config.profile.office.name : t('app.kioskName');
  }, [state, t]);

  if (state.status === 'loading') {
    return (
      <>
        <TopBar />
        <main className="screen">
          <p role="status">{t('app.loading')}</p>
        </main>
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <TopBar />
        <ErrorScreen code={state.code} onRetry={() => void useConfigStore.getState().load(client)} />
      </>
    );
  }
  const { profile } = state.config;
  return (
    <>
      <TopBar officeName={profile.office.name} />
      {screen.name === 'today' && <TodayScreen />}
      {screen.name === 'catalogue' && <CatalogueScreen />}
      {screen.name === 'procedure' && <ProcedureScreen code={screen.code} />}
      <IdleGuard
        timeoutSeconds={profile.kiosk.idleTimeoutSeconds}
        warningSeconds={profile.kiosk.idleWarningSeconds}
      />
    </>
  );
}
