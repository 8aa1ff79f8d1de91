import type { Catalogue } from '../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { BridgeFailure, type BridgeImplementation } from './bridge-handlers.ts';
import { NoKeptDocumentError, type PrintService } from './print/print-service.ts';
import type { SyncService } from './sync/sync-service.ts';
import type { SerialScannerService } from './serial-scanner/serial-scanner-service.ts';

export interface KioskServiceDeps {
  profile: OfficeProfile;
  catalogue: Catalogue;
  appVersion: string;
  host: 'electron' | 'headless';
  /** Both hosts pass one; without it the print methods answer 'print-unavailable'. */
  print?: PrintService;
  /** Both hosts pass one; without it the sync methods answer 'sync-unavailable'. */
  sync?: SyncService;
  /** Both hosts pass one; without it the serial scanner methods answer 'serial-unavailable'. */
  serialScanner?: SerialScannerService;
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
  const serialScanner = (): SerialScannerService => {
    if (!deps.serialScanner)
      throw new BridgeFailure('serial-unavailable', 'This host has no serial scanner service');
    return deps.serialScanner;
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
    serialScannerStatus: () => serialScanner().status(),
    serialScannerConfigure: (input) => serialScanner().configure(input.settings),
    serialScannerPorts: async () => ({ ports: await serialScanner().ports() }),
    serialScannerTest: (input) => serialScanner().test(input.waitMs),
    serialScannerNext: (input) => serialScanner().next(input.after, input.waitMs),
  };
}
