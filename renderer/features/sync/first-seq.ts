import Dexie from 'dexie';
import { META } from '../../db/db.ts';
import { getMeta } from '../../db/meta.ts';
import { dbOf, type DataContext } from '../../db/context.ts';

/**
 * The lowest sequence number this kiosk will send under the identity it is about to get
 * (EnrolRequest.firstSeq): its lowest pending outbox item, else the next seq it will
 * issue. The per-install counter is never reset — re-enrolment must not renumber items
 * already queued — so without this the office would show the new identity a gap
 * 1…N−1 made of numbers sent (or refused) under the old one.
 * Sent and refused items are not sent again, so only pending ones count.
 */
export async function enrolmentFirstSeq(ctx: DataContext = {}): Promise<number> {
  const db = dbOf(ctx);
  // One read transaction: a dossier submitted meanwhile cannot slip between the two reads.
  return db.transaction('r', db.outbox, db.meta, async () => {
    const lowest = await db.outbox
      .where('[status+seq]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .first();
    if (lowest) return lowest.seq;
    return ((await getMeta<number>(db, META.outboxSeq)) ?? 0) + 1;
  });
}
