/**
 * Refused offline tickets on the counter pages, over real HTTP with a signed-in officer:
 * listed with the reason in words, queued or dismissed only after a confirmation page and
 * with the page's CSRF token, and the queued citizen then called like any other ticket.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { enrol, testOffice } from '../test-support/office.ts';
import { Staff } from '../test-support/staff-browser.ts';
import { OfflineTicketsAnswerSchema } from '../../shared/contracts/tickets.ts';

// Monday 23/11/2026, 09:00 Vietnam time; the kiosk printed its numbers at 08:05 and 08:10.
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+07:00`).toISOString();

forEachDatabase('refused offline tickets at the counters', (target) => {
  let office: Awaited<ReturnType<typeof testOffice>>;
  let officer: Staff;

  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, now: () => NOW });
    await office.tickets.configure(
      [
        { id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] },
        { id: 'B', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
      ],
      [{ id: 'q1', number: 1, serviceIds: ['A', 'B'], open: true }],
    );
    const kiosk = await enrol(office, 'Ki-ốt sảnh');
    await office.tickets.issue({ serviceId: 'A', priority: null, kioskId: null }); // A-001, 09:00
    // A number of service A printed with service B's id: the office cannot place it.
    const res = await fetch(`${office.url}/api/tickets/offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${kiosk.token}` },
      body: JSON.stringify({
        tickets: [
          { localId: 'one', serviceId: 'B', number: 'A2-001', priority: 'elderly', issuedAt: at('08:05') },
          { localId: 'two', serviceId: 'B', number: 'A2-002', priority: null, issuedAt: at('08:10') },
        ],
      }),
    });
    expect(OfflineTicketsAnswerSchema.parse(await res.json()).results.map((r) => r.outcome)).toEqual([
      'refused',
      'refused',
    ]);
    officer = new Staff(office.url);
    await officer.signIn();
  }, 60_000);
  afterAll(async () => office.cleanup());

  const section = (page: string) => page.slice(page.indexOf('id="refused-h"'));

  it('lists them on every counter page with the reason in words, in Vietnamese and English', async () => {
    const en = await (await officer.req('/desk?lang=en')).text();
    expect(section(en)).toContain('The number matches none of the office');
    expect(section(en)).toContain('Put in the queue');
    // The language chosen stays for the next pages: back to Vietnamese for the rest.
    const vi = await (await officer.req('/desk/q1?lang=vi')).text();
    expect(vi).toContain('<title>Gọi số tại quầy — Quầy 1');
    expect(section(vi)).toContain('chưa vào hàng chờ (2)');
    expect(section(vi)).toContain('A2-001');
    expect(section(vi)).toContain('Số không khớp với dịch vụ nào của cơ quan');
    expect(section(vi)).toContain('Đề nghị ưu tiên: Người cao tuổi');
    expect(section(vi)).toContain('08:05');
    expect(section(vi)).toContain('Ki-ốt sảnh');
  });

  it('refuses a form without the page token', async () => {
    const res = await officer.form('/desk/refused', { csrf: 'forged', id: 'x', action: 'dismiss' });
    expect(res.status).toBe(403);
  });

  it('queues one only after confirming, at the place its printed time gives, and the counter calls it', async () => {
    const id = /name="id" value="([^"]+)"/.exec(await (await officer.req('/desk/q1?lang=vi')).text())![1]!;
    const csrf = await officer.csrf('/desk/q1');
    const ask = await officer.form('/desk/refused', { csrf, id, action: 'queue', counterId: 'q1' });
    expect(ask.status).toBe(200);
    const question = await ask.text();
    expect(question).toContain(
      'Cấp số mới của dịch vụ «Chứng thực» cho người dân cầm số A2-001? Số mới giữ lượt theo giờ lấy số 08:05.',
    );
    expect(question).toContain('name="confirmed" value="yes"');
    expect(question).toContain('href="/desk/q1"');
    // Asking changed nothing.
    expect(section(await (await officer.req('/desk/q1')).text())).toContain('A2-001');

    const done = await officer.form('/desk/refused', {
      csrf,
      id,
      action: 'queue',
      counterId: 'q1',
      confirmed: 'yes',
    });
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toBe(`/desk/q1?${new URLSearchParams({ resolved: id })}`);
    const after = await (await officer.req(`${location}&lang=vi`)).text();
    expect(after).toContain(
      'Đã cấp số mới B-001 thay cho số A2-001; không còn ai đứng trước số này. Hãy báo số mới cho người dân.',
    );
    expect(after).toContain('chưa vào hàng chờ (1)');
    // The notice is read from the database: a link that makes up numbers announces nothing.
    const crafted = await (await officer.req('/desk?queued=A-009&ahead=3&old=A2-001')).text();
    expect(crafted).not.toContain('A-009');
    expect(await (await officer.req('/desk?resolved=nope')).text()).not.toContain('Đã cấp số mới');
    expect(after).toContain('Đang chờ: 2');

    // The same form again (another officer, a double click): told, nothing issued twice.
    const again = await officer.form('/desk/refused', { csrf, id, action: 'queue', confirmed: 'yes' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Số này đã được một cán bộ khác xử lý.');

    // The counter's status changes work on it: called before A-001 (printed earlier, and elderly).
    expect((await officer.form('/desk/q1/call-next', { csrf })).status).toBe(303);
    const calling = await (await officer.req('/desk/q1')).text();
    expect(calling).toMatch(/Đang phục vụ[\s\S]*B-001/);
    expect((await officer.form('/desk/q1/start', { csrf })).status).toBe(303);
    expect((await officer.form('/desk/q1/finish', { csrf, dossierCode: '' })).status).toBe(303);
    const position = await office.tickets.today();
    expect(position.find((t) => t.number === 'B-001')).toMatchObject({ status: 'done', priority: 'elderly' });
  });

  it('dismisses one only after confirming; an unknown one is said in words', async () => {
    const csrf = await officer.csrf('/desk');
    const id = /name="id" value="([^"]+)"/.exec(await (await officer.req('/desk')).text())![1]!;
    const ask = await (await officer.form('/desk/refused', { csrf, id, action: 'dismiss' })).text();
    expect(ask).toContain('Ghi nhận số A2-002 là đã xử lý?');
    const done = await officer.form('/desk/refused', { csrf, id, action: 'dismiss', confirmed: 'yes' });
    expect(done.headers.get('location')).toBe(`/desk?${new URLSearchParams({ resolved: id })}`);
    const unknown = await officer.form('/desk/refused', { csrf, id: 'nope', action: 'dismiss' });
    expect(unknown.status).toBe(409);
    expect(await unknown.text()).toContain('Không tìm thấy số này trong danh sách.');
    const bad = await officer.form('/desk/refused', { csrf, id, action: 'delete' });
    expect(bad.status).toBe(400);

    const page = await (await officer.req(`${done.headers.get('location')}&lang=en`)).text();
    expect(page).toContain('Number A2-002 recorded as handled.');
    expect(page).not.toContain('id="refused-h"');
  });
});
