/**
 * The rows the dossier list shows, a page at a time: today's dossiers or all, newest
 * first, each with its sync state from the outbox (the dossier's outbox item has the
 * dossier's id). Only what the list needs leaves here: initials, never the full name.
 */
import type { DossierRow, OutboxStatus } from '../../db/db.ts';
import { dbOf, type DataContext } from '../../db/context.ts';
import { listDossiers, todayDossierPage, unprintedReceipts } from '../dossier/index.ts';
import { isPersonalDataPurged } from '../retention/index.ts';
import { nameInitials } from '../../../shared/domain/name-initials.ts';

export const PAGE_SIZE = 20;

/** 'sent': the office acknowledged the dossier (its outbox item is gone). */
export type SyncState = OutboxStatus | 'sent' | 'unknown';

export interface DossierListRow {
  id: string;
  code: string;
  procedureCode: string;
  receivedAt: string;
  initials: string;
  sync: SyncState;
  printedReceipt: boolean;
  printedDeclaration: boolean;
  /** Its receipt has not printed yet (no printer, a failure, or a crash before printing). */
  receiptUnprinted: boolean;
  /** Retention removed its personal data (and main its kept prints): nothing to reprint. */
  purged: boolean;
}

export interface DossierListPage {
  rows: DossierListRow[];
  page: number;
  pageCount: number;
  total: number;
}

/** Today's dossiers, all, or those whose receipt has not printed. */
export type DossierScope = 'today' | 'all' | 'unprinted';

export async function loadDossierPage(
  scope: DossierScope,
  page: number,
  now: Date,
  ctx: DataContext = {},
): Promise<DossierListPage> {
  let items: DossierRow[];
  let total: number;
  if (scope === 'unprinted') {
    // Few by nature (each is offered at start until printed): read them all, oldest first.
    const all = await unprintedReceipts(ctx, 1000);
    total = all.length;
    items = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  } else if (scope === 'today') {
    ({ items, total } = await todayDossierPage(now, { page, pageSize: PAGE_SIZE }, ctx));
  } else {
    const result = await listDossiers({ page, pageSize: PAGE_SIZE }, ctx);
    total = result.total;
    items = result.items;
  }
  const outbox = await dbOf(ctx).outbox.bulkGet(items.map((d) => d.id));
  const rows = items.map((d, i): DossierListRow => {
    const item = outbox[i];
    return {
      id: d.id,
      code: d.code,
      procedureCode: d.procedureCode,
      receivedAt: d.receivedAt,
      initials: nameInitials(d.applicantName),
      sync: item ? item.status : d.acknowledgedAt ? 'sent' : 'unknown',
      printedReceipt: Boolean(d.printed?.receipt),
      printedDeclaration: Boolean(d.printed?.declaration),
      receiptUnprinted: d.receiptUnprinted === 1,
      purged: isPersonalDataPurged(d),
    };
  });
  return { rows, page, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
