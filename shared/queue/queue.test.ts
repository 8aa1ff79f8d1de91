import { describe, expect, it } from 'vitest';
import {
  callNext,
  cancel,
  compareCallOrder,
  confirmPriority,
  estimateWaitMinutes,
  finish,
  formatTicketNumber,
  markNoShow,
  nextSequence,
  parseTicketNumber,
  peopleAhead,
  percentile,
  median,
  recall,
  recentServiceMinutes,
  startServing,
  transfer,
  waitStats,
  TicketSchema,
  type Counter,
  type Ticket,
} from './index.ts';

const T0 = Date.parse('2026-11-23T00:30:00Z'); // 07:30 in Vietnam
const min = (m: number) => new Date(T0 + m * 60_000);

function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    serviceId: 'A',
    day: '2026-11-23',
    number: 'A-001',
    offlineKiosk: null,
    priority: null,
    priorityConfirmed: null,
    status: 'issued',
    issuedAt: min(0).toISOString(),
    calledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    calls: 0,
    dossierCode: null,
    ...overrides,
  };
}

const counter1: Counter = { id: 'c1', number: 1, serviceIds: ['A'], open: true };
const counter2: Counter = { id: 'c2', number: 2, serviceIds: ['A', 'B'], open: true };

describe('ticket numbers', () => {
  it.each([
    ['A', 23, null, 'A-023'],
    ['B', 1, null, 'B-001'],
    ['HT', 999, null, 'HT-999'],
    ['A', 1000, null, 'A-1000'],
    ['A', 7, 1, 'A1-007'],
    ['B', 12, 2, 'B2-012'],
  ] as const)('%s %d (kiosk %s) → %s', (prefix, sequence, kiosk, expected) => {
    expect(formatTicketNumber(prefix, sequence, kiosk)).toBe(expected);
    expect(parseTicketNumber(expected)).toEqual({ prefix, sequence, offlineKiosk: kiosk });
  });

  it('refuses a sequence outside the daily range and unreadable numbers', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('A', 10_000)).toThrow(RangeError);
    expect(parseTicketNumber('a-001')).toBeNull();
    expect(parseTicketNumber('A-1')).toBeNull();
  });

  it('numbers each service, day and range on its own, after the highest ever issued', () => {
    const issued = [
      ticket('1', { number: 'A-001' }),
      ticket('2', { number: 'A-002', status: 'cancelled' }),
      ticket('3', { number: 'B-001', serviceId: 'B' }),
      ticket('4', { number: 'A1-001', offlineKiosk: 1 }),
      ticket('5', { number: 'A-009', day: '2026-11-22' }),
    ];
    expect(nextSequence(issued, 'A', '2026-11-23')).toBe(3);
    expect(nextSequence(issued, 'B', '2026-11-23')).toBe(2);
    expect(nextSequence(issued, 'A', '2026-11-23', 1)).toBe(2);
    expect(nextSequence(issued, 'A', '2026-11-23', 2)).toBe(1);
    expect(nextSequence(issued, 'A', '2026-11-24')).toBe(1);
  });

  it('every ticket the helpers build satisfies the contract', () => {
    expect(TicketSchema.safeParse(ticket('x', { number: 'A1-007', offlineKiosk: 1 })).success).toBe(true);
    expect(TicketSchema.safeParse(ticket('x', { number: 'a-7' })).success).toBe(false);
  });
});

