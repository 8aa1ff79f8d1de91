import type { Catalogue } from '../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { BridgeFailure, type BridgeImplementation } from './bridge-handlers.ts';
import { NoKeptDocumentError, type PrintService } from './print/print-service.ts';
import type { SyncService } from './sync/sync-service.ts';
import type { TicketService } from './tickets/ticket-service.ts';
import type { DossierCodeMarkStore } from './dossier-code/code-mark-store.ts';
import type { DayKeyStore } from './at-rest/day-key-store.ts';
import type { SerialScannerService } from './serial-scanner/serial-scanner-service.ts';
import { SynthesisError } from './speech/espeak.ts';
import { SpeechUnavailableError, type SpeechService } from './speech/speech-service.ts';
import { profileForPage, type SetupCodeCheck } from './officer/setup-code.ts';
import type { OfficerPinService } from './officer/officer-pin.ts';

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
  /**
   * Both hosts pass one; without it the kiosk gets no at-rest key and stores no personal
   * data (a declaration cannot be saved) rather than store it in clear.
   */
  dayKeys?: DayKeyStore;
  /** Both hosts pass one; without it the serial scanner methods answer 'serial-unavailable'. */
  serialScanner?: SerialScannerService;
  /** Both hosts pass one; without it the kiosk reports that it cannot speak. */
  speech?: SpeechService;
  /** Both hosts pass one; without it the kiosk lists no queue services (no ticket button). */
  tickets?: TicketService;
  /** The profile's setup code as a hash (officer/setup-code.ts); without it no code matches. */
  setupCode?: SetupCodeCheck;
  /** Both hosts pass one; without it the officer PIN methods answer 'officer-unavailable' and re-enrolment is refused. */
  officer?: OfficerPinService;
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
  const officer = (): OfficerPinService => {
    if (!deps.officer) throw new BridgeFailure('officer-unavailable', 'This host keeps no officer PIN');
    return deps.officer;
  };
  const serialScanner = (): SerialScannerService => {
    if (!deps.serialScanner)
      throw new BridgeFailure('serial-unavailable', 'This host has no serial scanner service');
    return deps.serialScanner;
  };
  const speechFailure = (error: unknown): never => {
    if (error instanceof SpeechUnavailableError)
      throw new BridgeFailure('speech-unavailable', error.message, { reason: error.reason });
    if (error instanceof SynthesisError)
      throw new BridgeFailure(error.reason === 'timeout' ? 'speech-timeout' : 'speech-failed', error.message);
    throw error;
  };
  const notKept = (error: unknown): never => {
    if (error instanceof NoKeptDocumentError) throw new BridgeFailure('not-found', error.message);
    throw error;
  };

  return {
    getKioskConfig: () => ({
      profile: profileForPage(deps.profile),
      catalogue: deps.catalogue,
      appVersion: deps.appVersion,
      host: deps.host,
      setupCodeRequired: deps.setupCode?.required ?? false,
    }),
    officerPinState: async () => ({ state: await officer().state() }),
    officerPinVerify: (input) => officer().verify(input.pin),
    officerPinSet: (input) =>
      officer().set({
        newPin: input.newPin,
        currentPin: input.currentPin,
        ...(input.setupCode === undefined ? {} : { setupCode: input.setupCode }),
      }),
    officerPinReset: (input) => officer().reset(input),
    officerPinAdopt: (input) => officer().adopt(input.pin),
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
    atRestKey: async (input) => {
      if (!deps.dayKeys) throw new BridgeFailure('at-rest-unavailable', 'This host keeps no at-rest keys');
      const key = await deps.dayKeys.key(input.day, input.create);
      return { key: key && { day: key.day, keyBase64: Buffer.from(key.key).toString('base64') } };
    },
    shredAtRestKeys: async (input) => {
      if (!deps.dayKeys) throw new BridgeFailure('at-rest-unavailable', 'This host keeps no at-rest keys');
      return { shredded: await deps.dayKeys.shredBefore(input.before) };
    },
    syncEnrol: async ({ officerSession, ...input }) => {
      // An enrolled kiosk is moved to another office (or identity) only by an officer:
      // checked here, not only by the settings screen's PIN gate.
      const { kioskId } = await syncService().identity.state();
      if (kioskId !== null && !deps.officer?.sessionValid(officerSession))
        return {
          ok: false as const,
          reason: 'officer-required' as const,
          message: 'This kiosk is enrolled: enrolling it again needs the officer PIN',
        };
      return syncService().enrol(input);
    },
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
    queueServices: (input) =>
      deps.tickets ? deps.tickets.services(input) : { services: [], fetchedAt: null },
    takeTicket: (input) => {
      if (!deps.tickets) throw new BridgeFailure('tickets-unavailable', 'This host issues no tickets');
      return deps.tickets.take(input);
    },
    serialScannerStatus: () => serialScanner().status(),
    serialScannerConfigure: (input) => serialScanner().configure(input.settings),
    serialScannerPorts: async () => ({ ports: await serialScanner().ports() }),
    serialScannerTest: (input) => serialScanner().test(input.waitMs),
    serialScannerNext: (input) => serialScanner().next(input.after, input.waitMs, input.listener),
    serialScannerCancel: async (input) => {
      serialScanner().cancel(input.listener);
      return {};
    },
    speechStatus: async () =>
      deps.speech
        ? deps.speech.status()
        : {
            available: false,
            reason: 'not-installed' as const,
            voice: 'vi' as const,
            engine: null,
            languages: [],
          },
    speak: async (input) => {
      if (!deps.speech) throw new BridgeFailure('speech-unavailable', 'This host has no speech service');
      const spoken = await deps.speech.speak(input).catch(speechFailure);
      return {
        source: spoken.source,
        mime: spoken.mime as 'audio/wav',
        audioBase64: Buffer.from(spoken.audio).toString('base64'),
        spokenText: spoken.spokenText,
      };
    },
  };
}
