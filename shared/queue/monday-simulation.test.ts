import { describe, expect, it } from 'vitest';
import { MONDAY_MORNING, priorityViolations, simulateMondayMorning } from './monday-simulation.ts';
import { hasPriority } from './ordering.ts';

const OPENING = new Date('2026-11-23T00:30:00Z'); // Monday 07:30 in Vietnam

describe('a simulated Monday morning: 300 citizens, 3 counters, 2 kiosks, one offline for 30 minutes', () => {
  const result = simulateMondayMorning(OPENING);

  it('loses no ticket and calls none twice', () => {
    expect(result.outcomes).toHaveLength(MONDAY_MORNING.citizens);
    expect(new Set(result.firstCalls).size).toBe(result.firstCalls.length);
    expect(result.firstCalls).toHaveLength(MONDAY_MORNING.citizens);
    for (const { ticket } of result.outcomes) expect(['done', 'no-show']).toContain(ticket.status);
    // The simulation ends by itself within the day.
    expect(result.endedAt).toBeLessThan(10 * 60);
  });

  it('every call hands out a ticket a citizen took, and every ticket taken is called', () => {
    const taken = new Set(result.outcomes.map((o) => o.ticket.id));
    for (const id of result.firstCalls) expect(taken.has(id)).toBe(true);
    expect(new Set(result.firstCalls)).toEqual(taken);
    for (const o of result.outcomes) expect(o.ticket.calledAt, o.ticket.number).not.toBeNull();
  });

  it('never prints the same number twice, and the offline kiosk said so on its tickets', () => {
    const numbers = result.outcomes.map((o) => o.ticket.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const offline = result.outcomes.filter((o) => o.ticket.offlineKiosk !== null);
    expect(offline.length).toBeGreaterThan(5);
    for (const o of offline) expect(o.ticket.number).toMatch(/^[AB]2-\d{3}$/);
  });

  it('calls every priority ticket before any ordinary ticket of its service that arrived after it', () => {
    expect(result.outcomes.some((o) => hasPriority(o.ticket))).toBe(true);
    expect(priorityViolations(result)).toEqual([]);
  });

  it('merges offline tickets in arrival order among themselves', () => {
    const offline = result.outcomes
      .filter((o) => o.ticket.offlineKiosk !== null && !hasPriority(o.ticket))
      .filter((o) => o.ticket.serviceId === 'civil-status');
    const calls = offline.map((o) => Date.parse(o.ticket.calledAt!));
    const arrivals = offline.map((o) => Date.parse(o.ticket.issuedAt));
    const byArrival = [...offline].sort(
      (a, b) => Date.parse(a.ticket.issuedAt) - Date.parse(b.ticket.issuedAt),
    );
    const byCall = [...offline].sort(
      (a, b) => Date.parse(a.ticket.calledAt!) - Date.parse(b.ticket.calledAt!),
    );
    expect(byCall.map((o) => o.ticket.id)).toEqual(byArrival.map((o) => o.ticket.id));
    expect(calls.length).toBe(arrivals.length);
  });

  it('the check itself fails on a priority ticket called late', () => {
    const tampered = structuredClone(result);
    const p = tampered.outcomes.find((o) => hasPriority(o.ticket))!;
    p.ticket.calledAt = new Date(OPENING.getTime() + 12 * 3_600_000).toISOString();
    expect(priorityViolations(tampered).length).toBeGreaterThan(0);
  });
});
