import { afterEach, expect, it } from 'vitest';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { openDatabase, type OfficeDb } from '../db/connect.ts';
import { ingestBatch } from '../sync/push.ts';
import { changeStatus } from '../dossier-status.ts';
import { weeklyReport } from './weekly.ts';
import { queueRows } from '../queries/queue.ts';
import { dossierView } from '../queries/dossiers.ts';
import { formatRemaining, remainingFrom, remainingMs, timelinessAt } from './timeliness-rule.ts';
import { dossierPayload, item } from '../test-support/fixtures.ts';
import { OfficeProfileSchema } from '../../shared/domain/office-profile.ts';
import { readFileSync } from 'node:fs';

// Monday 23/11/2026, 09:00 in Vietnam.
const MONDAY_9 = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms + 7 * HOUR).toISOString().replace('Z', '+07:00');

it('remaining time is counted in working hours and read in Vietnamese', () => {
  const profile = OfficeProfileSchema.parse(
    JSON.parse(readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8')),
  );
  const periods = profile.workingHours.periods;
  // From 1 h 20 min before the morning closes to the same time after lunch: lunch does not count.
  const [morning, afternoon] = periods;
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return MONDAY_9 - 9 * HOUR + h! * HOUR + m! * 60_000;
  };
  const now = at(morning!.end) - 80 * 60_000;
  expect(formatRemaining(remainingMs(profile, now, at(morning!.end)), 'vi')).toBe('còn 1 giờ 20 phút');
  expect(formatRemaining(remainingMs(profile, now, at(afternoon!.start)), 'vi')).toBe('còn 1 giờ 20 phút');
  expect(formatRemaining(remainingMs(null, now, at(afternoon!.start)), 'en')).not.toBe('1 h 20 min left');
  expect(formatRemaining(45 * 60_000, 'vi')).toBe('còn 45 phút');
  expect(formatRemaining(2 * HOUR, 'en')).toBe('2 h left');
});

it('the queue’s many-deadline count gives what remainingMs gives, for every deadline', () => {
  const profile = OfficeProfileSchema.parse(
    JSON.parse(readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8')),
  );
  // From Monday 09:07 (inside a period) and Saturday 20:00 (closed), deadlines every 37 min for three weeks.
  for (const now of [MONDAY_9 + 7 * 60_000, MONDAY_9 + 5 * 24 * HOUR + 11 * HOUR]) {
    const many = remainingFrom(profile, now);
    for (let due = now - HOUR; due < now + 21 * 24 * HOUR; due += 37 * 60_000)
      expect(many(due)).toBe(remainingMs(profile, now, due));
    expect(remainingFrom(null, now)(now + HOUR)).toBe(HOUR);
  }
});

it('open dossiers past the deadline are late; resolved ones by when they were resolved', () => {
  expect(timelinessAt(null, MONDAY_9, MONDAY_9 + 1)).toBe('late');
  expect(timelinessAt(null, MONDAY_9, MONDAY_9)).toBe('in-progress');
  expect(timelinessAt(MONDAY_9 + 1, MONDAY_9, MONDAY_9 + 5)).toBe('late');
  expect(timelinessAt(MONDAY_9 - HOUR, MONDAY_9, MONDAY_9 + 5)).toBe('on-time');
  expect(timelinessAt(MONDAY_9 - 24 * HOUR, MONDAY_9, MONDAY_9 + 5)).toBe('early');
});

forEachDatabase('one timeliness rule', (target) => {
  let office: OfficeDb;
  afterEach(async () => office?.close());

  it('the queue, the dossier page and the report agree on the same dossiers', async () => {
    office = await openDatabase(await target.fresh());
    const db = office.db;
    await db
      .insertInto('kiosks')
      .values({
        id: 'k1',
        name: 'Kiosk 1',
        token_hash: 'x',
        revoked: 0,
        enrolled_at: MONDAY_9,
        last_contact_at: null,
        app_version: null,
        waiting_count: 0,
      })
      .execute();
    await db
      .insertInto('accounts')
      .values({
        username: 'cb',
        display_name: 'Cán bộ',
        role: 'officer',
        password_hash: 'x',
        disabled: 0,
        created_at: MONDAY_9,
      })
      .execute();
    const staff = Number((await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id);
    const received = MONDAY_9 - HOUR;
    const dossiers = [
      // Open, deadline passed at 09:00 → late.
      dossierPayload({ receivedAt: iso(received), dueAt: iso(MONDAY_9 - 60_000) }, 1),
      dossierPayload({ receivedAt: iso(received), dueAt: iso(MONDAY_9 - 30 * 60_000) }, 2),
      // Open, deadline at 11:00 → in progress.
      dossierPayload({ receivedAt: iso(received), dueAt: iso(MONDAY_9 + 2 * HOUR) }, 3),
      // Resolved at 08:45, before its 10:00 deadline → on time.
      dossierPayload({ receivedAt: iso(received), dueAt: iso(MONDAY_9 + HOUR) }, 4),
    ];
    await ingestBatch(
      db,
      'k1',
      dossiers.map((d, i) => item('dossier', d, i + 1)),
      received,
    );
    await changeStatus(db, String(dossiers[3]!.id), 'result-ready', null, staff, MONDAY_9 - 15 * 60_000);

    const now = MONDAY_9;
    const { rows: queue } = await queueRows(db, now, 'vi');
    const pages = await Promise.all(dossiers.map((d) => dossierView(db, String(d.id), 'vi', now)));
    const report = await weeklyReport(db, MONDAY_9 - 9 * HOUR, MONDAY_9 + 15 * HOUR, now);

    const fromQueue = new Map(queue.map((r) => [r.id, r.timeliness]));
    const fromPages = new Map(pages.map((p) => [p!.id, p!.timeliness]));
    expect(fromQueue).toEqual(fromPages);
    const count = (state: string) => [...fromQueue.values()].filter((s) => s === state).length;
    // Every dossier counts under each model it was received under: each row has them all.
    expect(report).toHaveLength(2);
    for (const row of report) {
      const counts = { late: row.late, pending: row.pending, onTime: row.onTime, early: row.early };
      expect(counts).toEqual({
        late: count('late'),
        pending: count('in-progress'),
        onTime: count('on-time'),
        early: count('early'),
      });
      expect(counts).toEqual({ late: 2, pending: 1, onTime: 1, early: 0 });
    }
    // Overdue is said in words in the queue, not by colour alone.
    expect(
      queue
        .filter((r) => r.timeliness === 'late')
        .map((r) => r.id)
        .sort(),
    ).toEqual([dossiers[0]!.id, dossiers[1]!.id].sort());
  });
});
