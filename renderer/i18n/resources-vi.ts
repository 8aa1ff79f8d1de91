/**
 * Every Vietnamese string of the kiosk, by namespace: the shared strings are the default
 * namespace ("translation"); a feature keeps its own in renderer/features/<feature>/locales/,
 * registered here and in ./resources-en.ts with one line each, and reads them with
 * useTranslation('<feature>'). Vietnamese is loaded at start; English when first chosen.
 */
import vi from './locales/vi.json';
import declarationVi from '../features/declaration/locales/vi.json';
import scanVi from '../features/scan/locales/vi.json';
import receiptVi from '../features/receipt/locales/vi.json';
import satisfactionVi from '../features/satisfaction/locales/vi.json';
import volunteerSessionVi from '../features/volunteer-session/locales/vi.json';
import settingsVi from '../features/settings/locales/vi.json';
import dossiersVi from '../features/dossiers/locales/vi.json';
import attachmentsVi from '../features/attachments/locales/vi.json';
import syncVi from '../features/sync/locales/vi.json';
import statusLookupVi from '../features/status-lookup/locales/vi.json';
import shellVi from '../features/shell/locales/vi.json';
import unprintedReceiptsVi from '../features/unprinted-receipts/locales/vi.json';
import speechVi from '../features/speech/locales/vi.json';
import queueTicketVi from '../features/queue-ticket/locales/vi.json';
import uiVi from '../ui/locales/vi.json';

export const viResources = {
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
} as const;
