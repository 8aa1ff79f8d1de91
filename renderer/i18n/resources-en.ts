/** Every English string of the kiosk, by namespace (see ./resources-vi.ts); loaded when English is first chosen. */
import en from './locales/en.json';
import declarationEn from '../features/declaration/locales/en.json';
import scanEn from '../features/scan/locales/en.json';
import receiptEn from '../features/receipt/locales/en.json';
import satisfactionEn from '../features/satisfaction/locales/en.json';
import volunteerSessionEn from '../features/volunteer-session/locales/en.json';
import settingsEn from '../features/settings/locales/en.json';
import dossiersEn from '../features/dossiers/locales/en.json';
import attachmentsEn from '../features/attachments/locales/en.json';
import syncEn from '../features/sync/locales/en.json';
import statusLookupEn from '../features/status-lookup/locales/en.json';
import shellEn from '../features/shell/locales/en.json';
import unprintedReceiptsEn from '../features/unprinted-receipts/locales/en.json';
import speechEn from '../features/speech/locales/en.json';
import queueTicketEn from '../features/queue-ticket/locales/en.json';
import uiEn from '../ui/locales/en.json';

export const enResources = {
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
} as const;
