import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import type { BrowseGroup } from '../../../shared/catalogue/browse-groups.ts';
import { Icon } from '../../ui/icons/index.tsx';

/** The fields as big tiles with a pictogram: the way in for people who do not type. */
export function BrowseGroupGrid({
  groups,
  onOpen,
  labelledBy,
}: {
  groups: readonly BrowseGroup[];
  onOpen(groupId: string): void;
  labelledBy: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  return (
    <ul className="group-grid" aria-labelledby={labelledBy}>
      {groups.map((g) => (
        <li key={g.id}>
          <button type="button" className="group-tile" onClick={() => onOpen(g.id)}>
            <Icon name={g.icon} size="2.4em" className="group-icon" />
            <span className="group-text">
              <span className="group-name">{g.name[lang]}</span>
              {g.examples && <span className="group-examples">{g.examples[lang]}</span>}
              <span className="group-count">{t('catalogue.groupCount', { count: g.procedures.length })}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
