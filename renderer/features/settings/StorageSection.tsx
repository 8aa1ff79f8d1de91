import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import { formatBytes } from '../attachments/index.ts';
import { DEFAULT_ATTACHMENT_BUDGET, requestPersistence, attachmentBytesStored } from '../dossier/index.ts';

interface StorageFacts {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  attachmentBytes: number;
}

async function readStorage(): Promise<StorageFacts> {
  const storage = globalThis.navigator?.storage;
  const [estimate, persisted, attachmentBytes] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    attachmentBytesStored(),
  ]);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
    attachmentBytes,
  };
}

/** How much of the browser's storage the kiosk uses, and whether it is protected from eviction. */
export function StorageSection() {
  const { t, i18n } = useTranslation('settings');
  const language = i18n.language as Language;
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [persistMessage, setPersistMessage] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void readStorage().then(setFacts);
  }, []);
  useEffect(refresh, [refresh]);

  if (!facts) return <p role="status">{t('loading')}</p>;
  const bytes = (n: number) => formatBytes(n, language);
  return (
    <>
      <dl className="facts">
        <dt>{t('storage.used')}</dt>
        <dd>
          {facts.usage !== null && facts.quota !== null
            ? t('storage.usedOf', { used: bytes(facts.usage), quota: bytes(facts.quota) })
            : t('storage.unknown')}
        </dd>
        <dt>{t('storage.attachments')}</dt>
        <dd>
          {t('storage.usedOf', {
            used: bytes(facts.attachmentBytes),
            quota: bytes(DEFAULT_ATTACHMENT_BUDGET.maxTotalBytes),
          })}
        </dd>
        <dt>{t('storage.persistence')}</dt>
        <dd>
          {facts.persisted === null
            ? t('storage.unknown')
            : facts.persisted
              ? t('storage.persisted')
              : t('storage.notPersisted')}
        </dd>
      </dl>
      {facts.persisted === false && (
        <button
          type="button"
          onClick={() =>
            void requestPersistence().then((result) => {
              setPersistMessage(t(`storage.persist.${result}`));
              refresh();
            })
          }
        >
          {t('storage.requestPersist')}
        </button>
      )}
      {persistMessage && <p role="status">{persistMessage}</p>}
    </>
  );
}
