import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushAnswerSchema } from '../shared/contracts/sync.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { ADMIN_PASSWORD, enrol, testOffice } from './test-support/office.ts';
import { Staff } from './test-support/staff-browser.ts';
import { sequenceGaps } from './sync/gaps.ts';
import { receiptPrintStates } from './sync/receipt-prints.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let token: string;
let kioskId: string;
// 23/11/2026 09:00 Vietnam time: the fixture dossiers arrive that morning.
const NOW = Date.parse('2026-11-23T09:00:00+07:00');

const push = async (items: unknown[]) => {
  const res = await fetch(`${office.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting: items.length, items }),
  });
  return PushAnswerSchema.parse(await res.json()).results.map((r) => r.outcome);
};
const receiptPrint = (dossierId: string, printed: boolean, at: string) => ({
  id: randomUUID(),
  dossierId,
  printed,
  at,
});

async function queueHtml(lang = 'vi'): Promise<string> {
  const login = await fetch(`${office.url}/login`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const signedIn = await fetch(`${office.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body: new URLSearchParams({ csrf, username: 'admin', password: ADMIN_PASSWORD }).toString(),
  });
  const session = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const page = await fetch(`${office.url}/?lang=${lang}`, {
    headers: { Cookie: [...cookies, ...session].join('; ') },
  });
  return page.text();
}
const rowOf = (page: string, code: string) => page.split('<tr').find((row) => row.includes(code)) ?? '';
/** The dossier page's "Giấy tiếp nhận" fact: the text of the <dd> after that <dt>. */
const receiptFact = (page: string, label: string) =>
  new RegExp(`<dt>${label}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(page)?.[1]?.trim();

/** Reads a server-sent event stream until `event: <name>` arrives. */
async function waitForEvent(body: ReadableStream<Uint8Array>, name: string) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    text += decoder.decode(value, { stream: true });
    if (text.includes(`event: ${name}\n`)) return reader.cancel();
  }
}

forEachDatabase('receipt-print sync items', (target) => {
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, now: () => NOW });
    ({ token, kioskId } = await enrol(office));
  }, 60_000);
  afterAll(async () => office.cleanup());

  describe('the office learns which receipts did not print', () => {
    it('stores them once, counts their seq, and the queue says "chưa in giấy tiếp nhận" until one printed', async () => {
      const crashed = dossierPayload({}, 1);
      const printedLater = dossierPayload({}, 2);
      const fine = dossierPayload({}, 3);
      const unprinted = receiptPrint(String(crashed.id), false, '2026-11-23T08:05:00+07:00');
      expect(
        await push([
          item('dossier', crashed, 1),
          item('dossier', printedLater, 2),
          item('dossier', fine, 3),
          item('receipt-print', unprinted, 4),
          item('receipt-print', receiptPrint(String(printedLater.id), false, '2026-11-23T08:06:00+07:00'), 5),
          item('receipt-print', receiptPrint(String(printedLater.id), true, '2026-11-23T08:30:00+07:00'), 6),
        ]),
      ).toEqual(['stored', 'stored', 'stored', 'stored', 'stored', 'stored']);
      // A resend is a duplicate; changed content under the same id a conflict.
      expect(await push([item('receipt-print', unprinted, 4)])).toEqual(['duplicate']);
      expect(await push([item('receipt-print', { ...unprinted, printed: true }, 4)])).toEqual(['conflict']);
      expect(await sequenceGaps(office.database.db, kioskId)).toMatchObject({ missing: 0, highest: 6 });

      const states = await receiptPrintStates(office.database.db, [
        String(crashed.id),
        String(printedLater.id),
        String(fine.id),
      ]);
      expect([...states.values()]).toEqual(['unprinted', 'printed', 'unknown']);

      const vi = await queueHtml();
      expect(vi).toContain('<th>Giấy tiếp nhận</th>');
      expect(rowOf(vi, String(crashed.code))).toContain('Chưa in giấy tiếp nhận');
      expect(rowOf(vi, String(printedLater.code))).toContain('Đã in');
      expect(rowOf(vi, String(fine.code))).not.toContain('in giấy');
      expect(rowOf(await queueHtml('en'), String(crashed.code))).toContain('Receipt not printed');
    });

    it('shows on the dossier page, and open queues hear at once when the receipt prints', async () => {
      const admin = new Staff(office.url);
      await admin.signIn();
      const d = dossierPayload({}, 4);
      expect(
        await push([
          item('dossier', d, 8),
          item('receipt-print', receiptPrint(String(d.id), false, '2026-11-23T08:10:00+07:00'), 9),
        ]),
      ).toEqual(['stored', 'stored']);
      const page = async (lang: string) => (await admin.req(`/dossiers/${String(d.id)}?lang=${lang}`)).text();
      expect(receiptFact(await page('vi'), 'Giấy tiếp nhận')).toBe('Chưa in giấy tiếp nhận');
      expect(receiptFact(await page('en'), 'Receipt')).toBe('Receipt not printed yet');
      expect(rowOf(await (await admin.req('/queue/rows?lang=vi')).text(), String(d.code))).toContain(
        'Chưa in giấy tiếp nhận',
      );

      const events = await admin.req('/queue/events');
      const heard = waitForEvent(events.body!, 'updated');
      const printed = receiptPrint(String(d.id), true, '2026-11-23T08:40:00+07:00');
      expect(await push([item('receipt-print', printed, 10)])).toEqual(['stored']);
      await heard;
      const row = rowOf(await (await admin.req('/queue/rows?lang=vi')).text(), String(d.code));
      expect(row).toContain('Đã in');
      expect(row).not.toContain('Chưa in');
      expect(receiptFact(await page('vi'), 'Giấy tiếp nhận')).toBe('Đã in');
      // A resend after a lost answer changes nothing and stirs no dashboard.
      expect(await push([item('receipt-print', printed, 10)])).toEqual(['duplicate']);
      expect(receiptFact(await page('vi'), 'Giấy tiếp nhận')).toBe('Đã in');

      // A dossier from a kiosk that never reports receipts shows nothing, not "not printed".
      const old = dossierPayload({}, 5);
      expect(await push([item('dossier', old, 11)])).toEqual(['stored']);
      expect(
        receiptFact(await (await admin.req(`/dossiers/${String(old.id)}?lang=vi`)).text(), 'Giấy tiếp nhận'),
      ).toBe('—');
    });

    it('an officer who printed the receipt at the desk and handed it over ends "chưa in"', async () => {
      const admin = new Staff(office.url);
      await admin.signIn();
      const d = dossierPayload({}, 7);
      expect(
        await push([
          item('dossier', d, 14),
          item('receipt-print', receiptPrint(String(d.id), false, '2026-11-23T08:15:00+07:00'), 15),
        ]),
      ).toEqual(['stored', 'stored']);
      const path = `/dossiers/${String(d.id)}`;
      const before = await (await admin.req(`${path}?lang=vi`)).text();
      expect(before).toContain('Đã in và giao giấy tiếp nhận');
      // Without the form's CSRF token nothing is recorded.
      expect((await admin.form(`${path}/receipt-handed-over`, {})).status).toBe(403);
      expect(receiptFact(await (await admin.req(`${path}?lang=vi`)).text(), 'Giấy tiếp nhận')).toBe(
        'Chưa in giấy tiếp nhận',
      );

      const events = await admin.req('/queue/events');
      const heard = waitForEvent(events.body!, 'updated');
      const done = await admin.form(`${path}/receipt-handed-over`, { csrf: await admin.csrf(path) });
      expect(done.status).toBe(303);
      await heard;
      const after = await (await admin.req(`${path}?lang=vi`)).text();
      expect(receiptFact(after, 'Giấy tiếp nhận')).toBe('Đã in');
      expect(after).not.toContain('Đã in và giao giấy tiếp nhận');
      expect(rowOf(await (await admin.req('/queue/rows?lang=vi')).text(), String(d.code))).not.toContain(
        'Chưa in',
      );
      const row = await office.database.db
        .selectFrom('desk_receipt_prints')
        .selectAll()
        .where('dossier_id', '=', String(d.id))
        .executeTakeFirstOrThrow();
      expect(Number(row.at_ms)).toBe(NOW);
      // An unknown dossier is not found, and records nothing.
      const unknown = `/dossiers/${randomUUID()}/receipt-handed-over`;
      expect((await admin.form(unknown, { csrf: await admin.csrf(path) })).status).toBe(404);
    });

    it('keeps a report that arrives before its dossier, and the dossier shows it when it comes', async () => {
      // The kiosk has two batches in flight: the later one (the report) may commit first.
      // Refusing it would leave it "refused" on the kiosk for good, so it is kept.
      const d = dossierPayload({}, 6);
      const early = receiptPrint(String(d.id), false, '2026-11-23T08:20:00+07:00');
      expect(await push([item('receipt-print', early, 13)])).toEqual(['stored']);
      expect(await push([item('dossier', d, 12)])).toEqual(['stored']);
      expect(rowOf(await queueHtml(), String(d.code))).toContain('Chưa in giấy tiếp nhận');
    });

    it('refuses a malformed receipt-print item and keeps the rest of the batch', async () => {
      const bad = { id: randomUUID(), dossierId: 'not-a-uuid', printed: 'no', at: 'yesterday' };
      expect(await push([item('receipt-print', bad, 14)])).toEqual(['invalid']);
    });
  });
});
