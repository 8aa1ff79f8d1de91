import { afterEach, expect, it } from 'vitest';
import { openDatabase, type OfficeDb } from '../db/connect.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { createBoardHub } from './board-hub.ts';
import { createTicketDesk, type TicketDesk } from './desk.ts';
import type { BoardCall } from '../../shared/contracts/tickets.ts';

const OPENING = Date.parse('2026-11-23T07:30:00+07:00');

forEachDatabase('ticket desk', (target) => {
  let office: OfficeDb | null = null;
  let clock = OPENING;
  const advance = (minutes: number) => (clock += minutes * 60_000);

  afterEach(async () => {
    await office?.close();
    office = null;
  });

  async function desk(): Promise<{ desk: TicketDesk; calls: BoardCall[] }> {
    clock = OPENING;
    office = await openDatabase(await target.fresh());
    const hub = createBoardHub();
    const calls: BoardCall[] = [];
    hub.subscribe((call) => calls.push(call));
    const d = createTicketDesk(office.db, office.dialect, () => clock, hub);
    await d.configure(
      [
        { id: 'civil', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] },
        { id: 'cert', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
      ],
      [
        { id: 'q1', number: 1, serviceIds: ['civil'], open: true },
        { id: 'q2', number: 2, serviceIds: ['civil', 'cert'], open: true },
      ],
    );
    return { desk: d, calls };
  }

  const issue = async (d: TicketDesk, serviceId: string, priority: 'elderly' | null = null) => {
    const r = await d.issue({ serviceId, priority, kioskId: null });
    if (!r.ok) throw new Error(r.reason);
    return r.ticket;
  };

  it('numbers per service and day, says who is ahead and the wait, and refuses an unknown service', async () => {
    const { desk: d } = await desk();
    const a1 = await issue(d, 'civil');
    advance(1);
    const a2 = await issue(d, 'civil');
    const b1 = await issue(d, 'cert');
    expect([a1.number, a2.number, b1.number]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(a2).toMatchObject({
      serviceName: 'Hộ tịch',
      counters: [1, 2],
      peopleAhead: 1,
      estimateMinutes: 4,
    });
    expect(b1.counters).toEqual([2]);
    expect(await d.issue({ serviceId: 'nope', priority: null, kioskId: null })).toEqual({
      ok: false,
      reason: 'unknown-service',
    });
    // The next day starts again at 001.
    advance(24 * 60);
    expect((await issue(d, 'civil')).number).toBe('A-001');
  });

  it('issues distinct numbers to concurrent requests', async () => {
    const { desk: d } = await desk();
    const numbers = await Promise.all(Array.from({ length: 12 }, () => issue(d, 'civil')));
    expect(new Set(numbers.map((t) => t.number)).size).toBe(12);
  });

  it('calls priority first, announces calls and recalls, and keeps one ticket per counter', async () => {
    const { desk: d, calls } = await desk();
    await issue(d, 'civil');
    advance(1);
    const elderly = await issue(d, 'civil', 'elderly');
    const first = await d.act('q1', { kind: 'call-next' });
    expect(first.ok && first.ticket.number).toBe(elderly.number);
    expect(await d.act('q1', { kind: 'recall' })).toMatchObject({ ok: true, ticket: { calls: 2 } });
    expect(calls.map((c) => [c.number, c.counter])).toEqual([
      ['A-002', 1],
      ['A-002', 1],
    ]);
    expect((await d.board()).counters).toEqual([
      { number: 1, open: true, current: 'A-002' },
      { number: 2, open: true, current: null },
    ]);
    // Calling the next one ends the previous (called, never served: absent).
    advance(3);
    const second = await d.act('q1', { kind: 'call-next' });
    expect(second.ok && second.ticket.number).toBe('A-001');
    const all = await d.today();
    expect(all.find((t) => t.number === 'A-002')?.status).toBe('no-show');
    expect(await d.act('q1', { kind: 'call-next' })).toMatchObject({ ok: false, reason: 'nobody-waiting' });
    expect((await d.board()).lastCalls.map((c) => c.number)).toEqual(['A-001', 'A-002', 'A-002']);
  });

  it('transfers a ticket to another counter and finishes it there with its dossier', async () => {
    const { desk: d } = await desk();
    await issue(d, 'civil');
    await d.act('q1', { kind: 'call-next' });
    await d.act('q1', { kind: 'start' });
    expect(await d.act('q1', { kind: 'transfer', toCounterId: 'q2' })).toMatchObject({
      ok: true,
      ticket: { status: 'issued', counterId: 'q2' },
    });
    expect(await d.act('q1', { kind: 'recall' })).toEqual({ ok: false, reason: 'no-current-ticket' });
    const at2 = await d.act('q2', { kind: 'call-next' });
    expect(at2.ok && at2.ticket.number).toBe('A-001');
    advance(6);
    expect(await d.act('q2', { kind: 'finish', dossierCode: 'X01864.K01-261123-0001' })).toMatchObject({
      ok: true,
      ticket: { status: 'done', dossierCode: 'X01864.K01-261123-0001' },
    });
    expect(await d.act('q9', { kind: 'call-next' })).toEqual({ ok: false, reason: 'unknown-counter' });
  });

  it("merges an offline kiosk's tickets in arrival order, once, and never a number issued twice", async () => {
    const { desk: d } = await desk();
    advance(30);
    await issue(d, 'civil');
    const request = {
      tickets: [
        {
          localId: 't2',
          serviceId: 'civil',
          number: 'A2-002',
          priority: null,
          issuedAt: new Date(OPENING + 20 * 60_000).toISOString(),
        },
        {
          localId: 't1',
          serviceId: 'civil',
          number: 'A2-001',
          priority: null,
          issuedAt: new Date(OPENING + 10 * 60_000).toISOString(),
        },
        {
          localId: 'bad',
          serviceId: 'cert',
          number: 'A2-003',
          priority: null,
          issuedAt: new Date(OPENING).toISOString(),
        },
      ],
    };
    const answer = await d.mergeOffline('kiosk-2', request);
    expect(answer.results).toEqual([
      { localId: 'bad', outcome: 'refused', reason: 'number does not match a service range' },
      { localId: 't1', outcome: 'merged' },
      { localId: 't2', outcome: 'merged' },
    ]);
    // Sent again (the answer was lost): nothing doubled.
    expect((await d.mergeOffline('kiosk-2', request)).results.map((r) => r.outcome)).toEqual([
      'refused',
      'duplicate',
      'duplicate',
    ]);
    // Another kiosk claiming the same number is refused.
    const clash = await d.mergeOffline('kiosk-3', { tickets: [{ ...request.tickets[1]!, localId: 'x' }] });
    expect(clash.results[0]).toMatchObject({ outcome: 'refused', reason: 'number already issued today' });
    // They arrived before A-001, so they are called first, in their own order.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await d.act('q1', { kind: 'call-next' });
      if (r.ok) order.push(r.ticket.number);
    }
    expect(order).toEqual(['A2-001', 'A2-002', 'A-001']);
  });

  async function addOfficer(username = 'cb'): Promise<number> {
    await office!.db
      .insertInto('accounts')
      .values({
        username,
        display_name: 'Cán bộ',
        role: 'officer',
        password_hash: 'x',
        disabled: 0,
        created_at: clock,
      })
      .execute();
    const row = await office!.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  it('keeps refused offline tickets for the counters until an officer queues or dismisses them', async () => {
    const { desk: d } = await desk();
    const officer = await addOfficer();
    await issue(d, 'civil'); // A-001 at 07:30
    advance(60);
    await issue(d, 'civil'); // A-002 at 08:30
    const at = (minutes: number) => new Date(OPENING + minutes * 60_000).toISOString();
    const request = {
      tickets: [
        { localId: 'ok', serviceId: 'civil', number: 'A2-001', priority: null, issuedAt: at(5) },
        { localId: 'wrong', serviceId: 'cert', number: 'A2-002', priority: null, issuedAt: at(10) },
        { localId: 'ghost', serviceId: 'gone', number: 'C2-001', priority: null, issuedAt: at(12) },
        {
          localId: 'late',
          serviceId: 'civil',
          number: 'A2-003',
          priority: 'elderly' as const,
          issuedAt: at(200),
        },
      ],
    };
    const answer = await d.mergeOffline('kiosk-2', request);
    expect(answer.results.map((r) => [r.localId, r.outcome])).toEqual([
      ['ok', 'merged'],
      ['wrong', 'refused'],
      ['ghost', 'refused'],
      ['late', 'refused'],
    ]);
    // Sent again after a lost answer: still one of each.
    await d.mergeOffline('kiosk-2', request);
    const clash = await d.mergeOffline('kiosk-3', {
      tickets: [{ ...request.tickets[0]!, localId: 'dup', issuedAt: at(6) }],
    });
    expect(clash.results[0]).toMatchObject({ outcome: 'refused', reason: 'number already issued today' });

    const open = await d.refusedToday();
    expect(open.map((r) => [r.id, r.number, r.reason])).toEqual([
      ['kiosk-3:dup', 'A2-001', 'number-taken'],
      ['kiosk-2:wrong', 'A2-002', 'no-range'],
      ['kiosk-2:ghost', 'C2-001', 'no-range'],
      ['kiosk-2:late', 'A2-003', 'future'],
    ]);

    // Queued: a proper office number that keeps the citizen's place (printed at 07:40, before A-002).
    const queued = await d.resolveRefused('kiosk-2:wrong', 'queue', officer);
    expect(queued).toMatchObject({ ok: true, ticket: { number: 'B-001', serviceName: 'Chứng thực' } });
    const queuedLate = await d.resolveRefused('kiosk-2:late', 'queue', officer);
    expect(queuedLate).toMatchObject({
      ok: true,
      ticket: { number: 'A-003', priority: 'elderly', issuedAt: new Date(clock).toISOString() },
    });
    const dup = await d.resolveRefused('kiosk-3:dup', 'queue', officer);
    expect(dup).toMatchObject({ ok: true, ticket: { number: 'A-004', peopleAhead: 3 } });
    // An unknown service cannot be queued; the case stays open until dismissed.
    expect(await d.resolveRefused('kiosk-2:ghost', 'queue', officer)).toEqual({
      ok: false,
      reason: 'unknown-service',
    });
    expect(await d.resolveRefused('kiosk-2:ghost', 'dismiss', officer)).toEqual({
      ok: true,
      ticket: null,
      oldNumber: 'C2-001',
    });
    expect(await d.resolveRefused('kiosk-2:ghost', 'dismiss', officer)).toEqual({
      ok: false,
      reason: 'already-handled',
    });
    expect(await d.resolveRefused('kiosk-2:wrong', 'queue', officer)).toEqual({
      ok: false,
      reason: 'already-handled',
    });
    expect(await d.resolveRefused('nope', 'queue', officer)).toEqual({ ok: false, reason: 'not-found' });
    expect(await d.refusedToday()).toEqual([]);
    const stored = await office!.db
      .selectFrom('refused_offline_tickets')
      .select(['id', 'status', 'resolved_by'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => [r.id, r.status, Number(r.resolved_by)])).toEqual([
      ['kiosk-2:ghost', 'dismissed', officer],
      ['kiosk-2:late', 'queued', officer],
      ['kiosk-2:wrong', 'queued', officer],
      ['kiosk-3:dup', 'queued', officer],
    ]);

    // Priority first (the late one), then arrival: 07:30, the merged 07:35, the queued clash of 07:36, 08:30.
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await d.act('q1', { kind: 'call-next' });
      if (r.ok) order.push(r.ticket.number);
    }
    expect(order).toEqual(['A-003', 'A-001', 'A2-001', 'A-004', 'A-002']);
    // The next day's list starts empty; a kiosk back that morning with yesterday's refusals
    // does not fill it with citizens who went home (they stay on yesterday's list).
    advance(24 * 60);
    await d.mergeOffline('kiosk-2', {
      tickets: [
        { ...request.tickets[1]!, localId: 'yesterday' },
        { ...request.tickets[1]!, localId: 'wrong2', issuedAt: at(24 * 60 + 10) },
      ],
    });
    expect((await d.refusedToday()).map((r) => r.id)).toEqual(['kiosk-2:wrong2']);
    expect(await d.refused('kiosk-2:yesterday')).toMatchObject({
      open: true,
      ticket: { number: 'A2-002', reason: 'no-range' },
    });
    expect(await d.refused('kiosk-2:wrong')).toMatchObject({ open: false });
    expect(await d.refused('nope')).toBeNull();
  });

  it('two officers acting on one refused ticket at once: one of them wins, one new number', async () => {
    const { desk: d } = await desk();
    const [first, second] = [await addOfficer('cb1'), await addOfficer('cb2')];
    const refused = {
      serviceId: 'civil',
      number: 'B2-001',
      priority: null,
      issuedAt: new Date(clock).toISOString(),
    };
    await d.mergeOffline('kiosk-2', {
      tickets: [
        { ...refused, localId: 'x' },
        { ...refused, localId: 'y' },
      ],
    });
    // Several clicks at once (two officers, a double click): the pool gives each its own connection.
    const queued = await Promise.all(
      Array.from({ length: 6 }, (_, i) => d.resolveRefused('kiosk-2:x', 'queue', i % 2 ? first : second)),
    );
    expect(queued.filter((r) => r.ok)).toHaveLength(1);
    expect(queued.filter((r) => !r.ok && r.reason === 'already-handled')).toHaveLength(5);
    expect((await d.today()).map((t) => t.number)).toEqual(['A-001']);
    const mixed = await Promise.all([
      d.resolveRefused('kiosk-2:y', 'dismiss', first),
      d.resolveRefused('kiosk-2:y', 'queue', second),
    ]);
    expect(mixed.filter((r) => r.ok)).toHaveLength(1);
    expect((await d.today()).length).toBe(mixed[1]!.ok ? 2 : 1);
    expect(await d.refusedToday()).toEqual([]);
  });

  it('shows a ticket its live position', async () => {
    const { desk: d } = await desk();
    await issue(d, 'civil');
    advance(1);
    const second = await issue(d, 'civil');
    expect(await d.position(second.id)).toMatchObject({ number: 'A-002', status: 'issued', peopleAhead: 1 });
    await d.act('q1', { kind: 'call-next' });
    await d.act('q1', { kind: 'call-next' });
    expect(await d.position(second.id)).toMatchObject({ status: 'called', counter: 1, peopleAhead: 0 });
    expect(await d.position('missing')).toBeNull();
  });
});
