import { randomUUID } from 'node:crypto';
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PrintKindSchema, PrintPaperSchema, type PrintKind } from '../../../shared/contracts/bridge.ts';

export interface DocumentRef {
  dossierId: string;
  kind: PrintKind;
}

/** What is kept beside a document so it can be printed again exactly as it was. */
export const KeptDocumentMetaSchema = z.object({
  kind: PrintKindSchema,
  paper: PrintPaperSchema,
  title: z.string(),
  keptAt: z.string(),
  pageSize: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
});
export type KeptDocumentMeta = z.infer<typeof KeptDocumentMetaSchema>;

/** The file operations the store needs; node:fs/promises by default, a fake in tests. */
export interface StoreFileOps {
  mkdir(dir: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  open(
    file: string,
    flags: 'w',
    mode?: number,
  ): Promise<{
    writeFile(data: Uint8Array | string): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  /** `force: false` is used to learn whether something was there (ENOENT otherwise). */
  rm(file: string, options: { force: boolean; recursive?: boolean }): Promise<void>;
  readFile(file: string): Promise<Buffer>;
}

export interface PdfStore {
  /** `<dir>/<dossierId>/<kind>.pdf` */
  pdfPath(ref: DocumentRef): string;
  saveDocument(ref: DocumentRef, doc: { html: string; meta: KeptDocumentMeta }): Promise<void>;
  savePdf(ref: DocumentRef, pdf: Uint8Array, meta: KeptDocumentMeta): Promise<void>;
  readPdf(ref: DocumentRef): Promise<Uint8Array | undefined>;
  readDocument(ref: DocumentRef): Promise<{ html: string; meta: KeptDocumentMeta } | undefined>;
  /**
   * Forget everything kept for a dossier (when the office no longer needs it on the
   * kiosk). True when something was kept; removing an unknown dossier is not an error.
   */
  removeDossier(dossierId: string): Promise<boolean>;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * The kept copies of printed documents, under `<dataDir>/prints/<dossierId>/`:
 * `<kind>.pdf` (the PDF, for showing and reprinting), `<kind>.html` (the prepared
 * document, which Electron and the kiosk browser print) and `<kind>.json` (paper, page
 * size, title). Every file is written to a temporary name, flushed and renamed over the
 * old one, so a power cut mid-write leaves the previous copy or the new one, never half
 * a PDF that would reprint as garbage.
 */
export function createPdfStore(options: { dir: string; fs?: StoreFileOps }): PdfStore {
  const fs: StoreFileOps = options.fs ?? (nodeFs as unknown as StoreFileOps);
  const dossierDir = (dossierId: string) => {
    // The contract already restricts ids; this keeps the store safe on its own.
    if (!SAFE_ID.test(dossierId)) throw new RangeError(`unsafe dossier id: ${dossierId}`);
    return path.join(options.dir, dossierId);
  };
  const fileOf = (ref: DocumentRef, ext: 'pdf' | 'html' | 'json') =>
    path.join(dossierDir(ref.dossierId), `${PrintKindSchema.parse(ref.kind)}.${ext}`);

  async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
    // Owner only: a printed declaration carries the citizen's ID number and address.
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      const handle = await fs.open(temp, 'w', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  async function readOrUndefined(file: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    pdfPath: (ref) => fileOf(ref, 'pdf'),
    async saveDocument(ref, doc) {
      await writeAtomic(fileOf(ref, 'html'), doc.html);
      await writeAtomic(fileOf(ref, 'json'), JSON.stringify(doc.meta));
    },
    async savePdf(ref, pdf, meta) {
      await writeAtomic(fileOf(ref, 'pdf'), pdf);
      await writeAtomic(fileOf(ref, 'json'), JSON.stringify(meta));
    },
    async readPdf(ref) {
      const data = await readOrUndefined(fileOf(ref, 'pdf'));
      return data === undefined ? undefined : new Uint8Array(data);
    },
    async readDocument(ref) {
      const [html, meta] = await Promise.all([
        readOrUndefined(fileOf(ref, 'html')),
        readOrUndefined(fileOf(ref, 'json')),
      ]);
      if (html === undefined || meta === undefined) return undefined;
      const parsed = KeptDocumentMetaSchema.safeParse(JSON.parse(meta.toString('utf8')));
      if (!parsed.success) return undefined;
      return { html: html.toString('utf8'), meta: parsed.data };
    },
    async removeDossier(dossierId) {
      try {
        await fs.rm(dossierDir(dossierId), { force: false, recursive: true });
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
