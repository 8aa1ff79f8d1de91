import { z } from 'zod';
import { OfficeProfileSchema } from '../domain/office-profile.ts';
import { CatalogueSchema } from '../domain/procedure.ts';

/** Printed documents: the declaration form (A4) and the receipt (paper per office setting). */
export const PrintKindSchema = z.enum(['declaration', 'receipt']);
export type PrintKind = z.infer<typeof PrintKindSchema>;
/** Same values as the office profile's kiosk.receiptPaper; '80mm' is a thermal roll. */
export const PrintPaperSchema = z.enum(['A4', 'A5', '80mm']);
export type PrintPaper = z.infer<typeof PrintPaperSchema>;
/** Limit on a document's HTML (an embedded QR image is a few kB; the fonts are added in main). */
export const PRINT_HTML_MAX_CHARS = 5 * 1024 * 1024;
/** The dossier's UUID (or any id safe as a folder name: it names the folder its PDFs are kept in). */
export const PrintDossierIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/);
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
  /** Everything the renderer needs at start: the validated office profile and catalogue. */
  getKioskConfig: {
    input: z.object({}),
    output: z.object({
      profile: OfficeProfileSchema,
      catalogue: CatalogueSchema,
      appVersion: z.string(),
      host: z.enum(['electron', 'headless']),
    }),
  },
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
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeOutput<M extends BridgeMethod> = z.output<BridgeContract[M]['output']>;

/** Errors cross the bridge as data, with a stable code the renderer can localise. */
export const BridgeErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export const BridgeResponseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
export type BridgeResponse = z.infer<typeof BridgeResponseSchema>;

export function isBridgeMethod(name: string): name is BridgeMethod {
  return Object.hasOwn(bridgeContract, name);
}

/** The shape the preload puts on `window.kiosk`. */
export interface KioskBridgeGlobal {
  invoke(method: string, input: unknown): Promise<BridgeResponse>;
}
