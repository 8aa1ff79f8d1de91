import type { Ticket } from './ticket.ts';

/**
 * Ticket numbers. The office numbers each service from 1 every day ("A-023"). A kiosk that
 * cannot reach the office issues from its own range, the service prefix followed by the
 * kiosk number ("A1-007" is kiosk 1's seventh offline ticket for service A), so the two
 * can never print the same number, and the ticket itself shows it was issued offline.
 */

const MAX_PER_DAY = 9999;

export function formatTicketNumber(
  prefix: string,
  sequence: number,
  offlineKiosk: number | null = null,
): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_PER_DAY)
    throw new RangeError(`ticket sequence out of range: ${sequence}`);
  const width = sequence > 999 ? 4 : 3;
  return `${prefix}${offlineKiosk ?? ''}-${String(sequence).padStart(width, '0')}`;
}

export interface ParsedTicketNumber {
  prefix: string;
  offlineKiosk: number | null;
  sequence: number;
}

export function parseTicketNumber(number: string): ParsedTicketNumber | null {
  const match = /^([A-Z]{1,2})(\d{1,2})?-(\d{3,4})$/.exec(number);
  if (!match) return null;
  return {
    prefix: match[1]!,
    offlineKiosk: match[2] ? Number(match[2]) : null,
    sequence: Number(match[3]),
  };
}

/**
 * The next sequence in one range (the office's, or one kiosk's offline range) for a
 * service on a day: one more than the highest already issued there, so a number is never
 * issued twice even after cancellations.
 */
export function nextSequence(
  tickets: readonly Pick<Ticket, 'serviceId' | 'day' | 'number' | 'offlineKiosk'>[],
  serviceId: string,
  day: string,
  offlineKiosk: number | null = null,
): number {
  let highest = 0;
  for (const ticket of tickets) {
    if (ticket.serviceId !== serviceId || ticket.day !== day || ticket.offlineKiosk !== offlineKiosk)
      continue;
    const parsed = parseTicketNumber(ticket.number);
    if (parsed && parsed.sequence > highest) highest = parsed.sequence;
  }
  return highest + 1;
}
