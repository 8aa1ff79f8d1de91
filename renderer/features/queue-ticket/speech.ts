/**
 * What "Nghe số thứ tự" says: the number read the way the calling board will call it
 * (shared/speech readTicketNumber), the desk, the counters, the people ahead and the wait.
 * Vietnamese whatever the screen language: the voice is Vietnamese.
 */
import type { TFunction } from 'i18next';
import type { KioskTicket } from '../../../shared/contracts/tickets.ts';
import { readTicketNumber } from '../../../shared/speech/index.ts';

export function ticketSpeech(t: TFunction, ticket: KioskTicket): { text: string }[] {
  const lines = [
    `${t('yourNumber')}: ${readTicketNumber(ticket.number)}.`,
    `${t('service', { name: ticket.serviceName })}.`,
    ticket.counters.length
      ? `${t('counters', { counters: ticket.counters.join(', ') })}.`
      : `${t('countersUnknown')}.`,
    ticket.priority ? `${t('priorityTaken')}.` : null,
    ticket.peopleAhead === null ? `${t('aheadUnknown')}.` : `${t('ahead', { count: ticket.peopleAhead })}.`,
    ticket.estimateMinutes === null
      ? `${t('waitUnknown')}.`
      : ticket.estimateMinutes === 0
        ? `${t('waitNext')}.`
        : `${t('wait', { count: ticket.estimateMinutes })}.`,
    ticket.offline ? t('offline') : null,
  ];
  return lines.filter((l): l is string => l !== null).map((text) => ({ text }));
}
