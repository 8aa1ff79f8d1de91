import './unprinted-receipts.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterFirstPaint, useShellStore } from '../shell/index.ts';

/**
 * On Today: how many receipts wait to be printed (a crash, or no printer), and the way
 * to print them. Only a count: the screen is public, whose receipts they are is not shown.
 */
export function UnprintedReceiptsNotice() {
  const { t } = useTranslation('unprintedReceipts');
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    // The stored dossiers' API (and IndexedDB's library) load once Today is painted.
    afterFirstPaint()
      .then(() => import('../dossier/index.ts'))
      .then(({ unprintedReceiptCount }) => unprintedReceiptCount())
      .then(
        (n) => live && setCount(n),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  if (count === 0) return null;
  return (
    <section className="unprinted-notice" aria-labelledby="unprinted-notice-heading">
      <h2 id="unprinted-notice-heading">{t('notice.heading', { count })}</h2>
      <p>{t('notice.body')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => useShellStore.getState().navigate({ name: 'unprintedReceipts' })}
      >
        {t('notice.action')}
      </button>
    </section>
  );
}
