import { useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import { computeToday } from '../../../shared/domain/today.ts';
import { proceduresServedToday } from '../../../shared/domain/served-today.ts';
import type { ReformModelId } from '../../../shared/domain/reform-model.ts';
import { useKioskConfig, useShellStore } from '../shell/index.ts';
import { useNow } from '../../hooks/useNow.ts';
import { Icon } from '../../ui/icons/index.tsx';
import { useCatalogueStore } from './store.ts';
import { catalogueIndex, MAX_RESULTS, searchProcedures } from './catalogue-index.ts';
import { composeKeyDown, placeCaret, useKeyboardStore, VietnameseKeyboard } from '../../ui/index.ts';
import { ProcedureListItem } from './ProcedureListItem.tsx';
import { BrowseGroupGrid } from './BrowseGroupGrid.tsx';
import { ListenButton } from '../speech/index.ts';
import { catalogueSpeech, groupSpeech } from '../speech/index.ts';

/** The models serving each procedure today, for the badges. */
function useServedToday(): ReadonlyMap<string, ReformModelId[]> {
  const { profile } = useKioskConfig();
  const now = useNow();
  return useMemo(
    () => new Map(proceduresServedToday(computeToday(profile, now).models).map((s) => [s.code, s.models])),
    [profile, now],
  );
}

/**
 * "Tìm thủ tục": the fields first (tap a field, then a procedure or its "Khai tờ khai"),
 * and a search box for those who type. With `group`, the procedures of one field.
 */
export function CatalogueScreen({ group }: { group?: string }) {
  return group === undefined ? <CatalogueHome /> : <GroupProcedures groupId={group} />;
}

function CatalogueHome() {
  const { t, i18n } = useTranslation();
  const { t: tUi } = useTranslation('ui');
  const searchBox = useRef<HTMLInputElement>(null);
  const { catalogue } = useKioskConfig();
  const query = useCatalogueStore((s) => s.query);
  const setQuery = useCatalogueStore((s) => s.setQuery);
  const method = useKeyboardStore((s) => s.method);
  const keyboardVisible = useKeyboardStore((s) => s.visible);
  const setKeyboardVisible = useKeyboardStore((s) => s.setVisible);
  const navigate = useShellStore((s) => s.navigate);
  const served = useServedToday();
  const index = catalogueIndex(catalogue);
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';
  const { procedures, truncated } = useMemo(
    () => searchProcedures(index, deferredQuery),
    [index, deferredQuery],
  );
  const openGroup = (id: string) => navigate({ name: 'catalogue', group: id });

  return (
    <main className="screen catalogue-screen">
      <h1>{t('catalogue.heading')}</h1>
      <ListenButton
        label={t('speech:listenPage')}
        segments={() =>
          catalogueSpeech(
            i18n.getFixedT('vi'),
            searching
              ? {
                  kind: 'results',
                  procedures: procedures.map((p) => ({ code: p.code, name: p.name.vi })),
                  truncatedAt: truncated ? MAX_RESULTS : null,
                }
              : {
                  kind: 'groups',
                  groups: index.groups.map((g) => ({
                    name: g.name.vi,
                    ...(g.examples ? { examples: g.examples.vi } : {}),
                    count: g.procedures.length,
                  })),
                },
          )
        }
      />
      <section aria-label={t('catalogue.searchLabel')} className="search-section">
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
      </section>
      {!searching && (
        <section aria-labelledby="groups-heading" className="groups">
          <h2 id="groups-heading">{t('catalogue.groupsHeading')}</h2>
          <BrowseGroupGrid groups={index.groups} onOpen={openGroup} labelledBy="groups-heading" />
        </section>
      )}
      {searching && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('catalogue.results')}:{' '}
            <span role="status">{t('catalogue.count', { count: procedures.length })}</span>
          </h2>
          {procedures.length === 0 ? (
            <>
              <p className="no-results">{t('catalogue.noResults')}</p>
              <h3 id="groups-instead">{t('catalogue.groupsInstead')}</h3>
              <BrowseGroupGrid groups={index.groups} onOpen={openGroup} labelledBy="groups-instead" />
            </>
          ) : (
            <ul className="procedure-list" aria-labelledby="results-heading">
              {procedures.map((p) => (
                <ProcedureListItem
                  key={p.code}
                  procedure={p}
                  servedBy={served.get(p.code)}
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

function GroupProcedures({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { catalogue } = useKioskConfig();
  const navigate = useShellStore((s) => s.navigate);
  const served = useServedToday();
  const group = catalogueIndex(catalogue).groups.find((g) => g.id === groupId);
  if (!group) {
    return (
      <main className="screen">
        <h1>{t('catalogue.groupMissing')}</h1>
      </main>
    );
  }
  return (
    <main className="screen catalogue-screen">
      <h1 className="with-icon">
        <Icon name={group.icon} size="1.3em" />
        {group.name[lang]}
      </h1>
      <ListenButton
        label={t('speech:listenPage')}
        segments={() =>
          groupSpeech(
            { name: group.name.vi },
            group.procedures.map((p) => ({ code: p.code, name: p.name.vi })),
          )
        }
      />
      <ul className="procedure-list" aria-label={t('catalogue.proceduresOf', { field: group.name[lang] })}>
        {group.procedures.map((p) => (
          <ProcedureListItem
            key={p.code}
            procedure={p}
            showField={false}
            servedBy={served.get(p.code)}
            onOpen={() => navigate({ name: 'procedure', code: p.code })}
          />
        ))}
      </ul>
    </main>
  );
}
