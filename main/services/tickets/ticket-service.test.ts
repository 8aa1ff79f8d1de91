/**
 * The kiosk's ticket service in main against the real office server on 127.0.0.1, which
 * goes away and comes back on the same port and data folder: numbers from the office, then
 * from the kiosk's own range (kept on disk across a restart of main), merged in arrival
 * order when the office answers again, never a number twice.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../../../office/test-support/office.ts';
import { createEnrolmentCode } from '../../../office/sync/enrol.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { createMemoryLogger } from '../logger.ts';
import { createHostSync } from '../sync/host-sync.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { createPlainFileCipher } from '../sync/token-cipher.ts';
import { createTicketFileStore, EMPTY_TICKET_STATE } from './ticket-store.ts';
import { createTicketService, nextOfflineSequence, type TicketService } from './ticket-service.ts';

const OPENING = Date.parse('2026-11-23T07:30:00+07:00');
let clock = OPENING;
const minutes = (m: number) => (clock += m * 60_000);

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let officeDir: string;
let port: number;
let kioskDir: string;
let sync: SyncService;
const file = () => path.join(kioskDir, 'queue-tickets.json');

function service(): TicketService {
  return createTicketService({
    store: createTicketFileStore({ file: file() }),
    identity: sync.identity,
    logger: createMemoryLogger().logger,
    now: () => new Date(clock),
    timeoutMs: 2_000,
  });
}

async function startOffice() {
  office = await testOffice({ dataDir: officeDir, port, now: () => clock });
}

beforeAll(async () => {
  officeDir = mkdtempSync(path.join(os.tmpdir(), 'office-tickets-'));
  port = 0;
  await startOffice();
  port = Number(new URL(office.url).port);
  await office.tickets.configure(
    [
      { id: 'civil', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] },
      { id: 'cert', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
    ],
    [
      { id: 'q1', number: 1, serviceIds: ['civil'], open: true },
      { id: 'q2', number: 2, serviceIds: ['civil', 'cert'], open: true },
    ],
  );
  const admin = await office.database.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  kioskDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-tickets-'));
  sync = await createHostSync({
    dataDir: kioskDir,
    cipher: createPlainFileCipher(),
    catalogue: CATALOGUE,
    appVersion: '0.1.0-test',
    logger: createMemoryLogger().logger,
    officeUrl: office.url,
    // The office under test runs on the development switch (plain HTTP); pinning: sync/pinning.integration.test.ts.
    allowInsecureHttp: true,
    enrolmentCode: await createEnrolmentCode(office.database.db, Number(admin.id), Date.now()),
    requestTimeoutMs: 2000,
  });
}, 60_000);

afterAll(async () => {
  sync?.close();
  await office?.close().catch(() => undefined);
  rmSync(officeDir, { recursive: true, force: true });
  rmSync(kioskDir, { recursive: true, force: true });
});

describe('tickets at the kiosk (main) ↔ the office', () => {
  it('learns the services with their counters, and keeps them for when the office is away', async () => {
    const tickets = service();
    expect(await tickets.services({ refresh: false })).toEqual({ services: [], fetchedAt: null });
    const listed = await tickets.services({ refresh: true });
    expect(listed.services.map((s) => [s.prefix, s.name, s.counters])).toEqual([
      ['A', 'Hộ tịch', [1, 2]],
      ['B', 'Chứng thực', [2]],
    ]);
    expect(listed.fetchedAt).toBe(new Date(clock).toISOString());
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('takes a number from the office, with people ahead, the wait and the live position address', async () => {
    const tickets = service();
    const first = await tickets.take({ serviceId: 'civil', priority: null, kioskNumber: 3 });
    minutes(1);
    const second = await tickets.take({ serviceId: 'civil', priority: 'elderly', kioskNumber: 3 });
    expect(first).toMatchObject({ ok: true, ticket: { number: 'A-001', offline: false, counters: [1, 2] } });
    expect(second).toMatchObject({
      ok: true,
      ticket: { number: 'A-002', peopleAhead: 0, estimateMinutes: 0, priority: 'elderly' },
    });
    if (!first.ok) throw new Error('no ticket');
    expect(first.ticket.positionUrl).toBe(`${office.url}/tickets/${first.ticket.id}`);
    const position = await (await fetch(first.ticket.positionUrl!)).json();
    // The elderly citizen's priority puts them first: one person ahead now.
    expect(position).toMatchObject({ number: 'A-001', status: 'issued', peopleAhead: 1 });
    expect(await tickets.take({ serviceId: 'nope', priority: null, kioskNumber: 3 })).toEqual({
      ok: false,
      reason: 'unknown-service',
    });
  });

  it('issues from its own range while the office is away, never twice across a restart, and merges in arrival order', async () => {
    await office.close();
    minutes(5);
    const a = await service().take({ serviceId: 'civil', priority: null, kioskNumber: 3 });
    minutes(1);
    const b = await service().take({ serviceId: 'cert', priority: null, kioskNumber: 3 });
    minutes(1);
    // main restarted: a new service over the same data folder carries on the range.
    const c = await service().take({ serviceId: 'civil', priority: 'pregnant', kioskNumber: 3 });
    expect([a, b, c].map((r) => r.ok && [r.ticket.number, r.ticket.offline, r.ticket.peopleAhead])).toEqual([
      ['A3-001', true, null],
      ['B3-001', true, null],
      ['A3-002', true, null],
    ]);
    const stored = JSON.parse(readFileSync(file(), 'utf8')) as typeof EMPTY_TICKET_STATE;
    expect(stored.pending.map((t) => t.number)).toEqual(['A3-001', 'B3-001', 'A3-002']);
    expect(stored.pending.every((t) => !('name' in t))).toBe(true);

    await startOffice();
    minutes(1);
    const tickets = service();
    const online = await tickets.take({ serviceId: 'civil', priority: null, kioskNumber: 3 });
    expect(online).toMatchObject({ ok: true, ticket: { number: 'A-003', offline: false } });
    // The offline ones were handed over first, and are counted ahead of the new one.
    expect(online.ok && online.ticket.peopleAhead).toBe(4);
    const rows = await office.database.db
      .selectFrom('tickets')
      .select(['number', 'issued_at'])
      .orderBy('issued_at')
      .execute();
    expect(rows.map((r) => r.number)).toEqual(['A-001', 'A-002', 'A3-001', 'B3-001', 'A3-002', 'A-003']);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect((await createTicketFileStore({ file: file() }).read()).pending).toEqual([]);
    // An offline ticket's QR address works once merged.
    if (!a.ok) throw new Error('no ticket');
    expect(a.ticket.positionUrl).toBe(`${office.url}/tickets/${encodeURIComponent(a.ticket.id)}`);
    expect(await (await fetch(a.ticket.positionUrl!)).json()).toMatchObject({ number: 'A3-001' });

    // Away again the same day: the range goes on after the mark, though nothing is pending now.
    await office.close();
    const d = await service().take({ serviceId: 'civil', priority: null, kioskNumber: 3 });
    expect(d.ok && d.ticket.number).toBe('A3-003');
    await startOffice();
    expect(await service().flush()).toEqual({ waiting: 0 });
    expect(await service().flush()).toEqual({ waiting: 0 });
  });
});

describe('the offline range', () => {
  it('goes on after the higher of the mark and the waiting tickets, per day, prefix and kiosk', () => {
    const pending = [
      {
        localId: 'x',
        serviceId: 's',
        number: 'A2-005',
        priority: null,
        issuedAt: '2026-11-23T01:00:00.000Z',
      },
      {
        localId: 'y',
        serviceId: 's',
        number: 'A2-009',
        priority: null,
        issuedAt: '2026-11-22T01:00:00.000Z',
      },
    ];
    expect(nextOfflineSequence({ marks: {}, pending }, '2026-11-23', 'A', 2)).toBe(6);
    expect(nextOfflineSequence({ marks: { '2026-11-23|A2': 7 }, pending }, '2026-11-23', 'A', 2)).toBe(8);
    expect(nextOfflineSequence({ marks: { '2026-11-23|A2': 7 }, pending }, '2026-11-23', 'A', 3)).toBe(1);
    expect(nextOfflineSequence({ marks: {}, pending }, '2026-11-23', 'B', 2)).toBe(1);
  });

  it('refuses to go on from a damaged file rather than number from 1 again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ticket-store-'));
    const damaged = path.join(dir, 'queue-tickets.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(damaged, '{"version":1,"marks":'));
    await expect(createTicketFileStore({ file: damaged }).read()).rejects.toThrow();
    rmSync(dir, { recursive: true, force: true });
  });
});
