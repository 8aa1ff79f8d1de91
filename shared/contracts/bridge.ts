import { z } from 'zod';
import { bridgeStartContract, type BridgeResponse } from './bridge-start.ts';
import {
  AttachmentStateSchema,
  DossierStatusInfoSchema,
  PushItemSchema,
  PushResultSchema,
  Sha256HexSchema,
  SYNC_LIMITS,
} from './sync.ts';
import { serialScannerMethods } from './serial-scanner.ts';
import { officerMethods } from './officer.ts';
import { LookupKeySchema } from '../dossier/lookup-key.ts';
import { ClipLanguageSchema, SpeechKeySchema } from '../speech/clips.ts';
import { SPEECH_VOICES } from '../speech/voices.ts';
import { PriorityGroupSchema } from '../queue/ticket.ts';
import { KioskQueueServiceSchema, KioskTicketSchema, TAKE_TICKET_FAILURES } from './tickets.ts';

/** A Vietnam calendar day, YYYY-MM-DD: the unit of the at-rest keys. */
export const AtRestDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Printed documents: the declaration form (A4), the receipt (paper per office setting) and
 * the queue ticket (80 mm; not a dossier's: it is kept under one fixed id, the last one only).
 */
export const PrintKindSchema = z.enum(['declaration', 'receipt', 'ticket']);
export type PrintKind = z.infer<typeof PrintKindSchema>;
/** Same values as the office profile's kiosk.receiptPaper; '80mm' is a thermal roll. */
export const PrintPaperSchema = z.enum(['A4', 'A5', '80mm']);
export type PrintPaper = z.infer<typeof PrintPaperSchema>;
/** Limit on a document's HTML (an embedded QR image is a few kB; the fonts are added in main). */
export const PRINT_HTML_MAX_CHARS = 5 * 1024 * 1024;
/** The dossier's UUID (or any id safe as a folder name: it names the folder its PDFs are kept in). */
export const PrintDossierIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/);
/** Most dossiers per forgetPrintedDocuments call (retention sends a batch at a time). */
export const FORGET_PRINTED_MAX_IDS = 500;
export const PRINT_FAILURE_REASONS = [
  'no-printer',
  'printer-offline',
  'paper-out',
  'print-failed',
  'render-failed',
] as const;
export const PrintFailureSchema = z.object({
  reason: z.enum(PRINT_FAILURE_REASONS),
  /** For logs and officers; the renderer shows a localised text chosen by `reason`. */
  message: z.string(),
});
export type PrintFailure = z.infer<typeof PrintFailureSchema>;
/**
 * The outcome of a print request. The PDF is kept whenever rendering succeeded, even if
 * printing failed, so a reprint never needs the dossier again. `printVia: 'renderer'`
 * (headless host without a configured CUPS printer) means main did not print: the
 * renderer must print the document at `documentUrl` itself (hidden iframe + print();
 * the kiosk Chromium runs with --kiosk-printing, so no dialog appears).
 */
export const PrintResultSchema = z.object({
  printed: z.boolean(),
  printVia: z.enum(['main', 'renderer']),
  pdfKept: z.boolean(),
  /** Bytes of the kept PDF (0 when none). */
  pdfBytes: z.number().int().min(0),
  /** Same-origin path of the kept document (HTML with fonts), for printVia 'renderer'. */
  documentUrl: z.string().optional(),
  failure: PrintFailureSchema.optional(),
});
export type PrintResult = z.infer<typeof PrintResultSchema>;

// ---------------------------------------------------------------- sync (kiosk side)

/** Why an enrolment did not happen; the renderer shows a localised text per reason. */
export const SYNC_ENROL_FAILURES = [
  /** Not an http(s) address. */
  'bad-url',
  /** Not shaped like a code (ABCD-2345). */
  'bad-code',
  /** The office refused the code: unknown, already used or expired. */
  'code-refused',
  /** No answer from that address. */
  'unreachable',
  /** Something answered, but not a commune office server (wrong address, captive portal). */
  'not-an-office',
  'server-error',
  /** An https:// address without a whole SHA-256 certificate fingerprint (64 hex digits). */
  'bad-fingerprint',
  /** A plain http:// address while the kiosk is not on the development switch. */
  'insecure-http',
  /** The server presented a certificate other than the fingerprint given: nothing was sent. */
  'untrusted-office',
  /** The kiosk is enrolled: enrolling it again (to another office, say) needs an officer's PIN. */
  'officer-required',
] as const;

/**
 * Why a push/pull/upload failed as a whole. 'unauthorized' and 'revoked' set
 * needsReEnrolment; 'rejected' is any other 4xx (never retried unchanged).
 */
