import type { Catalogue } from '../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { BridgeFailure, type BridgeImplementation } from './bridge-handlers.ts';
import { NoKeptDocumentError, type PrintService } from './print/print-service.ts';
import type { SyncService } from './sync/sync-service.ts';
import type { DossierCodeMarkStore } from './dossier-code/code-mark-store.ts';

export interface KioskServiceDeps {
  profile: OfficeProfile;
  catalogue: Catalogue;
  appVersion: string;
  host: 'electron' | 'headless';
  /** Both hosts pass one; without it the print methods answer 'print-unavailable'. */
  print?: PrintService;
  /** Both hosts pass one; without it the sync methods answer 'sync-unavailable'. */
  sync?: SyncService;
  /** Both hosts pass one; without it the mark answers 'code-mark-unavailable'. */
  codeMark?: DossierCodeMarkStore;
}

/**
 * The implementations behind the bridge methods. Hosts build this once at start with
 * the validated profile; later services (printing, sync transport) join here with
 * their own injected collaborators.
 */
export function createKioskServices(deps: KioskServiceDeps): BridgeImplementation {
  const printService = (): PrintService => {
    if (!deps.print) throw new BridgeFailure('print-unavailable', 'This host has no print service');
    return deps.print;
  };
  const syncService = (): SyncService => {
    if (!deps.sync) throw new BridgeFailure('sync-unavailable', 'This host has no sync service');
    return deps.sync;
  };
  const notKept = (error: unknown): never => {
    if (error instanceof NoKeptDocumentError) throw new BridgeFailure('not-found', error.message);
    throw error;
  };

  return {
    getKioskConfig: () => ({
      profile: deps.profile,
      catalogue: deps.catalogue,
      appVersion: deps.appVersion,
      host: deps.host,
    }),
    printDocument: (input) => printService().print(input),
    reprintDocument: (input) => printService().reprint(input).catch(notKept),
    getPrintedPdf: async (input) => {
      const pdf = await printService().readPdf(input);
      if (!pdf) throw new BridgeFailure('not-found', `No kept ${input.kind} for dossier ${input.dossierId}`);
      return { pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
    },
    forgetPrintedDocuments: (input) => printService().forget(input.dossierIds),
    dossierCodeMark: (input) => {
      if (!deps.codeMark) throw new BridgeFailure('code-mark-unavailable', 'This host keeps no code mark');
      return deps.codeMark.mark(input.record);
    },
    syncEnrol: (input) => syncService().enrol(input),
    syncPush: (input) => syncService().push(input),
    syncPull: (input) => syncService().pull(input),
    syncStatus: (input) => syncService().status(input),
    syncAttachmentState: (input) => syncService().attachmentState(input.hash),
    syncUploadAttachmentChunk: (input) =>
      syncService().uploadChunk({
        hash: input.hash,
        offset: input.offset,
        total: input.total,
        bytes: new Uint8Array(Buffer.from(input.bytesBase64, 'base64')),
      }),
  };
}
