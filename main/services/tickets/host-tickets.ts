import { dataDirLayout } from '../data-dir.ts';
import type { Logger } from '../logger.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { createTicketFileStore } from './ticket-store.ts';
import { createTicketService, type TicketService } from './ticket-service.ts';

export interface HostTicketOptions {
  /** How often offline tickets are offered to the office (tests shorten it). */
  flushIntervalMs?: number;
  /** The main process's clock (ticket times, the day of an offline range); tests set it. */
  now?: () => Date;
}

/** The ticket queue as both hosts run it: state in <dataDir>/queue-tickets.json, the office through sync's enrolment. */
export function createHostTickets(
  options: HostTicketOptions & { dataDir: string; sync: SyncService; logger: Logger },
): TicketService {
  const service = createTicketService({
    store: createTicketFileStore({ file: dataDirLayout(options.dataDir).queueTickets }),
    identity: options.sync.identity,
    logger: options.logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.flushIntervalMs ? { flushIntervalMs: options.flushIntervalMs } : {}),
  });
  service.start();
  return service;
}
