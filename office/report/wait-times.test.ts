import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { ADMIN_PASSWORD, enrol, testOffice } from '../test-support/office.ts';
import { dossierPayload, item } from '../test-support/fixtures.ts';
import { ingestBatch } from '../sync/push.ts';
import { publishConfig } from '../published-config.ts';
import { waitTimes } from './wait-times.ts';

// Monday 23/11/2026 in Vietnam; the Chợ Đồn profile runs "Ngày không chờ" and
// "30 phút tăng thêm vì dân" for the whole desk on Mondays, and the cashless day for the
// certification procedures (assets/profiles/cho-don.json).
const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+07:00`);
const DAY_START = at('00:00');
const DAY_END = DAY_START + 86_400_000;
const DOSSIER_CODE = 'H12.34-261121-0001';

let office: Awaited<ReturnType<typeof testOffice>> | null = null;
afterEach(async () => {
  await office?.cleanup();
  office = null;
});

forEachDatabase('wait times in the report', (target) => {
  async function morning(options: { profile: boolean }) {
    let clock = at('07:30');
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, now: () => clock });
    const { db } = office.database;
    const desk = office.tickets;
    await desk.configure(
      [
        // Several procedures: a ticket without a dossier cannot be tied to one of them.
        { id: 'civil', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193', '1.000894'] },
        { id: 'cert', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
      ],
      [
        { id: 'q1', number: 1, serviceIds: ['civil'], open: true },
        { id: 'q2', number: 2, serviceIds: ['cert'], open: true },
      ],
    );
    if (options.profile) {
      const admin = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
      const profile = readFileSync(new URL('../../assets/profiles/cho-don.json', import.meta.url), 'utf8');
      const published = await publishConfig(db, 'profile', profile, Number(admin.id), clock);
      expect(published.ok).toBe(true);
    }
    const { kioskId } = await enrol(office);
    // The dossier the first certification ticket becomes: received under its own models.
    await ingestBatch(
      db,
      kioskId,
      [item('dossier', dossierPayload({ receivedAt: '2026-11-23T07:40:00+07:00' }, 1), 1)],
      clock,
    );
    const set = (hhmm: string) => (clock = at(hhmm));
    const act = async (counter: string, action: Parameters<typeof desk.act>[1]) => {
      const r = await desk.act(counter, action);
      if (!r.ok) throw new Error(r.reason);
      return r.ticket;
    };
    for (const [hhmm, serviceId] of [
      ['07:30', 'cert'],
      ['07:31', 'cert'],
      ['07:32', 'civil'],
      ['07:33', 'civil'],
    ] as const) {
      set(hhmm);
      const r = await desk.issue({ serviceId, priority: null, kioskId: null });
      if (!r.ok) throw new Error(r.reason);
    }
    set('07:35');
    await act('q2', { kind: 'call-next' }); // B-001 waited 5 minutes
    await act('q2', { kind: 'start' });
    set('07:40');
    await act('q1', { kind: 'call-next' }); // A-001 waited 8 minutes
    set('07:45');
    await act('q2', { kind: 'finish', dossierCode: DOSSIER_CODE }); // served 10 minutes
    set('07:47');
    await act('q1', { kind: 'no-show' });
    set('07:50');
    await act('q2', { kind: 'call-next' }); // B-002 waited 19 minutes
    set('07:52');
    await act('q2', { kind: 'finish' }); // served 2 minutes, no dossier
    set('08:00'); // A-002 has waited 27 minutes and is still waiting
    return { db, now: clock };
  }

  it('ties each ticket to its dossier, else its single procedure, else its service, under the right models', async () => {
    const { db, now } = await morning({ profile: true });
    const { rows, total } = await waitTimes(db, DAY_START, DAY_END, now);
    const row = (procedureCode: string | null, model: string) =>
      rows.find((r) => r.procedureCode === procedureCode && r.model === model)?.stats;

    // Rule 1: B-001 counts where its dossier counts (the fixture's no-appointment, no-writing),
    // not under the models the profile runs that Monday.
    for (const model of ['no-appointment', 'no-writing'])
      expect(row('2.000815', model)).toMatchObject({
        tickets: 1,
        waitMedian: 5,
        serviceMedian: 10,
        calledWithinNoWait: 1,
      });
    // Rule 2: B-002 has no dossier; its service serves one procedure, on that Monday's models for it.
    for (const model of ['no-waiting', 'extra-half-hour', 'cashless'])
      expect(row('2.000815', model)).toMatchObject({
        tickets: 1,
        waitMedian: 19,
        waitP90: 19,
        serviceMedian: 2,
        calledWithinNoWait: 0,
      });
    // Rule 3: civil status serves two procedures: its tickets have a row of their own, under
    // the whole-desk models only (the cashless day does not cover its procedures).
    const civil = rows.filter((r) => r.service?.name === 'Hộ tịch');
    expect(civil.map((r) => r.model).sort()).toEqual(['extra-half-hour', 'no-waiting']);
    for (const r of civil) {
      expect(r.procedureCode).toBeNull();
      // A-001 called after 8 minutes (then absent: no service time); A-002 still waiting after 27.
      expect(r.stats).toMatchObject({
        tickets: 2,
        called: 1,
        waitMedian: 8,
        serviceMedian: null,
        calledWithinNoWait: 0.5,
      });
    }
    // The total counts each ticket once: waits 5, 8, 19; 2 of 4 judged tickets within 15 minutes.
    expect(total).toMatchObject({
      tickets: 4,
      called: 3,
      waitMedian: 8,
      waitP90: 19,
      serviceMedian: 6,
      serviceP90: 10,
      calledWithinNoWait: 0.5,
    });
    // Another period has none of them.
    expect((await waitTimes(db, DAY_END, DAY_END + 86_400_000, now)).rows).toEqual([]);
  });

  it('without a published profile, tickets without a dossier count outside any model', async () => {
    const { db, now } = await morning({ profile: false });
    const { rows } = await waitTimes(db, DAY_START, DAY_END, now);
    expect(
      rows.filter((r) => r.procedureCode !== '2.000815' || r.stats.waitMedian !== 5).map((r) => r.model),
    ).toEqual(['none', 'none']);
  });

  it('shows them on the report page, its chart and in the CSV and XLSX downloads, with names', async () => {
    await morning({ profile: true });
    const base = office!.url;
    const cookies = new Map<string, string>();
    const req = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(base + path, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      return res;
    };
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await req('/login')).text())![1]!;
    await req('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, username: 'admin', password: ADMIN_PASSWORD }).toString(),
    });
    const range = 'from=2026-11-23&to=2026-11-29';

    const page = await (await req(`/reports/weekly?${range}`)).text();
    expect(page).toContain('Thời gian chờ, trung vị (phút)');
    expect(page).toMatch(
      /<svg[^>]*class="chart"[^>]*aria-label="Biểu đồ thời gian chờ theo thủ tục: trung vị, 90% số phiếu không quá, mốc 15 phút"/,
    );
    expect(page).toContain('Hộ tịch (phiếu chưa gắn hồ sơ)\u00a0· Ngày không chờ');
    // Tickets without a dossier are a row of the desk's table only, with its share as a percentage.
    const tableOf = (part: string) =>
      new RegExp(`<table class="report ${part}">[\\s\\S]*?</table>`).exec(page)![0];
    expect(tableOf('dossiers')).not.toContain('Hộ tịch');
    expect(tableOf('tickets')).toMatch(
      /<td class="text"[^>]*>Hộ tịch \(phiếu chưa gắn hồ sơ\)<\/td>(\s*<td[^>]*>[^<]*<\/td>){6}\s*<td class="percent"[^>]*>50%<\/td>/,
    );

    const csv = await (await req(`/reports/weekly?${range}&format=csv`)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain(
      'Số phiếu số thứ tự,"Thời gian chờ, trung vị (phút)","Thời gian chờ, 90% số phiếu không quá (phút)"',
    );
    expect(lines[0]).toContain('Tỷ lệ được gọi trong 15 phút (không chờ)');
    // Procedure by name; 1 ticket, wait 19/19 min, service 2/2 min, 0 % within 15 minutes.
    expect(lines).toContainEqual(
      expect.stringMatching(/^"Chứng thực bản sao[^"]*\(2\.000815\)",Ngày không chờ,0,.*,1,19,19,2,2,0%$/),
    );
    expect(lines).toContainEqual('Hộ tịch (phiếu chưa gắn hồ sơ),Ngày không chờ,0,0,0,0,0,,,,0,,2,8,8,,,50%');

    const xlsx = await req(`/reports/weekly?${range}&format=xlsx&lang=en`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const col = header.indexOf('Wait, median (min)');
    expect(col).toBeGreaterThan(0);
    const civil = sheet
      .getSheetValues()
      .find(
        (r) =>
          Array.isArray(r) && r[1] === 'Hộ tịch (tickets without a dossier)' && r[2] === 'No-waiting day',
      ) as unknown[];
    expect(civil[col]).toBe(8);
    const shareCol = header.indexOf('Called within 15 minutes (no-waiting) share');
    // A fraction shown as a percentage by the spreadsheet.
    expect(civil[shareCol]).toBe(0.5);
    expect(sheet.getColumn(shareCol).numFmt).toBe('0.0%');
  });
});
