/**
 * "Lấy số thứ tự": the services the kiosk may take numbers for (as main last heard them
 * from the office) and the one dialog's steps: which desk, whether the citizen claims
 * priority, the number (from the office, or from the kiosk's own range when it is away),
 * and its printing. Cleared by the idle reset: the next person sees none of it.
 */
import { create } from 'zustand';
import type { KioskQueueService, KioskTicket } from '../../../shared/contracts/tickets.ts';
import type { PriorityGroup } from '../../../shared/queue/ticket.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import { onIdleReset, setIdleHold } from '../shell/index.ts';
import type { TicketPrintState } from './print.ts';

export type TicketStep =
  | { kind: 'closed' }
  | { kind: 'service'; choices: KioskQueueService[] }
  | { kind: 'priority'; service: KioskQueueService }
  | { kind: 'issuing'; service: KioskQueueService }
  | { kind: 'issued'; ticket: KioskTicket; print: TicketPrintState }
  | {
      kind: 'failed';
      reason: 'unknown-service' | 'range-full' | 'bridge';
      service: KioskQueueService | null;
    };

interface QueueTicketState {
  services: KioskQueueService[];
  step: TicketStep;
  /** Bumped by every open and close, so an answer arriving after a reset is dropped. */
  session: number;
}

export const useQueueTicketStore = create<QueueTicketState>(() => ({
  services: [],
  step: { kind: 'closed' },
  session: 0,
}));

const set = (step: TicketStep) => {
  useQueueTicketStore.setState({ step });
  setIdleHold('queue-ticket', step.kind !== 'closed');
};

/** Reads the services main keeps; `refresh` asks the office first (it answers from what it kept when the office is away). */
export async function loadQueueServices(client: BridgeClient, refresh: boolean): Promise<void> {
  try {
    const { services } = await client.invoke('queueServices', { refresh });
    useQueueTicketStore.setState({ services });
  } catch {
    // No list: the button stays hidden; the next screen asks again.
  }
}

/** The services a procedure page offers: the one serving the procedure, else every one. */
export function servicesFor(
  services: readonly KioskQueueService[],
  procedureCode?: string,
): KioskQueueService[] {
  const serving = procedureCode ? services.filter((s) => s.procedureCodes.includes(procedureCode)) : [];
  return serving.length ? serving : [...services];
}

export function openTicketDialog(procedureCode?: string): void {
  const choices = servicesFor(useQueueTicketStore.getState().services, procedureCode);
  if (choices.length === 0) return;
  useQueueTicketStore.setState((s) => ({ session: s.session + 1 }));
  set(choices.length === 1 ? { kind: 'priority', service: choices[0]! } : { kind: 'service', choices });
}

export function chooseService(service: KioskQueueService): void {
  set({ kind: 'priority', service });
}

export function closeTicketDialog(): void {
  useQueueTicketStore.setState((s) => ({ session: s.session + 1 }));
  set({ kind: 'closed' });
}

export async function takeTicket(
  client: BridgeClient,
  service: KioskQueueService,
  priority: PriorityGroup | null,
  print: { officeName: string; lang: Language },
): Promise<void> {
  const session = useQueueTicketStore.getState().session;
  const current = () => useQueueTicketStore.getState().session === session;
  set({ kind: 'issuing', service });
  let ticket: KioskTicket;
  try {
    // Loaded on first use: the kiosk's stored identity is not needed for Today's first frame.
    const { getKioskIdentity } = await import('../dossier/index.ts');
    const { kioskNumber } = await getKioskIdentity();
    const answer = await client.invoke('takeTicket', { serviceId: service.id, priority, kioskNumber });
    if (!current()) return;
    if (!answer.ok) {
      if (answer.reason === 'unknown-service') await loadQueueServices(client, false);
      if (current()) set({ kind: 'failed', reason: answer.reason, service });
      return;
    }
    ticket = answer.ticket;
  } catch {
    if (current()) set({ kind: 'failed', reason: 'bridge', service });
    return;
  }
  await runPrint(client, ticket, print, session);
}

/** Prints (or prints again) the ticket on screen. */
export async function printShownTicket(
  client: BridgeClient,
  print: { officeName: string; lang: Language },
): Promise<void> {
  const { step, session } = useQueueTicketStore.getState();
  if (step.kind === 'issued') await runPrint(client, step.ticket, print, session);
}

async function runPrint(
  client: BridgeClient,
  ticket: KioskTicket,
  print: { officeName: string; lang: Language },
  session: number,
): Promise<void> {
  const current = () => useQueueTicketStore.getState().session === session;
  set({ kind: 'issued', ticket, print: { status: 'printing' } });
  // The printing code (and the receipt feature's print jobs) load with the first ticket; a
  // chunk that cannot be loaded is a print that did not happen, said as such.
  const state = await import('./print.ts').then(
    ({ printTicket }) => printTicket(client, ticket, print),
    (): TicketPrintState => ({ status: 'failed', reason: 'bridge', pdfKept: false }),
  );
  if (current()) set({ kind: 'issued', ticket, print: state });
}

onIdleReset(closeTicketDialog);
