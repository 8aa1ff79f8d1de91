import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json';
import en from './locales/en.json';
import declarationVi from '../features/declaration/locales/vi.json';
import declarationEn from '../features/declaration/locales/en.json';
import scanVi from '../features/scan/locales/vi.json';
import scanEn from '../features/scan/locales/en.json';
import receiptVi from '../features/receipt/locales/vi.json';
import receiptEn from '../features/receipt/locales/en.json';
import satisfactionVi from '../features/satisfaction/locales/vi.json';
import satisfactionEn from '../features/satisfaction/locales/en.json';
import volunteerSessionVi from '../features/volunteer-session/locales/vi.json';
import volunteerSessionEn from '../features/volunteer-session/locales/en.json';
import settingsVi from '../features/settings/locales/vi.json';
import settingsEn from '../features/settings/locales/en.json';
import dossiersVi from '../features/dossiers/locales/vi.json';
import dossiersEn from '../features/dossiers/locales/en.json';
import attachmentsVi from '../features/attachments/locales/vi.json';
import attachmentsEn from '../features/attachments/locales/en.json';
import syncVi from '../features/sync/locales/vi.json';
import syncEn from '../features/sync/locales/en.json';
import statusLookupVi from '../features/status-lookup/locales/vi.json';
import statusLookupEn from '../features/status-lookup/locales/en.json';
import shellVi from '../features/shell/locales/vi.json';
import shellEn from '../features/shell/locales/en.json';
import unprintedReceiptsVi from '../features/unprinted-receipts/locales/vi.json';
import unprintedReceiptsEn from '../features/unprinted-receipts/locales/en.json';
import speechVi from '../features/speech/locales/vi.json';
import speechEn from '../features/speech/locales/en.json';
import queueTicketVi from '../features/queue-ticket/locales/vi.json';
import queueTicketEn from '../features/queue-ticket/locales/en.json';
import uiVi from '../ui/locales/vi.json';
import uiEn from '../ui/locales/en.json';
import type { Language } from '../../shared/domain/localised.ts';

/**
 * The shared strings are the default namespace ("translation"); a feature may keep its
 * own strings in renderer/features/<feature>/locales/{vi,en}.json, registered here with one
 * line per language, and read them with useTranslation('<feature>').
 */
export const resources = {
  vi: {
    translation: vi,
    declaration: declarationVi,
    scan: scanVi,
    receipt: receiptVi,
    satisfaction: satisfactionVi,
    volunteerSession: volunteerSessionVi,
    settings: settingsVi,
    dossiers: dossiersVi,
    attachments: attachmentsVi,
    sync: syncVi,
    statusLookup: statusLookupVi,
    shell: shellVi,
    unprintedReceipts: unprintedReceiptsVi,
    speech: speechVi,
    queueTicket: queueTicketVi,
    ui: uiVi,
  },
  en: {
    translation: en,
    declaration: declarationEn,
    scan: scanEn,
    receipt: receiptEn,
    satisfaction: satisfactionEn,
    volunteerSession: volunteerSessionEn,
    settings: settingsEn,
    dossiers: dossiersEn,
    attachments: attachmentsEn,
    sync: syncEn,
    statusLookup: statusLookupEn,
    shell: shellEn,
    unprintedReceipts: unprintedReceiptsEn,
    speech: speechEn,
    queueTicket: queueTicketEn,
    ui: uiEn,
  },
} as const;

/** Vietnamese is the default and the fallback: a missing English string shows in Vietnamese, never as a key. */
export function initI18n(language: Language = 'vi') {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    ns: Object.keys(resources.vi),
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