describe('call order', () => {
  it('calls priority first, then by arrival, whatever the list order', () => {
    const early = ticket('early', { issuedAt: min(1).toISOString() });
    const late = ticket('late', { issuedAt: min(5).toISOString() });
    const elderly = ticket('elderly', { issuedAt: min(9).toISOString(), priority: 'elderly' });
    const rejected = ticket('rejected', {
      issuedAt: min(0).toISOString(),
      priority: 'pregnant',
      priorityConfirmed: false,
    });
    const sorted = [late, elderly, early, rejected].sort(compareCallOrder).map((t) => t.id);
    expect(sorted).toEqual(['elderly', 'rejected', 'early', 'late']);
    expect(peopleAhead([late, elderly, early, rejected], late)).toBe(3);
    expect(peopleAhead([late, elderly, early, rejected], elderly)).toBe(0);
  });

  it('a counter calls only its services, and a transferred ticket only at its counter', () => {
    const b = ticket('b', { serviceId: 'B', number: 'B-001' });
    expect(callNext([b], counter1, min(1))).toEqual({ ok: false, reason: 'nobody-waiting' });
    const called = callNext([b], counter2, min(1));
    expect(called.ok && called.ticket).toMatchObject({
      id: 'b',
      status: 'called',
      counterId: 'c2',
      calls: 1,
    });
    const sent = transfer((called as { ticket: Ticket }).ticket, counter1);
    expect(sent.ok && sent.ticket).toMatchObject({ status: 'issued', counterId: 'c1' });
    const moved = (sent as { ticket: Ticket }).ticket;
    expect(callNext([moved], counter2, min(2))).toEqual({ ok: false, reason: 'nobody-waiting' });
    const again = callNext([moved], counter1, min(3));
    // The first call's time stays: the wait is arrival → first call, not counted twice.
    expect(again.ok && again.ticket.calledAt).toBe(min(1).toISOString());
    expect(callNext([ticket('a')], { ...counter1, open: false }, min(1))).toEqual({
      ok: false,
      reason: 'counter-closed',
    });
  });

  it('walks a ticket through recall, service and the end, refusing wrong steps', () => {
    const called = callNext([ticket('a')], counter1, min(4));
    if (!called.ok) throw new Error(called.reason);
    const recalled = recall(called.ticket, 'c1');
    expect(recalled.ok && recalled.ticket.calls).toBe(2);
    expect(recall(called.ticket, 'c2')).toEqual({ ok: false, reason: 'wrong-counter' });
    const serving = startServing(called.ticket, 'c1', min(5));
    if (!serving.ok) throw new Error(serving.reason);
    expect(markNoShow(serving.ticket, 'c1', min(6))).toEqual({ ok: false, reason: 'wrong-status' });
    const done = finish(serving.ticket, 'c1', min(11), 'X01864.K01-261123-0001');
    expect(done.ok && done.ticket).toMatchObject({ status: 'done', dossierCode: 'X01864.K01-261123-0001' });
    expect(cancel((done as { ticket: Ticket }).ticket, min(12))).toEqual({
      ok: false,
      reason: 'wrong-status',
    });
    const absent = markNoShow(called.ticket, 'c1', min(6));
    expect(absent.ok && absent.ticket.status).toBe('no-show');
    expect(confirmPriority(ticket('p', { priority: 'disability' }), true)).toMatchObject({
      ok: true,
      ticket: { priorityConfirmed: true },
    });
    expect(confirmPriority(ticket('n'), true)).toEqual({ ok: false, reason: 'wrong-status' });
  });
});

describe('estimates and statistics', () => {
  it('median and nearest-rank p90', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });

  it('people ahead × recent median service time ÷ open counters', () => {
    expect(estimateWaitMinutes(6, 5, 2)).toBe(15);
    expect(estimateWaitMinutes(0, 5, 2)).toBe(0);
    expect(estimateWaitMinutes(3, 4, 0)).toBe(12);
    const finished = [3, 5, 9].map((m, i) =>
      ticket(`d${i}`, {
        status: 'done',
        calledAt: min(10 * i).toISOString(),
        endedAt: min(10 * i + m).toISOString(),
      }),
    );
    expect(recentServiceMinutes(finished, 'A')).toBe(5);
    expect(recentServiceMinutes(finished, 'B')).toBe(8);
  });

  it('wait and service per group, and the share called within 15 minutes', () => {
    const tickets = [
      ticket('1', { status: 'done', calledAt: min(10).toISOString(), endedAt: min(14).toISOString() }),
      ticket('2', { status: 'done', calledAt: min(20).toISOString(), endedAt: min(22).toISOString() }),
      ticket('3', { status: 'no-show', calledAt: min(5).toISOString(), endedAt: min(7).toISOString() }),
      ticket('4'),
    ];
    expect(waitStats(tickets)).toEqual({
      tickets: 4,
      called: 3,
      waitMedian: 10,
      waitP90: 20,
      serviceMedian: 3,
      serviceP90: 4,
      calledWithinNoWait: 2 / 3,
    });
    expect(waitStats([ticket('x')]).calledWithinNoWait).toBeNull();
  });

  it('a ticket still waiting past 15 minutes counts against "không chờ" once a clock is given', () => {
    const called = ticket('c', {
      status: 'done',
      calledAt: min(5).toISOString(),
      endedAt: min(9).toISOString(),
    });
    const waiting = ticket('w', { issuedAt: min(0).toISOString() });
    // At 10 minutes the waiting ticket can still be called in time: it is not judged yet.
    expect(waitStats([called, waiting], min(10).getTime()).calledWithinNoWait).toBe(1);
    expect(waitStats([called, waiting], min(16).getTime()).calledWithinNoWait).toBe(0.5);
    // A cancelled ticket never called is not judged.
    const left = ticket('l', { status: 'cancelled', endedAt: min(3).toISOString() });
    expect(waitStats([called, left], min(60).getTime()).calledWithinNoWait).toBe(1);
  });
});
