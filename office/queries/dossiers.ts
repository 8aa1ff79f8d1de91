import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../dashboard/i18n.ts';
import type { DossierView } from '../dashboard/dossier-page.ts';
import { decodeForm } from '../dossiers/decoded-form.ts';
import { readAttachment } from '../sync/attachments.ts';
import { procedureName } from './procedure-names.ts';
import { timelinessAt } from '../report/timeliness-rule.ts';
import { receiptPrintStates } from '../sync/receipt-prints.ts';

export async function dossierView(
  db: Kysely<Database>,
  id: string,
  lang: Lang,
  now: number,
): Promise<DossierView | null> {
  const d = await db
    .selectFrom('dossiers as d')
    .innerJoin('kiosks as k', 'k.id', 'd.kiosk_id')
    .selectAll('d')
    .select('k.name as kiosk_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) return null;
  const attachments = await db
    .selectFrom('attachment_meta as m')
    .leftJoin('attachments as a', 'a.hash', 'm.hash')
    .select(['m.hash', 'm.file_name', 'm.media_type', 'a.complete'])
    .where('m.dossier_id', '=', id)
    .execute();
  const events = await db
    .selectFrom('dossier_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .select(['e.status', 'e.reason', 'a.display_name', 'e.at_ms'])
    .where('e.dossier_id', '=', id)
    .orderBy('e.id')
    .execute();
  const receipt = (await receiptPrintStates(db, [id])).get(id) ?? 'unknown';
  return {
    id: d.id,
    code: d.code,
    applicant: d.applicant_name,
    procedure: await procedureName(db, d.procedure_code, lang),
    models: JSON.parse(d.models) as string[],
    receivedMs: Number(d.received_at_ms),
    dueMs: Number(d.due_at_ms),
    status: d.status,
    timeliness: timelinessAt(
      d.resolved_at_ms === null ? null : Number(d.resolved_at_ms),
      Number(d.due_at_ms),
      now,
    ),
    reason: d.status_reason,
    volunteer: d.volunteer_id,
    channel: d.channel,
    kiosk: d.kiosk_name,
    receipt,
    form: decodeForm(d.form_id, JSON.parse(d.form_data) as Record<string, string>, lang),
    attachments: attachments.map((a) => ({
      hash: a.hash,
      fileName: a.file_name,
      mediaType: a.media_type,
      complete: a.complete === 1,
    })),
    events: [
      { status: 'received', reason: null, by: null, atMs: Number(d.office_received_at_ms) },
      ...events.map((e) => ({
        status: e.status,
        reason: e.reason,
        by: e.display_name,
        atMs: Number(e.at_ms),
      })),
    ],
  };
}

/** An attachment's bytes and media type, when all of it has arrived. */
export async function attachmentFile(
  db: Kysely<Database>,
  hash: string,
): Promise<{ mediaType: string; fileName: string; bytes: Buffer } | null> {
  const meta = await db
    .selectFrom('attachment_meta')
    .select(['media_type', 'file_name'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  const bytes = meta ? await readAttachment(db, hash) : null;
  return meta && bytes ? { mediaType: meta.media_type, fileName: meta.file_name, bytes } : null;
}
