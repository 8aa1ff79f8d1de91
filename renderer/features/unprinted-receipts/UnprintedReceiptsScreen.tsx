import './unprinted-receipts.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unprintedReceiptByCode } from '../dossier/index.ts';
import { useShellStore } from '../shell/index.ts';
import { CodeKeypad } from '../../ui/index.ts';

/**
 * Receipts not printed: the citizen who has the dossier code (it was on the screen)
 * gets that one receipt and nobody else's; an officer gets the list. Nothing of any
 * dossier is shown before one of the two.
 */
export function UnprintedReceiptsScreen() {
  const { t } = useTranslation('unprintedReceipts');
  const codeBox = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<'empty' | 'unknown' | null>(null);
  const navigate = useShellStore((s) => s.navigate);

  const open = async () => {
    const typed = code.trim();
    if (!typed) return setError('empty');
    const dossier =
      (await unprintedReceiptByCode(typed)) ?? (await unprintedReceiptByCode(typed.toUpperCase()));
    if (!dossier) return setError('unknown');
    setError(null);
    navigate({ name: 'receipt', dossierId: dossier.id }, { clearHistory: true });
  };

  return (
    <main className="screen unprinted-receipts-screen">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <section aria-labelledby="unprinted-citizen">
        <h2 id="unprinted-citizen">{t('citizen.heading')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <label htmlFor="unprinted-code">{t('citizen.codeLabel')}</label>
          <input
            id="unprinted-code"
            ref={codeBox}
            className="lookup-code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? 'unprinted-code-error' : undefined}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          {error && (
            <p id="unprinted-code-error" role="alert" className="field-error">
              {t(`citizen.error.${error}`)}
            </p>
          )}
          <CodeKeypad
            target={codeBox}
            value={code}
            onChange={(next) => {
              setCode(next);
              setError(null);
            }}
          />
          <button type="submit" className="primary big">
            {t('citizen.print')}
          </button>
        </form>
      </section>
      <section aria-labelledby="unprinted-officer">
        <h2 id="unprinted-officer">{t('officer.heading')}</h2>
        <p>{t('officer.body')}</p>
        <button type="button" onClick={() => navigate({ name: 'dossiers', scope: 'unprinted' })}>
          {t('officer.open')}
        </button>
      </section>
    </main>
  );
}
