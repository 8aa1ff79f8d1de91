import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PriorityGroupSchema } from '../../../shared/queue/ticket.ts';
import { KioskQueueServiceSchema, TicketNumberSchema } from '../../../shared/contracts/tickets.ts';

/**
 * What main keeps about the queue in the data folder (`queue-tickets.json`, 0600), beside
 * the browser profile and not in it, like the dossier code mark: the services as the office
 * last listed them, the high-water mark of each offline range, and the tickets issued offline
 * that the office has not merged yet. The mark only moves forward, so a number of the
 * kiosk's own range is never printed twice, whatever happens to the renderer's storage.
 */
export const OfflineTicketSchema = z.object({
  localId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  serviceId: z.string().min(1).max(40),
  number: TicketNumberSchema,
  priority: PriorityGroupSchema.nullable(),
  issuedAt: z.iso.datetime({ offset: true }),
});
export type OfflineTicket = z.infer<typeof OfflineTicketSchema>;

export const TicketStateSchema = z.object({
  version: z.literal(1),
  services: z.array(KioskQueueServiceSchema),
  servicesFetchedAt: z.string().nullable(),
  /** `<Vietnam day>|<prefix><kiosk number>` → the highest sequence issued in that range. */
  marks: z.record(z.string(), z.number().int().min(0)),
  /** Issued offline, not yet merged by the office, oldest first. */
  pending: z.array(OfflineTicketSchema),
  /** Tickets the office refused to merge, with its reason (for staff and the log); the latest 100. */
  refused: z.array(OfflineTicketSchema.extend({ reason: z.string() })),
});
export type TicketState = z.infer<typeof TicketStateSchema>;

export const EMPTY_TICKET_STATE: TicketState = {
  version: 1,
  services: [],
  servicesFetchedAt: null,
  marks: {},
  pending: [],
  refused: [],
};

export interface TicketStore {
  read(): Promise<TicketState>;
  /** Applies `change` to the state as stored and writes it before resolving (serialised). */
  update<T>(change: (state: TicketState) => { state: TicketState; result: T }): Promise<T>;
}

export function createTicketFileStore(options: { file: string }): TicketStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<TicketState> {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_TICKET_STATE);
      throw error;
    }
    const parsed = TicketStateSchema.safeParse(JSON.parse(text));
    // A file we cannot read must not let the kiosk number from 1 again: refuse to go on.
    if (!parsed.success) throw new Error(`${options.file} is damaged: ${parsed.error.message}`);
    return parsed.data;
  }

  /** Write-then-rename: a power cut leaves the old state or the new one, never half of one. */
  async function save(state: TicketState): Promise<void> {
    await mkdir(path.dirname(options.file), { recursive: true, mode: 0o700 });
    const tmp = `${options.file}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(state) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, 0o600);
    await rename(tmp, options.file);
  }

  return {
    read: () => serial(load),
    update: (change) =>
      serial(async () => {
        const { state, result } = change(await load());
        await save(state);
        return result;
      }),
  };
}