export const SYNC_FAILURES = [
  'not-enrolled',
  'offline',
  'unauthorized',
  'revoked',
  'rate-limited',
  'server-error',
  'invalid-response',
  'rejected',
  /** The office presented a certificate this kiosk has not pinned: nothing was sent. */
  'untrusted-office',
] as const;
export type SyncFailureKind = (typeof SYNC_FAILURES)[number];

export const SyncFailureSchema = z.object({
  ok: z.literal(false),
  failure: z.enum(SYNC_FAILURES),
  /** For staff and logs (from the office's error body when it sent one). */
  reasons: z.array(z.string()),
  /** The office's Retry-After (429/503), in ms. */
  retryAfterMs: z.number().int().min(0).optional(),
});
export type SyncFailure = z.infer<typeof SyncFailureSchema>;

export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  /** The kiosk's identity at the office (from enrolment); null before. */
  kioskId: z.string().nullable(),
  /** The office address (enrolled, or suggested by the host before enrolment). */
  officeUrl: z.string().nullable(),
  officeName: z.string().nullable(),
  /** The office's health endpoint answered validly at the last probe (not the OS online flag). */
  online: z.boolean(),
  lastProbeAt: z.string().nullable(),
  /** Last push/pull the office answered validly (ISO instant). */
  lastSuccessAt: z.string().nullable(),
  /** The office answered 401/403: staff must enrol the kiosk again; every dossier is kept. */
  needsReEnrolment: z.boolean(),
  /** How the token is kept: OS keychain (Electron) or an owner-only file (headless host). */
  tokenProtection: z.enum(['os-keychain', 'basic-text', 'file-0600']).nullable(),
  /**
   * The office certificates the kiosk accepts (SHA-256, pinned at enrolment; `next` while
   * the office rotates); null on plain HTTP (development switch) or before enrolment.
   */
  officeCertificate: z.object({ pinned: z.string(), next: z.string().nullable() }).nullable().optional(),
  /**
   * The last connection to the office was refused before anything was sent (a certificate
   * that is not pinned, none pinned, or plain HTTP); null once a connection succeeds.
   */
  untrustedOffice: z
    .object({
      reason: z.enum(['certificate-mismatch', 'not-pinned', 'plain-http']),
      presented: z.string().nullable(),
      at: z.string(),
    })
    .nullable()
    .optional(),
  /** The cadence the renderer's sync engine uses (hosts shorten it for tests). */
  timing: z.object({
    baseMs: z.number().int().positive(),
    capMs: z.number().int().positive(),
    idleMs: z.number().int().positive(),
  }),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const DossierCodeStateSchema = z.object({
  lastDate: z.iso.date().nullable(),
  lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
// ---------------------------------------------------------------- reading aloud

/** Longest text one `speak` call takes: screens are read a sentence or a paragraph at a time. */
export const SPEAK_MAX_CHARS = 1000;
/** Why the kiosk cannot speak: no espeak-ng, or no Vietnamese voice in it. */
export const SPEECH_UNAVAILABLE_REASONS = ['not-installed', 'no-voice'] as const;

export const SpeechStatusSchema = z.object({
  /** Whether Vietnamese synthesis works here; without it the listen buttons are not shown. */
  available: z.boolean(),
  reason: z.enum(SPEECH_UNAVAILABLE_REASONS).nullable(),
  voice: z.enum(SPEECH_VOICES),
  /** espeak-ng's version line, for the settings screen. */
  engine: z.string().nullable(),
  /** Recorded languages the kiosk holds clips for. */
  languages: z.array(ClipLanguageSchema),
});
export type SpeechStatus = z.infer<typeof SpeechStatusSchema>;

/** Raw bytes per attachment chunk through the bridge (base64 keeps it well under the bridge body limit). */
export const SYNC_BRIDGE_CHUNK_BYTES = 256 * 1024;

/**
 * The renderer↔main bridge: one contract, declared once. The Electron preload exposes
 * it as `window.kiosk.invoke(method, input)` over IPC; the headless Node host exposes
 * it as `POST /bridge/<method>` on loopback. Both sides validate with these schemas,
 * so the renderer never knows (or cares) which host it runs under.
 *
 * To add a method: add an entry here, implement it in main/services, and register it
 * in main/services/bridge-handlers.ts; both hosts pick it up from there.
 */
export const bridgeContract = {
  ...bridgeStartContract,
  // The officer PIN, checked by main; the setup code never crosses the bridge.
  ...officerMethods,
  /**
   * Render a document to PDF (kept under the data folder for reprint) and print it on
   * the configured printer. The HTML is treated as untrusted: rendered with scripts
   * disabled and every network request blocked. Main adds the embedded print fonts
   * (assets/fonts) itself, so the HTML need not carry them.
   */
  printDocument: {
    input: z.object({
      kind: PrintKindSchema,
      paper: PrintPaperSchema,
      html: z.string().min(1).max(PRINT_HTML_MAX_CHARS),
      title: z.string().max(200).default(''),
      dossierId: PrintDossierIdSchema,
      copies: z.number().int().min(1).max(5).default(1),
    }),
    output: PrintResultSchema,
  },
  /** Print the kept document again (from the dossier list, or the retry after a failure). */
  reprintDocument: {
    input: z.object({
      kind: PrintKindSchema,
      dossierId: PrintDossierIdSchema,
      copies: z.number().int().min(1).max(5).default(1),
    }),
    output: PrintResultSchema,
  },
  /** The kept PDF, base64; fails with code 'not-found' when none was kept. */
  getPrintedPdf: {
    input: z.object({ kind: PrintKindSchema, dossierId: PrintDossierIdSchema }),
    output: z.object({ pdfBase64: z.string(), bytes: z.number().int().min(0) }),
  },
  /**
   * Retention: remove the kept printed documents (PDF, HTML, page data) of dossiers whose
   * personal data the renderer purged. Idempotent: unknown or already removed ids are
   * fine; `removed` counts the dossiers that still had documents kept.
   */
  forgetPrintedDocuments: {
    input: z.object({ dossierIds: z.array(PrintDossierIdSchema).max(FORGET_PRINTED_MAX_IDS) }),
    output: z.object({ removed: z.number().int().min(0) }),
  },
  /**
   * Enrol this kiosk with an office using a one-time code from the dashboard. Main keeps
   * the token (OS keychain under Electron); only the kiosk id comes back.
   */
  syncEnrol: {
    input: z.object({
      officeUrl: z.string().min(1).max(300),
      enrolmentCode: z.string().min(1).max(40),
      /** The office certificate's SHA-256 to pin (from the dashboard's enrolment code or its QR). */
      certificateSha256: z.string().max(200).optional(),
      /** Additive: the outbox's lowest pending seq, else its next (see EnrolRequestSchema). */
      firstSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
      /** The officer session from the PIN (officerPinVerify): required to re-enrol an enrolled kiosk. */
      officerSession: z.string().max(100).optional(),
    }),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), kioskId: z.string(), officeName: z.string() }),
      z.object({ ok: z.literal(false), reason: z.enum(SYNC_ENROL_FAILURES), message: z.string() }),
    ]),
  },
  /** One push attempt of outbox items; per-item answers validated against the sync protocol. */
  syncPush: {
    input: z.object({
      items: z.array(PushItemSchema).min(1).max(SYNC_LIMITS.maxBatchItems),
      /** Outbox size before this batch, for the dashboard. */
      waiting: z.number().int().min(0),
    }),
    output: z.union([
      z.object({ ok: z.literal(true), results: z.array(PushResultSchema) }),
      SyncFailureSchema,
    ]),
  },
  /**
   * Status changes of this kiosk's dossiers since `cursor`, and look-ups by code. A newer
   * office profile/catalogue is validated and saved by main for the next start; only
   * its version comes back.
   */
  syncPull: {
    input: z.object({
      cursor: z.string().max(40).nullable(),
      lookupCodes: z.array(z.string().max(40)).max(SYNC_LIMITS.maxLookupCodes).default([]),
      /** Look-ups by receipt QR: the code and its check part (the office answers only with both). */
      lookupRefs: z
        .array(z.object({ code: z.string().max(40), key: LookupKeySchema }))
        .max(SYNC_LIMITS.maxLookupCodes)
        .default([]),
    }),
    output: z.union([
      z.object({
        ok: z.literal(true),
        asOf: z.string(),
        statuses: z.array(DossierStatusInfoSchema),
        nextCursor: z.string().nullable(),
        more: z.boolean(),
        lookups: z.array(DossierStatusInfoSchema),
        /** Version of a newer office profile saved for the next start, else null. */
        profileSaved: z.string().nullable(),
        catalogueSaved: z.string().nullable(),
      }),
      SyncFailureSchema,
    ]),
  },
  /** Enrolment and connectivity for the staff status; `probe` asks the office's health endpoint first. */
  syncStatus: {
    input: z.object({ probe: z.boolean().default(false) }),
    output: SyncStatusSchema,
  },
  /** How much of an attachment (by sha256) the office holds, to resume an upload. */
  syncAttachmentState: {
    input: z.object({ hash: Sha256HexSchema }),
    output: z.union([z.object({ ok: z.literal(true), state: AttachmentStateSchema }), SyncFailureSchema]),
  },
  /** One chunk of an attachment at `offset` (resumable, keyed by hash). */
  syncUploadAttachmentChunk: {
    input: z.object({
      hash: Sha256HexSchema,
      offset: z.number().int().min(0),
      total: z.number().int().positive().max(SYNC_LIMITS.maxAttachmentBytes),
      bytesBase64: z
        .string()
        .min(1)
        .max(Math.ceil(SYNC_BRIDGE_CHUNK_BYTES / 3) * 4),
    }),
    output: z.union([z.object({ ok: z.literal(true), state: AttachmentStateSchema }), SyncFailureSchema]),
  },
  /**
   * The dossier code high-water mark main keeps in the data folder: records `record`
   * when given (main keeps the later of the two) and answers the mark. The renderer
   * numbers from the later of its own state and this one, so a lost browser profile
   * never makes the kiosk issue a code a second time.
   */
  dossierCodeMark: {
    input: z.object({ record: DossierCodeStateSchema.optional() }),
    output: DossierCodeStateSchema,
  },
  /**
   * The key that seals personal fields at rest for a Vietnam day (issue 11 §3): 32 raw
   * bytes, which the page imports as a non-extractable AES-GCM CryptoKey and never stores.
   * With `create`, main makes it when absent; the answer's day may then be later than
   * asked (a day already shredded is never made again). Null: that day has no key (any
   * more): what it sealed cannot be read.
   */
  atRestKey: {
    input: z.object({ day: AtRestDaySchema, create: z.boolean() }),
    output: z.object({
      key: z.object({ day: AtRestDaySchema, keyBase64: z.string().length(44) }).nullable(),
    }),
  },
  /** Retention: shreds the at-rest keys of every day before `before`. */
  shredAtRestKeys: {
    input: z.object({ before: AtRestDaySchema }),
    output: z.object({ shredded: z.number().int().min(0) }),
  },
  /**
   * The queue services this kiosk may take numbers for ("Lấy số thứ tự"), as main last
   * heard them from the office (kept in the data folder for offline issuing); `refresh`
   * asks the office first. Empty when the kiosk never reached an office: no ticket button.
   */
  queueServices: {
    input: z.object({ refresh: z.boolean().default(false) }),
    output: z.object({
      services: z.array(KioskQueueServiceSchema),
      /** When the office last answered (ISO instant); null for never. */
      fetchedAt: z.string().nullable(),
    }),
  },
  /**
   * A number for a citizen: from the office (with the kiosk's token) or, when it cannot be
   * reached, from this kiosk's own range (`kioskNumber`), recorded in the data folder before
   * it is answered so that no number is issued twice, and handed to the office when it is back.
   */
  takeTicket: {
    input: z.object({
      serviceId: z.string().min(1).max(40),
      priority: PriorityGroupSchema.nullable(),
      kioskNumber: z.number().int().min(1).max(99),
    }),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), ticket: KioskTicketSchema }),
      z.object({ ok: z.literal(false), reason: z.enum(TAKE_TICKET_FAILURES) }),
    ]),
  },
  // The ID-card scanner in serial (COM) mode, read by main.
  ...serialScannerMethods,
  /** Whether the kiosk can read aloud, with which voice, and the recorded languages it holds. */
  speechStatus: {
    input: z.object({}),
    output: SpeechStatusSchema,
  },
  /**
   * Audio for one piece of a screen: the office's recorded clip for `key` in `language`
   * when there is one, else `text` normalised and spoken in Vietnamese. Fails with
   * 'speech-unavailable' (no engine), 'speech-timeout' or 'speech-failed'.
   */
  speak: {
    input: z.object({
      text: z.string().trim().min(1).max(SPEAK_MAX_CHARS),
      key: SpeechKeySchema.optional(),
      language: z.string().max(40).optional(),
    }),
    output: z.object({
      source: z.enum(['clip', 'synthesis']),
      mime: z.enum(['audio/wav', 'audio/ogg', 'audio/mpeg']),
      audioBase64: z.string().min(1),
      /** What was said (normalised text), or the clip's key. */
      spokenText: z.string(),
    }),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeOutput<M extends BridgeMethod> = z.output<BridgeContract[M]['output']>;

export {
  BridgeErrorSchema,
  BridgeResponseSchema,
  type BridgeError,
  type BridgeResponse,
} from './bridge-start.ts';

export function isBridgeMethod(name: string): name is BridgeMethod {
  return Object.hasOwn(bridgeContract, name);
}

/** The shape the preload puts on `window.kiosk`. */
export interface KioskBridgeGlobal {
  invoke(method: string, input: unknown): Promise<BridgeResponse>;
}
