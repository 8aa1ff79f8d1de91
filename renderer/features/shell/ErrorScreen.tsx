import { useTranslation } from 'react-i18next';

/** Shown instead of any screen when the office configuration cannot be loaded. */
export function ErrorScreen({ code, onRetry }: { code: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen error-screen">
      <h1>{t('error.configTitle')}</h1>
      <p role="alert">{t('error.configBody')}</p>
      <p className="technical">{t('error.technical', { code })}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </main>
  );
}
