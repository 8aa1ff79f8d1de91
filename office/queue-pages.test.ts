import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { enrol, testOffice } from './test-support/office.ts';
import { Staff } from './test-support/staff-browser.ts';
import { ingestBatch } from './sync/push.ts';
import { changeStatus } from './dossier-status.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
// Monday 23/11/2026 09:00 Vietnam time.
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const OTHER = CATALOGUE.procedures.find((p) => p.code !== '2.000815')!;
const OPEN = 120;

/** A Vietnam wall-clock timestamp as the kiosk writes it, `minutes` after `from`. */
const vnAfter = (from: string, minutes: number) =>
  new Date(Date.parse(from) + minutes * 60_000 + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';

const codesIn = (page: string) => [...page.matchAll(/H12\.3\d-261121-\d{4}/g)].map((m) => m[0]);

forEachDatabase('the queue in pages', (target) => {
  let office: Office;
  let admin: Staff;
  /** Codes in deadline order of what the queue must list: the open dossiers, then today's resolved one. */
  const listed: string[] = [];
  let resolvedEarlier = '';

  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, now: () => NOW });
    const { kioskId } = await enrol(office);
    // Open dossiers from last Friday, deadlines a minute apart from tomorrow 08:00; two in
    // three are for another procedure.
    const open = Array.from({ length: OPEN }, (_, i) =>
      dossierPayload(
        {
          applicantName: `Phạm Thị Hoà ${i + 1}`,
          procedureCode: (i + 1) % 3 ? OTHER.code : '2.000815',
          receivedAt: '2026-11-20T10:00:00+07:00',
          dueAt: vnAfter('2026-11-24T08:00:00+07:00', i),
        },
        i + 1,
      ),
    );
    const today = dossierPayload({ dueAt: '2026-11-30T08:00:00+07:00' }, 900);
    const earlier = dossierPayload({ receivedAt: '2026-11-20T09:00:00+07:00' }, 901);
    const all = [...open, today, earlier];
    await ingestBatch(
      office.database.db,
      kioskId,
      all.map((p, i) => item('dossier', p, i + 1)),
      NOW,
    );
    // Resolved: today's arrival stays on today's list, last week's leaves it.
    for (const d of [today, earlier])
      expect(await changeStatus(office.database.db, String(d.id), 'returned', null, 1, NOW)).toBe('ok');
    listed.push(...open.map((d) => String(d.code)), String(today.code));
    resolvedEarlier = String(earlier.code);
    admin = new Staff(office.url);
    await admin.signIn();
  }, 60_000);
  afterAll(async () => office.cleanup());

  const rows = async (query: string) => {
    const res = await admin.req(`/queue/rows${query}`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('pages through every open dossier and today’s resolved ones, nearest deadline first', async () => {
    const pages = [await rows('?lang=vi'), await rows('?page=2'), await rows('?page=3')];
    expect(pages.map((p) => codesIn(p).length)).toEqual([50, 50, 21]);
    expect(pages.flatMap(codesIn)).toEqual(listed);
    expect(pages.join('')).not.toContain(resolvedEarlier);
    // A page past the end (dossiers resolved since the link was made) shows the last one.
    expect(codesIn(await rows('?page=99'))).toEqual(codesIn(pages[2]!));
  });

  it('says which rows these are, how many more follow, and links to the other pages', async () => {
    const first = await (await admin.req('/?lang=vi')).text();
    expect(first).toContain('Đang hiện hồ sơ 1–50 trong 121 hồ sơ, hạn gần nhất trước.');
    expect(first).toContain('Còn 71 hồ sơ ở các trang sau');
    expect(first).toContain('Trang 1/3');
    expect(first).toMatch(/<a href="\/\?page=2"\s+rel="next">Trang sau ›<\/a>/);
    expect(first).toMatch(/<a href="\/\?page=3"\s*>Trang cuối »<\/a>/);
    expect(first).not.toContain('Trang trước');

    const second = await (await admin.req('/?page=2&lang=en')).text();
    expect(second).toContain('Showing dossiers 51–100 of 121, nearest deadline first.');
    expect(second).toContain('21 more on the following pages');
    expect(second).toMatch(/<a href="\/"\s+rel="prev">‹ Previous page<\/a>/);
    // The live updates fetch the rows of the page shown.
    expect(second).toContain('data-rows-url="/queue/rows?page=2"');

    const last = await rows('?page=3&lang=vi');
    expect(last).toContain('Đang hiện hồ sơ 101–121 trong 121 hồ sơ');
    expect(last).not.toContain('trang sau');
    expect(last).not.toContain('Trang sau ›');
  });

  it('filters and searches over every dossier, not only the page shown', async () => {
    const other = listed.filter((_, i) => i < OPEN && (i + 1) % 3 !== 0);
    const filtered = await rows(`?procedure=${OTHER.code}&lang=vi`);
    expect(filtered).toContain('Đang hiện hồ sơ 1–50 trong 80 hồ sơ');
    expect(filtered).toContain(`href="/?procedure=${OTHER.code}&amp;page=2"`);
    const next = await rows(`?procedure=${OTHER.code}&page=2`);
    expect([...codesIn(filtered), ...codesIn(next)]).toEqual(other);

    // The dossier with the furthest open deadline, found by name without tone marks and by code.
    expect(codesIn(await rows(`?q=${encodeURIComponent('pham thi hoa 120')}`))).toEqual([listed[119]]);
    expect(codesIn(await rows(`?q=${listed[118]!.slice(-4)}`))).toEqual([listed[118]]);
    // A search matching more than a page pages too, with the search kept in the links.
    const many = await rows(`?q=${encodeURIComponent('phạm thị')}&page=3&lang=vi`);
    expect(many).toContain('Đang hiện hồ sơ 101–120 trong 120 hồ sơ');
    expect(codesIn(many)).toEqual(listed.slice(100, 120));
    const back = new URLSearchParams({ q: 'phạm thị', page: '2' }).toString().replace('&', '&amp;');
    expect(many).toContain(`href="/?${back}"`);
  });

  it('refuses a page that is not a whole number from 1, with a message', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc']) {
      const res = await admin.req(`/?page=${bad}&lang=vi`);
      expect(res.status, bad).toBe(400);
      expect(await res.text()).toContain('role="alert"');
    }
  });
});
