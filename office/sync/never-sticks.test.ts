import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { sql } from 'kysely';
import { testOffice, enrol } from '../test-support/office.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { dossierPayload, item, sha256 } from '../test-support/fixtures.ts';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import { createEnrolmentCode } from './enrol.ts';
import { EnrolAnswerSchema, PushAnswerSchema } from '../../shared/contracts/sync.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/**
 * Issue 11, item 6: one bad item never holds its batch, what is stored is what was
 * hashed (a NUL, a lone surrogate, a field named `__proto__`), enrolment survives a lost
 * answer, an abandoned request is one log line.
 * Over real HTTP, on SQLite and PostgreSQL.
 */
forEachDatabase('sync that never sticks', (target) => {
  let office: Office;
  let token: string;
  let kioskId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      log: (line) => logs.push(line),
    });
    ({ token, kioskId } = await enrol(office));
  }, 60_000);
  afterAll(async () => office.cleanup());

  /** The raw JSON text is built by hand where JSON.stringify would lose what we test. */
  const pushText = (body: string) =>
    fetch(`${office.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    });
  const push = (items: unknown[], waiting = items.length) =>
    pushText(JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting, items }));

  it('answers an item with a NUL character invalid, and stores its batch-mates (never a 500)', async () => {
    const before = item('dossier', dossierPayload(), 1);
    const nul = item('dossier', dossierPayload({ applicantName: 'Trần\u0000Thị B' }), 2);
    const after = item('dossier', dossierPayload(), 3);
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await push([before, nul, after]);
      expect(res.status).toBe(200);
      const { results } = PushAnswerSchema.parse(await res.json());
      expect(results.map((r) => r.outcome)).toEqual(
        attempt === 0 ? ['stored', 'invalid', 'stored'] : ['duplicate', 'invalid', 'duplicate'],
      );
      expect(results[1]).toMatchObject({ reasons: [expect.stringContaining('payload.applicantName')] });
    }
    const rows = await office.database.db
      .selectFrom('dossiers')
      .select('id')
      .where('id', '=', nul.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a lone surrogate instead of storing U+FFFD, in a value or in a form field name', async () => {
    const inName = item('dossier', dossierPayload({ applicantName: 'Lê \ud800Văn' }), 4);
    const inKey = item('dossier', dossierPayload({ formData: { 'x\udc00': 'a' } }), 5);
    const paired = item('dossier', dossierPayload({ applicantName: 'Lê 𠀀 Văn' }), 6); // a real astral character
    const escaped = item('dossier', dossierPayload({ applicantName: 'Lê \\ud800 Văn' }), 7); // a backslash, not an escape
    const { results } = PushAnswerSchema.parse(await (await push([inName, inKey, paired, escaped])).json());
    expect(results.map((r) => r.outcome)).toEqual(['invalid', 'invalid', 'stored', 'stored']);
    const stored = await office.database.db
      .selectFrom('dossiers')
      .select(['id', 'applicant_name'])
      .where('id', 'in', [paired.id, escaped.id])
      .execute();
    expect(new Map(stored.map((r) => [r.id, r.applicant_name]))).toEqual(
      new Map([
        [paired.id, 'Lê 𠀀 Văn'],
        [escaped.id, 'Lê \\ud800 Văn'],
      ]),
    );
  });

  it('stores a form field named __proto__ like any other: what is stored is what was hashed', async () => {
    const payload = dossierPayload({ formData: { 'child.name': 'Lò Văn Páo' } });
    // JSON.stringify cannot write an own "__proto__" key from an object literal: build the text.
    const formData = '{"__proto__":"Thôn Nà Pồng","child.name":"Lò Văn Páo"}';
    const payloadText = JSON.stringify(payload).replace(/"formData":\{[^}]*\}/, `"formData":${formData}`);
    const parsed = JSON.parse(payloadText) as Record<string, unknown>;
    expect(Object.keys(parsed.formData as object)).toEqual(['__proto__', 'child.name']);
    const hash = sha256(canonicalJson(parsed));
    const res = await pushText(
      `{"protocol":1,"appVersion":"0.1.0","waiting":1,"items":[{"kind":"dossier","id":"${String(payload.id)}","seq":8,"hash":"${hash}","payload":${payloadText}}]}`,
    );
    expect(res.status).toBe(200);
    const { results } = PushAnswerSchema.parse(await res.json());
    expect(results).toMatchObject([{ outcome: 'stored', hash }]);
    const row = await office.database.db
      .selectFrom('dossiers')
      .select(['form_data', 'content_hash'])
      .where('id', '=', String(payload.id))
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(row.form_data) as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['__proto__', 'child.name']);
    expect(Object.getOwnPropertyDescriptor(stored, '__proto__')?.value).toBe('Thôn Nà Pồng');
    // The stored dossier hashes to what the kiosk sent.
    expect(sha256(canonicalJson({ ...parsed, formData: stored }))).toBe(row.content_hash);
    expect(({} as Record<string, unknown>)['Thôn Nà Pồng']).toBeUndefined();
  });

  it('logs a request abandoned mid-body as one line, without a stack trace', async () => {
    const before = logs.length;
    const { port } = new URL(office.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Authorization: Bearer ${token}\r\nContent-Length: 5000\r\n\r\n{"protocol":1,"items":[`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200);
      });
      socket.on('error', reject);
    });
    await expect.poll(() => logs.length, { timeout: 5000 }).toBeGreaterThan(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(logs.slice(before)).toEqual([
      'office: POST /api/sync/push: request aborted before its body was complete',
    ]);
  });

  it('answers invalid the one item the database itself refuses, and stores the others', async () => {
    // A rule the office's checks do not know: the database refuses this name (as
    // PostgreSQL refuses text it cannot encode). Only that item may fail.
    if (target.name === 'postgres') {
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
        begin if new.applicant_name = 'BOOM' then raise exception 'refused' using errcode = '22021'; end if; return new; end $$`.execute(
        office.database.db,
      );
      await sql`create trigger refuse_boom before insert on dossiers for each row execute function refuse_boom()`.execute(
        office.database.db,
      );
    } else {
      await sql`create trigger refuse_boom before insert on dossiers when new.applicant_name = 'BOOM'
        begin select raise(abort, 'refused'); end`.execute(office.database.db);
    }
    try {
      const batch = [
        item('dossier', dossierPayload(), 9),
        item('dossier', dossierPayload({ applicantName: 'BOOM' }), 10),
        item('dossier', dossierPayload(), 11),
      ];
      const res = await push(batch, 7);
      expect(res.status).toBe(200);
      const { results } = PushAnswerSchema.parse(await res.json());
      expect(results.map((r) => r.outcome)).toEqual(['stored', 'invalid', 'stored']);
      expect(results[1]).toMatchObject({ reasons: [expect.stringContaining('database refused')] });
      const kiosk = await office.database.db
        .selectFrom('kiosks')
        .select('waiting_count')
        .where('id', '=', kioskId)
        .executeTakeFirstOrThrow();
      expect(kiosk.waiting_count).toBe(4);
    } finally {
      await sql`drop trigger refuse_boom${sql.raw(target.name === 'postgres' ? ' on dossiers' : '')}`.execute(
        office.database.db,
      );
    }
  });

  it("records waiting as the kiosk's outbox after the batch: a refused item has left it too", async () => {
    const res = await push(
      [item('dossier', dossierPayload(), 12), item('dossier', dossierPayload({ procedureCode: 'bad' }), 13)],
      2,
    );
    expect(res.status).toBe(200);
    const kiosk = await office.database.db
      .selectFrom('kiosks')
      .select('waiting_count')
      .where('id', '=', kioskId)
      .executeTakeFirstOrThrow();
    expect(kiosk.waiting_count).toBe(0);
  });

  it('refuses a known dossier code for a different dossier with a clear reason; the same dossier again is a duplicate', async () => {
    const code = 'H12.34.K01-261130-0001';
    const first = item('dossier', dossierPayload({ code }), 20);
    expect(PushAnswerSchema.parse(await (await push([first])).json()).results[0]!.outcome).toBe('stored');
    const other = item('dossier', dossierPayload({ code }), 21);
    const twin = item('dossier', dossierPayload({ code: 'H12.34.K01-261130-0002' }), 22);
    const twin2 = item('dossier', dossierPayload({ code: 'H12.34.K01-261130-0002' }), 23);
    const { results } = PushAnswerSchema.parse(await (await push([first, other, twin, twin2])).json());
    expect(results.map((r) => r.outcome)).toEqual(['duplicate', 'invalid', 'stored', 'invalid']);
    expect(results[1]).toMatchObject({
      reasons: [expect.stringContaining('already the code of another dossier')],
    });
    const holders = await office.database.db
      .selectFrom('dossiers')
      .select('id')
      .where('code', 'in', [code, 'H12.34.K01-261130-0002'])
      .orderBy('code')
      .execute();
    expect(holders.map((h) => h.id)).toEqual([first.id, twin.id]);
  });

  describe('enrolment', () => {
    const enrolWith = (body: Record<string, unknown>) =>
      fetch(`${office.url}/api/sync/enrol`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: 1, deviceName: 'Kiosk thôn 2', appVersion: '0.1.0', ...body }),
      });
    const newCode = async () => {
      const admin = await office.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      return createEnrolmentCode(office.database.db, Number(admin.id), Date.now());
    };

    it('gives the same kiosk back (with a working token) when the same install sends the same code again', async () => {
      const code = await newCode();
      const installId = randomUUID();
      const first = EnrolAnswerSchema.parse(await (await enrolWith({ code, installId })).json());
      // The answer was lost: the kiosk sends the same request again.
      const again = await enrolWith({ code, installId });
      expect(again.status).toBe(200);
      const second = EnrolAnswerSchema.parse(await again.json());
      expect(second.kioskId).toBe(first.kioskId);
      const pushed = await fetch(`${office.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${second.token}` },
        body: JSON.stringify({ protocol: 1, appVersion: '0.1.0', waiting: 0, items: [] }),
      });
      expect(pushed.status).toBe(200);
      // One kiosk row, not one per attempt.
      const rows = await office.database.db
        .selectFrom('kiosks')
        .select('id')
        .where('name', '=', 'Kiosk thôn 2')
        .execute();
      expect(rows).toEqual([{ id: first.kioskId }]);
    });

    it('refuses the used code to another install, to a request without installId, and to a revoked kiosk (403)', async () => {
      const code = await newCode();
      const installId = randomUUID();
      const first = EnrolAnswerSchema.parse(await (await enrolWith({ code, installId })).json());
      expect((await enrolWith({ code, installId: randomUUID() })).status).toBe(403);
      expect((await enrolWith({ code })).status).toBe(403);
      await office.database.db
        .updateTable('kiosks')
        .set({ revoked: 1 })
        .where('id', '=', first.kioskId)
        .execute();
      expect((await enrolWith({ code, installId })).status).toBe(403);
    });
  });
});
