// The office decodes places from its first call: the units data is loaded with this import.
import '../../shared/admin-units/bundled.ts';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { catalogueInForceAt, profileInForceAt } from '../published-config.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { sameDayDeadline } from '../../shared/domain/deadline.ts';
import type { ReformModelId } from '../../shared/domain/reform-model.ts';
import { getForm } from '../../shared/forms/registry.ts';
import {
  buildDeclarationDocument,
  buildReceiptDocument,
  type PrintDocument,
} from '../../shared/print/index.ts';
import { createChromiumRenderer } from '../../main/node/print-chromium.ts';
import { prepareDocumentHtml } from '../../main/services/print/document-html.ts';
import { createPrintFontSource } from '../../main/services/print/print-fonts.ts';

export type DossierPrintKind = 'declaration' | 'receipt';

export type DossierPrintOutcome =
  | { ok: true; pdf: Uint8Array; fileName: string }
  | { ok: false; reason: 'not-found' | 'no-profile' | 'unknown-form' | 'unknown-procedure' | 'no-printer' };

export interface DossierPrints {
  pdf(db: Kysely<Database>, dossierId: string, kind: DossierPrintKind): Promise<DossierPrintOutcome>;
  close(): Promise<void>;
}

const FONTS_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');

/**
 * Reprints of a dossier's declaration (tờ khai) and receipt (giấy tiếp nhận) as the kiosk
 * printed them: the same builders (shared/print) from the same stored dossier, the same
 * embedded font and the kiosk's own PDF renderer (a background Chromium, scripts off and
 * every request blocked). The office profile and catalogue are the ones in force when the
 * dossier was received.
 */
export function createDossierPrints(log: (line: string) => void): DossierPrints {
  const logger = {
    debug: () => {},
    info: (event: string) => log(`office: print: ${event}`),
    warn: (event: string) => log(`office: print: ${event}`),
    error: (event: string, fields?: object) => log(`office: print: ${event} ${JSON.stringify(fields ?? {})}`),
  };
  const renderer = createChromiumRenderer({ logger });
  const fonts = createPrintFontSource({ dir: FONTS_DIR });

  return {
    async pdf(db, dossierId, kind) {
      const built = await dossierDocument(db, dossierId, kind);
      if (!built.ok) return built;
      try {
        const html = prepareDocumentHtml(built.doc.html, await fonts.fontFaceCss());
        const rendered = await renderer.render({ html, paper: built.doc.paper, title: built.doc.title });
        return {
          ok: true,
          pdf: rendered.pdf,
          fileName: `${kind === 'declaration' ? 'to-khai' : 'giay-tiep-nhan'}-${built.code}.pdf`,
        };
      } catch (error) {
        logger.error('reprint-failed', { message: (error as Error).message });
        return { ok: false, reason: 'no-printer' };
      }
    },
    close: () => renderer.close(),
  };
}

type Built = { ok: true; doc: PrintDocument; code: string } | Extract<DossierPrintOutcome, { ok: false }>;

/** The document the kiosk built for this dossier (renderer/features/receipt/dossier-documents.ts). */
export async function dossierDocument(
  db: Kysely<Database>,
  dossierId: string,
  kind: DossierPrintKind,
): Promise<Built> {
  const d = await db.selectFrom('dossiers').selectAll().where('id', '=', dossierId).executeTakeFirst();
  if (!d) return { ok: false, reason: 'not-found' };
  // The office's name, address, fee account and hours as they were when the kiosk printed it.
  const receivedAtMs = Date.parse(d.received_at);
  const profile = await profileInForceAt(db, receivedAtMs);
  if (!profile) return { ok: false, reason: 'no-profile' };
  const form = getForm(d.form_id);
  if (!form) return { ok: false, reason: 'unknown-form' };
  const catalogue = (await catalogueInForceAt(db, receivedAtMs)) ?? CATALOGUE;
  const procedure = catalogue.procedures.find((p) => p.code === d.procedure_code);
  if (!procedure) return { ok: false, reason: 'unknown-procedure' };
  const formData = JSON.parse(d.form_data) as Record<string, string>;
  if (kind === 'declaration') {
    const doc = buildDeclarationDocument({
      form,
      values: formData,
      procedure,
      profile,
      lang: 'vi',
      printedAt: new Date(d.received_at),
      dossierCode: d.code,
    });
    return { ok: true, doc, code: d.code };
  }
  // The deadline was stored at receipt; the rule it followed comes from the same inputs.
  const rule = sameDayDeadline(profile, procedure, new Date(d.received_at)).rule;
  const qrSvg = await QRCode.toString(d.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const doc = buildReceiptDocument({
    dossier: {
      code: d.code,
      formId: d.form_id,
      formData,
      applicantName: d.applicant_name,
      receivedAt: d.received_at,
      models: JSON.parse(d.models) as ReformModelId[],
    },
    procedure,
    profile,
    deadline: { dueAt: new Date(d.due_at), rule },
    paper: profile.kiosk.receiptPaper,
    qrSvg,
    form,
  });
  return { ok: true, doc, code: d.code };
}
