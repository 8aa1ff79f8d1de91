import { useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskConfig } from '../shell/config-store.ts';
import { useShellStore } from '../shell/store.ts';
import { useCatalogueStore } from './store.ts';
import { catalogueIndex, MAX_RESULTS, searchProcedures } from './catalogue-index.ts';
import { composeKeyDown, placeCaret, useKeyboardStore, VietnameseKeyboard } from '../../ui/index.ts';
import { ProcedureListItem } from './ProcedureListItem.tsx';

export function CatalogueScreen() {
  const { t } = useTranslation();
  const { t: tUi } = useTranslation('ui');
  const searchBox = useRef<HTMLInputElement>(null);
  const { catalogue } = useKioskConfig();
  const query = useCatalogueStore((s) => s.query);
  const setQuery = useCatalogueStore((s) => s.setQuery);
  const method = useKeyboardStore((s) => s.method);
  const keyboardVisible = useKeyboardStore((s) => s.visible);
  const setKeyboardVisible = useKeyboardStore((s) => s.setVisible);
  const navigate = useShellStore((s) => s.navigate);
  const index = catalogueIndex(catalogue);
  const deferredQuery = useDeferredValue(query);
  const { procedures, truncated } = useMemo(
    () => searchProcedures(index, deferredQuery),
    [index, deferredQuery],
  );

  return (
    <main className="screen catalogue-screen">
      <h1>{t('catalogue.heading')}</h1>
      <p id="search-hint">{t('catalogue.hint')}</p>
      <div className="search-row">
        <input
          type="search"
          ref={searchBox}
          className="search-input"
          aria-label={t('catalogue.searchLabel')}
          aria-describedby="search-hint"
          placeholder={t('catalogue.placeholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            const edit = composeKeyDown(e.nativeEvent, e.currentTarget, method);
            if (edit !== null) {
              e.preventDefault();
              setQuery(edit.text);
              placeCaret(e.currentTarget, edit, query);
            }
          }}
        />
        <button
          type="button"
          aria-expanded={keyboardVisible}
          onClick={() => setKeyboardVisible(!keyboardVisible)}
        >
          {keyboardVisible ? tUi('keyboard.hide') : tUi('keyboard.show')}
        </button>
      </div>
      {keyboardVisible && <VietnameseKeyboard value={query} onChange={setQuery} target={searchBox} />}
      {deferredQuery.trim() !== '' && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('catalogue.results')}:{' '}
            <span role="status">{t('catalogue.count', { count: procedures.length })}</span>
          </h2>
          {procedures.length === 0 ? (
            <p>{t('catalogue.noResults')}</p>
          ) : (
            <ul className="procedure-list" aria-labelledby="results-heading">
              {procedures.map((p) => (
                <ProcedureListItem
                  key={p.code}
                  procedure={p}
                  onOpen={() => navigate({ name: 'procedure', code: p.code })}
                />
              ))}
            </ul>
          )}
          {truncated && <p>{t('catalogue.truncated', { shown: MAX_RESULTS })}</p>}
        </section>
      )}
    </main>
  );
}
