import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { BridgeClient } from '../../bridge/client.ts';
import { ensureLanguage, initI18n } from '../../i18n/index.ts';
import { useConfigStore } from './config-store.ts';
import { useShellStore } from './store.ts';
import { TopBar } from './TopBar.tsx';
import { IdleGuard } from './IdleGuard.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';
import { BridgeContext } from './bridge-context.ts';
import { SCREENS, loadOverlays, preloadScreens } from './screens.tsx';
import { afterFirstPaint } from './first-paint.ts';
import type { ComponentType } from 'react';
import type { Screen } from './store.ts';

export function App({ client }: { client: BridgeClient }) {
  const i18n = useMemo(() => initI18n('vi'), []);
  const language = useShellStore((s) => s.language);
  const largeText = useShellStore((s) => s.largeText);

  useEffect(() => {
    // English is fetched the first time it is chosen; a choice changed meanwhile wins.
    let live = true;
    void ensureLanguage(i18n, language).then(() => {
      if (!live) return;
      // Only a real change: the event re-renders every translated component, and at start
      // the language is already the one the instance was made with.
      if (i18n.language !== language) void i18n.changeLanguage(language);
      document.documentElement.lang = language;
    });
    return () => {
      live = false;
    };
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);

  useEffect(() => {
    // main.tsx starts the load before the first frame; this joins it, or starts one when
    // the App is mounted on its own (tests). A failed load waits for the error screen's retry.
    if (useConfigStore.getState().state.status === 'loading') void useConfigStore.getState().load(client);
  }, [client]);

  return (
    <I18nextProvider i18n={i18n}>
      <BridgeContext.Provider value={client}>
        <Shell client={client} />
      </BridgeContext.Provider>
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
      <TopBar officeName={profile.office.name} profile={profile} />
      <CurrentScreen screen={screen} />
      <PreloadScreens />
      <Overlays screenName={screen.name} />
      <IdleGuard
        timeoutSeconds={profile.kiosk.idleTimeoutSeconds}
        warningSeconds={profile.kiosk.idleWarningSeconds}
      />
    </>
  );
}

/**
 * The overlays every screen shares, fetched once the first screen is painted (not with the
 * start bundle). A failed fetch is tried again when the screen changes.
 */
function Overlays({ screenName }: { screenName: Screen['name'] }) {
  const [overlays, setOverlays] = useState<readonly ComponentType[] | null>(null);
  useEffect(() => {
    if (overlays) return;
    let live = true;
    afterFirstPaint()
      .then(loadOverlays)
      .then(
        (loaded) => live && setOverlays(loaded),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [overlays, screenName]);
  return overlays?.map((Overlay, i) => <Overlay key={i} />);
}

/** Once the first screen is up and the browser is idle, fetch the other screens' chunks. */
function PreloadScreens() {
  useEffect(() => {
    // A chunk that fails to prefetch is fetched again when its screen is opened.
    const preload = () => void preloadScreens().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preload, { timeout: 2_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(preload, 500);
    return () => clearTimeout(id);
  }, []);
  return null;
}

function CurrentScreen({ screen }: { screen: Screen }) {
  // The registry is typed per screen name; here the pairing is by construction.
  const Component = SCREENS[screen.name] as ComponentType<{ screen: Screen }>;
  return <Component key={screenKey(screen)} screen={screen} />;
}

/** A new declaration or dossier is a fresh screen instance, never the previous one's state. */
function screenKey(screen: Screen): string {
  return JSON.stringify(screen);
}
