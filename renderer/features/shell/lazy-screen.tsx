/**
 * A screen whose code is fetched the first time it is needed.
 *
 * Not React.lazy with Suspense: React reveals resolved Suspense content on a throttle
 * timer, so a page whose clock is held (the idle-reset tests hold it; so would a kiosk
 * whose timers are starved) stays on the loading line. Here a screen already fetched
 * renders in the same commit, and one still loading is shown as soon as its promise
 * settles, with no timer between.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

export interface LazyScreen<P> {
  Component: ComponentType<P>;
  /** Fetches the chunk; resolves once the screen can render without waiting. */
  preload: () => Promise<unknown>;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;

  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (the chunk missing after an update, say) is retried on the next open.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  function Component(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (component) => live && setLoaded(() => component),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [Loaded, attempt]);

    if (Loaded) return <Loaded {...props} />;
    return (
      <ScreenLoading
        failed={failed}
        onRetry={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  return { Component, preload };
}

function ScreenLoading({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen">
      {failed ? (
        <>
          <p role="alert">{t('app.screenFailed')}</p>
          <button type="button" className="primary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('app.screenLoading')}</p>
      )}
    </main>
  );
}
