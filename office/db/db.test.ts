import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { openDatabase, type OfficeDb } from './connect.ts';
import { ingestBatch, reportCell } from '../sync/push.ts';
import { sequenceGaps } from '../sync/gaps.ts';
import { pull } from '../sync/pull.ts';
import { putChunk, readAttachment } from '../sync/attachments.ts';
import { changeStatus } from '../dossier-status.ts';
import { reportCounts, reportTotalOf, weeklyReport } from '../report/weekly.ts';
import { createAccount, ensureFirstAdmin, signIn } from '../staff/accounts.ts';
import { dossierPayload, item, sha256 } from '../test-support/fixtures.ts';

const NOW = Date.parse('2026-11-23T02:00:00Z'); // 09:00 in Vietnam, Monday

forEachDatabase('office database', (target) => {
  let open: OfficeDb[] = [];
  afterEach(async () => {
    await Promise.all(open.map((o) => o.close()));
    open = [];
  });
  async function setup() {
    const config = await target.fresh();
    const office = await openDatabase(config);
    open.push(office);
    await office.db
      .insertInto('kiosks')
      .values({
        id: 'k1',
        name: 'Kiosk 1',
        token_hash: 'x',
        revoked: 0,
        enrolled_at: NOW,
        last_contact_at: null,
        app_version: null,
        waiting_count: 0,
      })
      .execute();
    const staff = await createAccount(
      office.db,
      { username: 'cb', displayName: 'Cán bộ', role: 'officer', password: 'pw-123456' },
      NOW,
    );
    return { ...office, config, staff };
  }

  it('creates the first admin once, with a generated password when none is given', async () => {
    const config = await target.fresh();
    const office = await openDatabase(config);
    open.push(office);
    const first = await ensureFirstAdmin(office.db, undefined, NOW);
    expect(first).toMatchObject({
      created: true,
      username: 'admin',
      generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
    });
    expect(await ensureFirstAdmin(office.db, 'other-password', NOW)).toEqual({ created: false });
    const password = (first as { generatedPassword: string }).generatedPassword;
    // The generated password was printed to the console: the first sign-in must change it.
    expect((await signIn(office.db, 'admin', password, NOW))?.session.mustChangePassword).toBe(true);
    expect(await signIn(office.db, 'admin', 'wrong', NOW)).toBeNull();
    expect(await signIn(office.db, 'nobody', password, NOW)).toBeNull();
    const stored = await office.db.selectFrom('accounts').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(password);
  });

  it('migrates idempotently (opening again keeps the data)', async () => {
    const { db, config } = await setup();
    await ingestBatch(db, 'k1', [item('dossier', dossierPayload(), 1)], NOW);
    const again = await openDatabase(config);
    open.push(again);
    const count = await again.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('stores once: duplicate gives the original answer, different content is a conflict', async () => {
    const { db } = await setup();
    const payload = dossierPayload();
    const first = await ingestBatch(db, 'k1', [item('dossier', payload, 1)], NOW);
    expect(first[0]).toMatchObject({ outcome: 'stored', officeReceivedAt: new Date(NOW).toISOString() });
    const again = await ingestBatch(db, 'k1', [item('dossier', payload, 1)], NOW + 60_000);
    expect(again[0]).toEqual({ ...first[0], outcome: 'duplicate' });
    const changed = item('dossier', { ...payload, applicantName: 'Someone else' }, 1);
    const conflict = await ingestBatch(db, 'k1', [changed], NOW + 120_000);
    expect(conflict[0]).toMatchObject({ outcome: 'conflict', storedHash: first[0]!.hash });
    const rows = await db.selectFrom('dossiers').select(['applicant_name']).execute();
    expect(rows).toEqual([{ applicant_name: 'Nguyễn Thị Bình' }]);
  });

  it('stores every column alike when a batch shape comes again (the reused compiled insert)', async () => {
    const { db } = await setup();
    const batch = (seq: number) => [
      dossierPayload({ volunteerId: 'tnv-1', channel: 'portal', attachmentHashes: [sha256('a')] }, seq),
      dossierPayload({ models: [], formData: { 'a.b': 'Đ <i>x</i>' } }, seq + 1),
    ];
    const first = batch(1);
    const second = batch(3);
    await ingestBatch(
      db,
      'k1',
      first.map((d, i) => item('dossier', d, 1 + i)),
      NOW,
    );
    const again = await ingestBatch(
      db,
      'k1',
      second.map((d, i) => item('dossier', d, 3 + i)),
      NOW + 1,
    );
    expect(again.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    const rows = await db.selectFrom('dossiers').selectAll().orderBy('seq').execute();
    expect(rows).toHaveLength(4);
    [...first, ...second].forEach((d, i) => {
      expect(rows[i]).toMatchObject({
        id: d.id,
        seq: i + 1,
        code: d.code,
        volunteer_id: d.volunteerId,
        channel: d.channel ?? 'kiosk',
        models: JSON.stringify(d.models),
        model_mask: i % 2 === 0 ? 3 : 0,
        form_data: JSON.stringify(d.formData),
        attachment_hashes: JSON.stringify(d.attachmentHashes),
        received_at_ms: Date.parse(String(d.receivedAt)),
        office_received_at_ms: i < 2 ? NOW : NOW + 1,
        status: 'received',
        status_reason: null,
        resolved_at_ms: null,
      });
    });
    // The same two again: the reused statement inserts nothing and they are duplicates.
    const dup = await ingestBatch(
      db,
      'k1',
      second.map((d, i) => item('dossier', d, 3 + i)),
      NOW + 2,
    );
    expect(dup.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(dup[0]).toMatchObject({ officeReceivedAt: new Date(NOW + 1).toISOString() });
  });

  it('records the kiosk contact in the batch transaction when given (waiting = before − answered items)', async () => {
    const { db } = await setup();
    const stored = dossierPayload();
    await ingestBatch(db, 'k1', [item('dossier', stored, 1)], NOW);
    const items = [
      item('dossier', stored, 1), // duplicate: acknowledged
      item('dossier', dossierPayload(), 2), // stored
      item('dossier', dossierPayload({ procedureCode: 'bad' }), 3), // invalid: refused on the kiosk, out of its outbox
    ];
    await ingestBatch(db, 'k1', items, NOW + 5, { appVersion: '1.2.3', waiting: 10 });
    expect(
      await db
        .selectFrom('kiosks')
        .select(['last_contact_at', 'app_version', 'waiting_count'])
        .where('id', '=', 'k1')
        .executeTakeFirstOrThrow(),
    ).toEqual({ last_contact_at: NOW + 5, app_version: '1.2.3', waiting_count: 7 });
  });

  it('answers invalid items with reasons and stores nothing for them', async () => {
    const { db } = await setup();
    const bad = dossierPayload({ procedureCode: 'not-a-code' });
    const good = dossierPayload();
    const tampered = { ...item('dossier', dossierPayload(), 3), hash: 'f'.repeat(64) };
    const results = await ingestBatch(
      db,
      'k1',
      [item('dossier', bad, 1), item('dossier', good, 2), tampered],
      NOW,
    );
    expect(results.map((r) => r.outcome)).toEqual(['invalid', 'stored', 'invalid']);
    expect(results[0]).toMatchObject({ reasons: [expect.stringContaining('procedureCode')] });
    expect(results[2]).toMatchObject({ reasons: [expect.stringContaining('hash')] });
    expect(await db.selectFrom('dossiers').select('id').execute()).toEqual([{ id: good.id }]);
  });

  it('reports sequence gaps per kiosk across item kinds', async () => {
    const { db } = await setup();
    const d = dossierPayload();
    const rating = {
      id: randomUUID(),
      dossierId: d.id,
      procedureCode: '2.000815',
      score: 5,
      comment: '',
      ratedAt: '2026-11-23T09:00:00+07:00',
    };
    await ingestBatch(
      db,
      'k1',
      [item('dossier', d, 2), item('rating', rating, 3), item('dossier', dossierPayload(), 7)],
      NOW,
    );
    expect(await sequenceGaps(db, 'k1')).toEqual({
      missing: 4,
      ranges: [
        [1, 1],
        [4, 6],
      ],
      highest: 7,
    });
  });

  it("counts gaps from the kiosk's first_seq: numbers below it are neither gaps nor counted", async () => {
    const { db } = await setup();
    await db.updateTable('kiosks').set({ first_seq: 10 }).where('id', '=', 'k1').execute();
    const seqs = [3, 10, 13];
    await ingestBatch(
      db,
      'k1',
      seqs.map((n) => item('dossier', dossierPayload({}, n), n)),
      NOW,
    );
    expect(await sequenceGaps(db, 'k1')).toEqual({ missing: 2, ranges: [[11, 12]], highest: 13 });
    // The base itself missing is a gap (the kiosk said it would send it).
    await db.updateTable('kiosks').set({ first_seq: 9 }).where('id', '=', 'k1').execute();
    expect(await sequenceGaps(db, 'k1')).toEqual({
      missing: 3,
      ranges: [
        [9, 9],
        [11, 12],
      ],
      highest: 13,
    });
  });

  it('records status changes with who and when, and pull returns them after the cursor', async () => {
    const { db, staff } = await setup();
    const d = dossierPayload();
    await ingestBatch(db, 'k1', [item('dossier', d, 1)], NOW);
    expect(await changeStatus(db, String(d.id), 'refused', ' ', staff, NOW)).toBe('reason-required');
    expect(await changeStatus(db, String(d.id), 'result-ready', null, staff, NOW + 1000)).toBe('ok');
    const first = await pull(
      db,
      'k1',
      {
        protocol: 1,
        profileVersion: null,
        catalogueVersion: null,
        statusCursor: null,
        lookupCodes: [String(d.code)],
      },
      NOW + 2000,
    );
    expect(first.statuses.map((s) => s.status)).toEqual(['result-ready']);
    expect(first.lookups).toEqual([expect.objectContaining({ code: d.code, status: 'result-ready' })]);
    const second = await pull(
      db,
      'k1',
      {
        protocol: 1,
        profileVersion: null,
        catalogueVersion: null,
        statusCursor: first.nextCursor,
        lookupCodes: [],
      },
      NOW + 3000,
    );
    expect(second.statuses).toEqual([]);
    const events = await db
      .selectFrom('dossier_events')
      .select(['status', 'account_id'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.status, e.account_id === null ? null : Number(e.account_id)])).toEqual([
      ['result-ready', staff],
    ]);
  });

  it('takes attachments in resumable chunks and verifies the hash', async () => {
    const { db } = await setup();
    const bytes = Buffer.from('x'.repeat(3000));
    const hash = sha256(bytes);
    expect((await putChunk(db, hash, 0, 3000, bytes.subarray(0, 1000), NOW)).ok).toBe(true);
    const gap = await putChunk(db, hash, 2000, 3000, bytes.subarray(2000), NOW);
    expect(gap).toMatchObject({ ok: false, status: 409, state: { received: 1000 } });
    expect((await putChunk(db, hash, 0, 3000, bytes.subarray(0, 1000), NOW)).ok).toBe(true); // retried chunk
    const done = await putChunk(db, hash, 1000, 3000, bytes.subarray(1000), NOW);
    expect(done).toMatchObject({ ok: true, state: { received: 3000, complete: true } });
    expect(await readAttachment(db, hash)).toEqual(bytes);
    const wrong = sha256('other');
    const bad = await putChunk(db, wrong, 0, 5, Buffer.from('abcde'), NOW);
    expect(bad).toMatchObject({ ok: false, status: 422 });
    expect(await readAttachment(db, wrong)).toBeNull();
  });

  it('counts the weekly report per procedure × model: early, on time, late, pending, shares, ratings', async () => {
    const { db, staff } = await setup();
    const mk = (n: number, o: Record<string, unknown>) => dossierPayload(o, n);
    // Due 16:30 on Mon 23/11 (Vietnam).
    const onTime = mk(1, {});
    const late = mk(2, { volunteerId: 'vol-1' });
    const early = mk(3, {
      dueAt: '2026-11-25T16:30:00+07:00',
      channel: 'portal',
      models: ['online-service'],
    });
    const pending = mk(4, { models: [] });
    const outside = mk(5, { receivedAt: '2026-11-30T08:00:00+07:00', dueAt: '2026-11-30T16:30:00+07:00' });
    await ingestBatch(
      db,
      'k1',
      [onTime, late, early, pending, outside].map((p, i) => item('dossier', p, i + 1)),
      NOW,
    );
    await changeStatus(
      db,
      String(onTime.id),
      'result-ready',
      null,
      staff,
      Date.parse('2026-11-23T10:00:00+07:00'),
    );
    await changeStatus(db, String(late.id), 'returned', null, staff, Date.parse('2026-11-23T17:00:00+07:00'));
    await changeStatus(
      db,
      String(early.id),
      'result-ready',
      null,
      staff,
      Date.parse('2026-11-23T11:00:00+07:00'),
    );
    await ingestBatch(
      db,
      'k1',
      [
        item(
          'rating',
          {
            id: randomUUID(),
            dossierId: onTime.id,
            procedureCode: null,
            score: 5,
            comment: '',
            ratedAt: '2026-11-23T10:05:00+07:00',
          },
          10,
        ),
        item(
          'rating',
          {
            id: randomUUID(),
            dossierId: late.id,
            procedureCode: null,
            score: 2,
            comment: '<i>chậm</i>',
            ratedAt: '2026-11-23T17:05:00+07:00',
          },
          11,
        ),
      ],
      NOW,
    );
    const from = Date.parse('2026-11-23T00:00:00+07:00');
    const rows = await weeklyReport(db, from, from + 7 * 86_400_000);
    const row = (model: string) => rows.find((r) => r.model === model);
    expect(row('no-appointment')).toMatchObject({
      procedureCode: '2.000815',
      received: 2,
      early: 0,
      onTime: 1,
      late: 1,
      pending: 0,
      volunteer: 1,
      portal: 0,
      ratings: 2,
      satisfied: 1,
      scoreSum: 7,
    });
    expect(row('no-writing')).toMatchObject({ received: 2, onTime: 1, late: 1 });
    expect(row('online-service')).toMatchObject({ received: 1, early: 1, portal: 1 });
    expect(row('none')).toMatchObject({ received: 1, pending: 1 });
    expect(rows.reduce((n, r) => n + (r.model === 'no-writing' ? 0 : r.received), 0)).toBe(4);
    // The rows count a dossier under each of its models; the total counts it once.
    expect(rows.reduce((n, r) => n + r.received, 0)).toBe(6);
    expect(reportTotalOf(await reportCounts(db, from, from + 7 * 86_400_000), 'Tổng cộng')).toMatchObject({
      procedureCode: 'Tổng cộng',
      received: 4,
      early: 1,
      onTime: 1,
      late: 1,
      pending: 1,
      portal: 1,
      volunteer: 1,
      ratings: 2,
      satisfied: 1,
      scoreSum: 7,
    });
    // The per-day summary the report reads equals a recount from the dossiers themselves.
    const all = await db.selectFrom('dossiers').selectAll().execute();
    const recount = new Map<string, number>();
    for (const d of all) {
      const c = reportCell(d);
      const key = `${c.day}|${c.procedure_code}|${c.model_mask}|${c.timeliness}|${c.channel}|${c.assisted}`;
      recount.set(key, (recount.get(key) ?? 0) + 1);
    }
    const summary = await db.selectFrom('report_daily').selectAll().where('n', '>', 0).execute();
    expect(
      new Map(
        summary.map((c) => [
          `${c.day}|${c.procedure_code}|${c.model_mask}|${c.timeliness}|${c.channel}|${c.assisted}`,
          Number(c.n),
        ]),
      ),
    ).toEqual(recount);
  });
});
