/**
 * Bridge calls sent before the bundle's libraries are evaluated. At a cold start the kiosk
 * spends most of its time compiling and running scripts; a call made from a component only
 * leaves after that, and the first screen then also waits for the round trip. Sent from
 * here, the answer travels while the scripts run. Nothing is trusted early: the client
 * (client.ts) takes the raw answer and validates it as it does any other.
 */
import { defaultTransport, type Transport } from './transport.ts';

interface EarlyCall {
  input: string;
  answer: Promise<unknown>;
}

const pending = new Map<string, EarlyCall>();

export function sendEarly(method: string, input: unknown, transport: Transport = defaultTransport()): void {
  const answer = transport(method, input);
  // Taken later or never; either way a failure here is the taker's to report, not the page's.
  answer.catch(() => undefined);
  pending.set(method, { input: JSON.stringify(input), answer });
}

/** The early answer to exactly this call, once: a retry or a different input goes to the host. */
export function takeEarly(method: string, input: unknown): Promise<unknown> | undefined {
  const call = pending.get(method);
  if (!call || call.input !== JSON.stringify(input)) return undefined;
  pending.delete(method);
  return call.answer;
}
