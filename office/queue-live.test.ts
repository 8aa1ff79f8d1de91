import { afterAll, beforeAll, expect, it } from 'vitest';
import { PushAnswerSchema } from '../shared/contracts/sync.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { enrol, testOffice } from './test-support/office.ts';
import { Staff } from './test-support/staff-browser.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let token: string;
let seq = 0;
// Monday 23/11/2026 09:00 Vietnam time; the fixture dossiers arrive at 08:00 that day.
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const OTHER = CATALOGUE.procedures.find((p) => p.code !== '2.000815')!;

async function push(...payloads: Record<string, unknown>[]) {
  const res = await fetch(`${office.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      protocol: 1,
      appVersion: '0.1.0',
      waiting: payloads.length,
      items: payloads.map((p) => item('dossier', p, ++seq)),
    }),
  });
  expect(PushAnswerSchema.parse(await res.json()).results.map((r) => r.outcome)).toEqual(
    payloads.map(() => 'stored'),
  );
}

const codesIn = (page: string) => [...page.matchAll(/H12\.3\d-261121-\d{4}/g)].map((m) => m[0]);

/** Reads a server-sent event stream until `event: <name>` arrives; the time it took. */
async function waitForEvent(body: ReadableStream<Uint8Array>, name: string, startedAt: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    text += decoder.decode(value, { stream: true });
    if (text.includes(`event: ${name}\n`)) {
      await reader.cancel();
      return performance.now() - startedAt;
    }
  }
}

forEachDatabase('the live queue', (target) => {
  const staff = () => new Staff(office.url);
  let admin: Staff;
  const bình = dossierPayload({
    applicantName: 'Nguyễn Thị Bình',
    formData: { 'child.name': 'Nguyễn Văn An', 'mother.personalId': '001190012345' },
    dueAt: '2026-11-23T10:20:00+07:00',
  });
  const đức = dossierPayload({
    applicantName: 'Trần Văn Đức',
    procedureCode: OTHER.code,
    models: ['cashless'],
    dueAt: '2026-11-23T08:30:00+07:00',
  });
  const lan = dossierPayload({ applicantName: 'Lê Thị Lan', dueAt: '2026-11-23T16:00:00+07:00' });

  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, now: () => NOW });
    ({ token } = await enrol(office));
    await push(bình, đức, lan);
    admin = staff();
    await admin.signIn();
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('lists by deadline, time left in working words, overdue in text; filters by procedure, model and status', async () => {
    const page = await (await admin.req('/?lang=vi')).text();
    expect(codesIn(page)).toEqual([đức.code, bình.code, lan.code]);
    const row = (code: unknown) => page.split('<tr').find((r) => r.includes(String(code)))!;
    expect(row(đức.code)).toContain('Quá hạn');
    expect(row(bình.code)).toContain('còn 1 giờ 20 phút');
    expect(row(bình.code)).not.toContain('Quá hạn');

    const only = async (query: string) => codesIn(await (await admin.req(`/queue/rows?${query}`)).text());
    expect(await only(`procedure=${OTHER.code}`)).toEqual([đức.code]);
    expect(await only('model=cashless')).toEqual([đức.code]);
    expect(await only('model=no-writing')).toEqual([bình.code, lan.code]);
    expect(await only('status=&procedure=&model=')).toEqual([đức.code, bình.code, lan.code]);

    const csrf = await admin.csrf(`/dossiers/${String(lan.id)}`);
    await admin.form(`/dossiers/${String(lan.id)}/status`, { csrf, status: 'processing', reason: '' });
    expect(await only('status=processing')).toEqual([lan.code]);
    expect(await only('status=received')).toEqual([đức.code, bình.code]);
    // The filters a page was asked with stay chosen in its form.
    expect(await (await admin.req('/?status=processing')).text()).toMatch(
      /<option value="processing"\s+selected/,
    );
  });

  it('finds a dossier by part of its code, a name without tone marks, a whole ID number only', async () => {
    const find = async (q: string) =>
      codesIn(await (await admin.req(`/queue/rows?q=${encodeURIComponent(q)}`)).text());
    expect(await find(String(đức.code).slice(-4))).toEqual([đức.code]);
    expect(await find('tran van duc')).toEqual([đức.code]);
    expect(await find('Nguyễn Thị')).toEqual([bình.code]);
    expect(await find('001190012345')).toEqual([bình.code]);
    // A fragment of an ID number lists nobody: it could be anyone's.
    expect(await find('0011900')).toEqual([]);
    expect(await (await admin.req('/queue/rows?q=0011900')).text()).toContain('Chưa có hồ sơ nào.');
  });

  it('refuses an unknown filter value with a message, not a crash', async () => {
    const res = await admin.req('/?status=lost&lang=vi');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('role="alert"');
  });

  it('tells open dashboards within 2 s that a dossier arrived; the rows then hold it', async () => {
    const res = await admin.req('/queue/events');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const fresh = dossierPayload({ applicantName: 'Phạm Văn Mới' });
    const started = performance.now();
    const heard = waitForEvent(res.body!, 'arrived', started);
    await push(fresh);
    expect(await heard).toBeLessThan(2000);
    expect(codesIn(await (await admin.req('/queue/rows')).text())).toContain(fresh.code);
  });

  it('ends an open event stream once its session ends, before telling it anything more', async () => {
    const leaving = staff();
    await leaving.signIn();
    const res = await leaving.req('/queue/events');
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    })();
    // Signing out anywhere else (here: the same account's sessions ended by an administrator).
    const accountId = (await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow())
      .id;
    await office.database.db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await push(dossierPayload({ applicantName: 'Lê Thị Sau' }));
    expect(await ended).not.toContain('event: arrived');
    await admin.signIn();
  });

  it('keeps the event stream and the rows behind sign-in', async () => {
    const stranger = staff();
    expect((await stranger.req('/queue/events')).status).toBe(303);
    expect((await stranger.req('/queue/rows')).status).toBe(303);
  });
});
