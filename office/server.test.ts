import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { testOffice, enrol, ADMIN_PASSWORD } from './test-support/office.ts';
import { Staff } from './test-support/staff-browser.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { sequenceGaps } from './sync/gaps.ts';
import { createEnrolmentCode } from './sync/enrol.ts';
import {
  PushAnswerSchema,
  SyncErrorSchema,
  PullAnswerSchema,
  HealthAnswerSchema,
} from '../shared/contracts/sync.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let token: string;

const post = (path: string, body: unknown, auth = token, headers: Record<string, string> = {}) =>
  fetch(`${office.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const push = (items: unknown[], auth = token) =>
  post('/api/sync/push', { protocol: 1, appVersion: '0.1.0', waiting: items.length, items }, auth);
const dossierCount = async () =>
  Number(
    (
      await office.database.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// The whole API and dashboard suite runs on SQLite and, where available, PostgreSQL.
forEachDatabase('office over HTTP', (target) => {
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    ({ token } = await enrol(office));
  }, 60_000);
  afterAll(async () => office.cleanup());

  describe('sync API', () => {
    it('answers health with the protocol marker', async () => {
      const res = await fetch(`${office.url}/api/health`);
      expect(HealthAnswerSchema.parse(await res.json()).service).toBe('commune-office');
    });

    it('stores, then answers duplicate with the same receipt time, and conflict on changed content', async () => {
      const payload = dossierPayload();
      const first = PushAnswerSchema.parse(await (await push([item('dossier', payload, 1)])).json());
      const second = PushAnswerSchema.parse(await (await push([item('dossier', payload, 1)])).json());
      expect(first.results[0]!.outcome).toBe('stored');
      expect(second.results[0]).toEqual({ ...first.results[0], outcome: 'duplicate' });
      const third = PushAnswerSchema.parse(
        await (await push([item('dossier', { ...payload, formData: {} }, 1)])).json(),
      );
      expect(third.results[0]!.outcome).toBe('conflict');
    });

    it('refuses unknown tokens (401), revoked kiosks (403) and used enrolment codes', async () => {
      const before = await dossierCount();
      expect(
        (await push([item('dossier', dossierPayload(), 1)], `${randomUUID()}.${'a'.repeat(43)}`)).status,
      ).toBe(401);
      expect((await push([item('dossier', dossierPayload(), 1)], 'garbage')).status).toBe(401);
      const other = await enrol(office, 'Kiosk thôn');
      await office.database.db
        .updateTable('kiosks')
        .set({ revoked: 1 })
        .where('id', '=', other.kioskId)
        .execute();
      const res = await push([item('dossier', dossierPayload(), 1)], other.token);
      expect(res.status).toBe(403);
      expect(SyncErrorSchema.parse(await res.json()).error).toBe('revoked');
      const reuse = await post(
        '/api/sync/enrol',
        { protocol: 1, code: 'ABCD-EFGH', deviceName: 'x', appVersion: '1' },
        '',
      );
      expect(reuse.status).toBe(403);
      expect(await dossierCount()).toBe(before);
    });

    it('looks up a status by dossier code through pull', async () => {
      const payload = dossierPayload({ code: 'H12.34-261121-0777' });
      await push([item('dossier', payload, 50)]);
      const res = await post('/api/sync/pull', {
        protocol: 1,
        profileVersion: null,
        catalogueVersion: null,
        statusCursor: null,
        lookupCodes: ['H12.34-261121-0777'],
      });
      const answer = PullAnswerSchema.parse(await res.json());
      expect(answer.lookups).toEqual([
        expect.objectContaining({ dossierId: payload.id, status: 'received' }),
      ]);
    });

    it('answers a look-up of a dossier with a receipt check part only with that check part', async () => {
      const lookupKey = '7KQ4M2XD9PTA3F6B';
      const payload = dossierPayload({ code: 'H12.34-261121-0778', lookupKey });
      expect(
        PushAnswerSchema.parse(await (await push([item('dossier', payload, 60)])).json()).results[0],
      ).toMatchObject({ outcome: 'stored' });
      const lookUp = async (fields: Record<string, unknown>) =>
        PullAnswerSchema.parse(
          await (
            await post('/api/sync/pull', {
              protocol: 1,
              profileVersion: null,
              catalogueVersion: null,
              statusCursor: null,
              ...fields,
            })
          ).json(),
        ).lookups;
      // Typing codes in sequence: a bare code, or a guessed check part, gets nothing.
      expect(await lookUp({ lookupCodes: [payload.code] })).toEqual([]);
      expect(await lookUp({ lookupRefs: [{ code: payload.code, key: '7KQ4M2XD9PTA3F6C' }] })).toEqual([]);
      // Another dossier's check part does not open this one.
      expect(await lookUp({ lookupRefs: [{ code: 'H12.34-261121-0777', key: lookupKey }] })).toEqual([]);
      expect(await lookUp({ lookupRefs: [{ code: payload.code, key: lookupKey }] })).toEqual([
        expect.objectContaining({ dossierId: payload.id, code: payload.code, status: 'received' }),
      ]);
    });

    it('uploads an attachment in chunks over HTTP and resumes from the offset the office reports', async () => {
      const bytes = Buffer.alloc(5000, 7);
      const { sha256 } = await import('./test-support/fixtures.ts');
      const hash = sha256(bytes);
      const put = (offset: number, chunk: Buffer) =>
        fetch(`${office.url}/api/sync/attachments/${hash}?offset=${offset}&total=${bytes.length}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
          body: new Uint8Array(chunk),
        });
      // Bytes only for a hash this kiosk announced.
      const refused = await put(0, bytes.subarray(0, 2000));
      expect(refused.status).toBe(403);
      expect(SyncErrorSchema.parse(await refused.json()).reasons[0]).toContain('announced');
      const dossier = dossierPayload({ attachmentHashes: [hash] });
      const meta = {
        id: randomUUID(),
        dossierId: dossier.id,
        hash,
        size: bytes.length,
        mediaType: 'image/png',
        fileName: 'giấy khai sinh.png',
      };
      await push([item('dossier', dossier, 950), item('attachment-meta', meta, 951)]);
      expect((await put(0, bytes.subarray(0, 2000))).status).toBe(200);
      expect((await put(4000, bytes.subarray(4000))).status).toBe(409);
      const state = await (
        await fetch(`${office.url}/api/sync/attachments/${hash}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json();
      expect(state).toMatchObject({ received: 2000, complete: false });
      const done = await (await put(2000, bytes.subarray(2000))).json();
      expect(done).toMatchObject({ received: 5000, complete: true });
    });

    it('answers bad input with 4xx and reasons, never 500, storing nothing (bounded fuzz)', async () => {
      const before = await dossierCount();
      const valid = {
        protocol: 1,
        appVersion: '0.1.0',
        waiting: 1,
        items: [item('dossier', dossierPayload(), 900)],
      };
      const hostile = [
        '<script>alert(1)</script>',
        '\u0000',
        '\uD800',
        "'; drop table dossiers; --",
        'a'.repeat(5000),
        '{{constructor}}',
        '__proto__',
      ];
      const bodies: string[] = [
        '',
        '{',
        'null',
        '[]',
        '"x"',
        '1e309',
        '{"protocol":2}',
        JSON.stringify({ ...valid, items: 'x' }),
      ];
      let seed = 42;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const mutate = (v: unknown, depth: number): unknown => {
        if (depth > 4) return v;
        if (Array.isArray(v)) return v.map((x) => mutate(x, depth + 1));
        if (v && typeof v === 'object') {
          const out: Record<string, unknown> = {};
          for (const [k, x] of Object.entries(v)) {
            const r = rand(10);
            if (r === 0) continue; // drop the key
            out[k] =
              r === 1
                ? hostile[rand(hostile.length)]
                : r === 2
                  ? rand(3) === 0
                    ? null
                    : -1
                  : r === 3
                    ? [x]
                    : mutate(x, depth + 1);
          }
          if (rand(8) === 0) out[hostile[rand(hostile.length)]!] = 1;
          return out;
        }
        return v;
      };
      for (let i = 0; i < 300; i++) bodies.push(JSON.stringify(mutate(valid, 0)));
      const started = Date.now();
      const statuses = new Map<number, number>();
      for (const body of bodies) {
        const res = await post('/api/sync/push', body);
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, text).toBeLessThan(500);
        if (res.status >= 400)
          expect(SyncErrorSchema.parse(JSON.parse(text)).reasons.length).toBeGreaterThan(0);
        else
          for (const r of PushAnswerSchema.parse(JSON.parse(text)).results)
            expect(r.outcome).toMatch(/invalid|stored/);
      }
      // Wrong media type, oversized body, wrong method.
      expect(
        (await post('/api/sync/push', JSON.stringify(valid), token, { 'Content-Type': 'text/plain' })).status,
      ).toBe(415);
      expect(
        (await post('/api/sync/push', JSON.stringify({ ...valid, pad: 'x'.repeat(5 * 1024 * 1024) }))).status,
      ).toBe(413);
      expect(
        (await fetch(`${office.url}/api/sync/push`, { headers: { Authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(405);
      expect(Date.now() - started).toBeLessThan(15_000);
      // Mutations that stayed valid may have stored the one valid dossier, never more.
      expect((await dossierCount()) - before).toBeLessThanOrEqual(1);
      expect(statuses.get(400)).toBeGreaterThan(50);
    });
  });

  describe('staff dashboard', () => {
    it('requires sign-in, refuses a wrong password and a missing CSRF token, sets HttpOnly SameSite=Strict cookies', async () => {
      const staff = new Staff(office.url);
      expect((await staff.req('/')).headers.get('location')).toBe('/login');
      expect((await staff.signIn('wrong')).headers.get('location')).toBe('/login?failed=1');
      const noCsrf = await staff.form('/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(noCsrf.status).toBe(403);
      const ok = await staff.signIn();
      expect(ok.headers.get('location')).toBe('/');
      expect(ok.headers.getSetCookie().find((c) => c.startsWith('office_session='))).toMatch(
        /HttpOnly; SameSite=Strict/,
      );
    });

    it('shows the queue with hostile names as text, records a status change with who, and needs CSRF for it', async () => {
      const now = Date.now();
      const iso = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().replace('Z', '+07:00');
      const payload = dossierPayload({
        applicantName: '<img src=x onerror=alert(1)>',
        receivedAt: iso(now - 3600_000),
        dueAt: iso(now - 60_000),
        formData: { note: '<b>bold</b>' },
      });
      await push([item('dossier', payload, 100)]);
      const staff = new Staff(office.url);
      await staff.signIn();
      const queue = await (await staff.req('/')).text();
      expect(queue).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(queue).not.toContain('<img src=x');
      expect(queue).toMatch(
        /<tr data-id="[^"]+" class="overdue">\s*<td><a[^>]*>[^<]*<\/a><\/td>\s*<td>&lt;img[^]*?Quá hạn/,
      );
      const detail = await (await staff.req(`/dossiers/${payload.id}`)).text();
      expect(detail).toContain('&lt;b&gt;bold&lt;/b&gt;');
      expect(
        (await staff.form(`/dossiers/${payload.id}/status`, { status: 'result-ready', csrf: 'forged' }))
          .status,
      ).toBe(403);
      const csrf = await staff.csrf(`/dossiers/${payload.id}`);
      const refused = await staff.form(`/dossiers/${payload.id}/status`, {
        status: 'refused',
        reason: ' ',
        csrf,
      });
      expect(refused.status).toBe(400);
      // The choice stays selected and the page says why, where the officer is looking.
      const refusedPage = await refused.text();
      expect(refusedPage).toMatch(/<option value="refused"\s+selected>/);
      expect(refusedPage).toContain('role="alert">Cần nhập lý do cho trạng thái này.');
      expect(
        (await staff.form(`/dossiers/${payload.id}/status`, { status: 'result-ready', csrf })).status,
      ).toBe(303);
      const after = await (await staff.req(`/dossiers/${payload.id}?lang=en`)).text();
      expect(after).toContain('Result ready');
      expect(after).toContain('Administrator');
    });

    it('creates an enrolment code a kiosk can use once, and revokes a kiosk', async () => {
      const staff = new Staff(office.url);
      await staff.signIn();
      const page = await (await staff.form('/kiosks/codes', { csrf: await staff.csrf('/kiosks') })).text();
      const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page.split('role="status"')[1]!)![1]!;
      const enrolBody = { protocol: 1, code, deviceName: 'Kiosk <thôn 2>', appVersion: '0.1.0' };
      const first = await post('/api/sync/enrol', enrolBody, '');
      expect(first.status).toBe(200);
      expect((await post('/api/sync/enrol', enrolBody, '')).status).toBe(403);
      const { kioskId, token: newToken } = (await first.json()) as { kioskId: string; token: string };
      const kiosks = await (await staff.req('/kiosks')).text();
      expect(kiosks).toContain('Kiosk &lt;thôn 2&gt;');
      // Revoking asks first; nothing happens until it is confirmed.
      const ask = await staff.form(`/kiosks/${kioskId}/revoke`, { csrf: await staff.csrf('/kiosks') });
      expect(await ask.text()).toContain('Kiosk &lt;thôn 2&gt;');
      expect((await push([], newToken)).status).toBe(200);
      await staff.form(`/kiosks/${kioskId}/revoke`, { csrf: await staff.csrf('/kiosks'), confirmed: 'yes' });
      expect((await push([], newToken)).status).toBe(403);
    });

    it("counts a re-enrolled kiosk's gaps from the firstSeq it gave, not from 1", async () => {
      const pushSeqs = async (auth: string, seqs: number[]) => {
        const res = await push(
          seqs.map((n) => item('dossier', dossierPayload(), n)),
          auth,
        );
        const answer = PushAnswerSchema.parse(await res.json());
        expect(answer.results.map((r) => r.outcome)).toEqual(seqs.map(() => 'stored'));
      };
      const kioskRow = (page: string, name: string) =>
        page.split('<tr').find((row) => row.includes(name)) ?? '';
      const staff = new Staff(office.url);
      await staff.signIn();

      // The first identity sends 1…5 and is revoked.
      const before = await enrol(office, 'Kiosk chợ');
      await pushSeqs(before.token, [1, 2, 3, 4, 5]);
      await staff.form(`/kiosks/${before.kioskId}/revoke`, {
        csrf: await staff.csrf('/kiosks'),
        confirmed: 'yes',
      });
      expect(await sequenceGaps(office.database.db, before.kioskId)).toEqual({
        missing: 0,
        ranges: [],
        highest: 5,
      });

      // Re-enrolled: the outbox's next number is 6, and 6…8 arrive → no gap 1…5.
      const after = await enrol(office, 'Kiosk chợ mới', 6);
      await pushSeqs(after.token, [6, 7, 8]);
      expect(await sequenceGaps(office.database.db, after.kioskId)).toEqual({
        missing: 0,
        ranges: [],
        highest: 8,
      });

      // Re-enrolled from 6, but 6 never arrived: that one is a gap, 1…5 still are not.
      const lossy = await enrol(office, 'Kiosk chợ thiếu', 6);
      await pushSeqs(lossy.token, [7, 8]);
      expect(await sequenceGaps(office.database.db, lossy.kioskId)).toEqual({
        missing: 1,
        ranges: [[6, 6]],
        highest: 8,
      });

      // A kiosk that says nothing (an older version) is counted from 1, as before.
      const older = await enrol(office, 'Kiosk chợ cũ');
      await pushSeqs(older.token, [3]);
      expect(await sequenceGaps(office.database.db, older.kioskId)).toMatchObject({
        missing: 2,
        ranges: [[1, 2]],
      });

      const page = await (await staff.req('/kiosks?lang=en')).text();
      expect(kioskRow(page, 'Kiosk chợ mới<')).toContain('None');
      expect(kioskRow(page, 'Kiosk chợ thiếu<')).toContain('1: 6');
      expect(kioskRow(page, 'Kiosk chợ cũ<')).toContain('2: 1–2');
    });

    it('refuses a firstSeq that is not a positive integer, without using the code', async () => {
      const admin = await office.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const code = await createEnrolmentCode(office.database.db, Number(admin.id), Date.now());
      const body = { protocol: 1, code, deviceName: 'Kiosk', appVersion: '0.1.0' };
      for (const firstSeq of [0, -3, 2.5, '6']) {
        const res = await post('/api/sync/enrol', { ...body, firstSeq }, '');
        expect(res.status, String(firstSeq)).toBe(400);
        expect(SyncErrorSchema.parse(await res.json()).reasons.join()).toContain('firstSeq');
      }
      const ok = await post('/api/sync/enrol', { ...body, firstSeq: 12 }, '');
      expect(ok.status).toBe(200);
      const { kioskId } = (await ok.json()) as { kioskId: string };
      const row = await office.database.db
        .selectFrom('kiosks')
        .select('first_seq')
        .where('id', '=', kioskId)
        .executeTakeFirstOrThrow();
      expect(Number(row.first_seq)).toBe(12);
    });

    it('renders the report with a chart and downloads CSV and XLSX', async () => {
      const staff = new Staff(office.url);
      await staff.signIn();
      const range = 'from=2026-11-23&to=2026-11-29';
      const page = await (await staff.req(`/reports/weekly?${range}`)).text();
      expect(page).toMatch(/<svg\s[^>]*class="chart"/);
      expect(page).toContain('Ngày không giấy hẹn');
      // The chart's legend, and rates with their % sign in the page's number style.
      expect(page).toMatch(/<g class="legend-item"[\s\S]*?>Quá hạn<\/text/);
      expect(page).toMatch(/<td class="percent"[^>]*>\d+(,\d)?%<\/td>/);
      const csv = await (await staff.req(`/reports/weekly?${range}&format=csv`)).text();
      expect(csv.split('\r\n')[0]).toContain('Tiếp nhận');
      // Names, not bare codes (the shipped catalogue until the office publishes its own).
      expect(csv).toMatch(/"Chứng thực bản sao[^"\n]*\(2\.000815\)",Ngày không giấy hẹn,\d+/);
      const xlsx = await staff.req(`/reports/weekly?${range}&format=xlsx&lang=en`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getRow(1).getCell(3).value).toBe('Received');
      // The page's column names are the downloads' (the page splits them into its two tables).
      const headsOf = (html: string) =>
        [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
      const pageEn = await (await staff.req(`/reports/weekly?${range}&lang=en`)).text();
      const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
      expect(headsOf(pageEn)).toEqual(headers.slice(0, 12));
      expect(headsOf(page)).toEqual(
        csv
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]!
          .split(',')
          .slice(0, 12),
      );
      expect((await staff.req('/reports/weekly?from=2026-13-01&to=2026-11-29')).status).toBe(400);
    });

    it('takes dates typed dd/mm/yyyy, shows them so, and keeps a wrong one with the message', async () => {
      const staff = new Staff(office.url);
      await staff.signIn();
      const typed = await staff.req('/reports/weekly?from=23%2F11%2F2026&to=29/11/2026');
      expect(typed.status).toBe(200);
      const page = await typed.text();
      expect(page).toMatch(/name="from"\s+value="23\/11\/2026"/);
      expect(page).toContain('Từ ngày 23/11/2026 đến ngày 29/11/2026');
      const csv = await staff.req('/reports/weekly?from=23/11/2026&to=29/11/2026&format=csv');
      expect(csv.headers.get('content-disposition')).toContain('bao-cao-2026-11-23_2026-11-29.csv');
      expect(page).not.toContain('type="date"');
      const wrong = await staff.req('/reports/weekly?from=31/11/2026&to=29/11/2026');
      expect(wrong.status).toBe(400);
      const refused = await wrong.text();
      expect(refused).toMatch(/name="from"\s+value="31\/11\/2026"/);
      expect(refused).toContain('ghi ngày theo ngày/tháng/năm');
    });
  });

  describe('published configuration', () => {
    it('publishes a profile from the dashboard; pull delivers it once per version', async () => {
      const { readFileSync } = await import('node:fs');
      const profile = readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
      const staff = new Staff(office.url);
      await staff.signIn();
      const csrf = await staff.csrf('/config');
      expect((await staff.form('/config/profile', { csrf, json: '{"schemaVersion":1}' })).status).toBe(400);
      const ok = await staff.form('/config/profile', { csrf, json: profile });
      expect(ok.status).toBe(200);
      const pullOnce = async (profileVersion: string | null) =>
        PullAnswerSchema.parse(
          await (
            await post('/api/sync/pull', {
              protocol: 1,
              profileVersion,
              catalogueVersion: null,
              statusCursor: null,
            })
          ).json(),
        );
      const first = await pullOnce(null);
      expect(first.profile?.profile.office.name).toBe(JSON.parse(profile).office.name);
      expect((await pullOnce(first.profile!.version)).profile).toBeNull();
    });
    it('refuses from the dashboard a catalogue that drops a procedure the profile uses; an earlier profile can be published again', async () => {
      const { readFileSync } = await import('node:fs');
      const { CATALOGUE } = await import('../shared/catalogue/procedures.ts');
      const profile = readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
      const staff = new Staff(office.url);
      await staff.signIn();
      const dropped = { ...CATALOGUE, procedures: CATALOGUE.procedures.filter((p) => p.code !== '2.000815') };
      const refused = await staff.form('/config/catalogue', {
        csrf: await staff.csrf('/config'),
        json: JSON.stringify(dropped),
      });
      expect(refused.status).toBe(400);
      const page = await refused.text();
      expect(page).toContain('role="alert"');
      expect(page).toContain('2.000815');
      // What was pasted stays in the form.
      expect(page).toContain(`&quot;version&quot;:&quot;${CATALOGUE.version}&quot;`);

      const changed = JSON.stringify({ ...JSON.parse(profile), notes: ['một phiên bản khác'] });
      expect(
        (await staff.form('/config/profile', { csrf: await staff.csrf('/config'), json: changed })).status,
      ).toBe(200);
      const list = await (await staff.req('/config')).text();
      const earlier = /name="version" value="(profile\+[0-9a-f]+)"/.exec(list)![1]!;
      const republished = await staff.form('/config/profile/republish', {
        csrf: await staff.csrf('/config'),
        version: earlier,
      });
      expect(republished.status).toBe(200);
      const current = /(?:Phiên bản hiện hành|Current version):\s*(profile\+[0-9a-f]+)/.exec(
        await republished.text(),
      );
      expect(current?.[1]).toBe(earlier);
    });
  });

  describe('staff roles', () => {
    it('lets the admin create an officer who may change statuses but not manage kiosks or accounts', async () => {
      const admin = new Staff(office.url);
      await admin.signIn();
      const weak = await admin.form('/accounts', {
        csrf: await admin.csrf('/accounts'),
        username: 'lan.nt',
        displayName: 'Nguyễn Thị Lan',
        role: 'officer',
        password: 'short',
      });
      expect(weak.status).toBe(400);
      const created = await admin.form('/accounts', {
        csrf: await admin.csrf('/accounts'),
        username: 'lan.nt',
        displayName: '<Nguyễn Thị Lan>',
        role: 'officer',
        password: 'mat-khau-dai-du',
      });
      expect(created.status).toBe(200);
      expect(await created.text()).toContain('&lt;Nguyễn Thị Lan&gt;');
      const officer = new Staff(office.url);
      expect((await officer.signIn('mat-khau-dai-du', 'lan.nt')).headers.get('location')).toBe('/');
      expect((await officer.req('/accounts')).status).toBe(403);
      expect((await officer.form('/kiosks/codes', { csrf: await officer.csrf('/kiosks') })).status).toBe(403);
      const payload = dossierPayload();
      await push([item('dossier', payload, 500)]);
      const csrf = await officer.csrf(`/dossiers/${payload.id}`);
      expect(
        (await officer.form(`/dossiers/${payload.id}/status`, { status: 'processing', csrf })).status,
      ).toBe(303);
      expect(await (await officer.req(`/dossiers/${payload.id}`)).text()).toContain('&lt;Nguyễn Thị Lan&gt;');
    });
  });
});
