/**
 * How a bridge call reaches the host, with no contract attached: client.ts validates both
 * ways. Kept apart from the contracts (zod) so the start can send its first call before
 * they are even evaluated (early-call.ts).
 */
declare global {
  interface Window {
    kiosk?: import('../../shared/contracts/bridge.ts').KioskBridgeGlobal;
  }
}

/** A bridge failure with the stable code the host sent (or one of ours), for localised messages. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

export type Transport = (method: string, input: unknown) => Promise<unknown>;

/**
 * Under Electron the preload provides `window.kiosk`; under the headless host the same
 * contract is served on `./bridge/<method>` next to the page. The renderer picks whichever
 * exists and never asks which host it is.
 */
export function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.kiosk) {
    const kiosk = window.kiosk;
    return (method, input) => kiosk.invoke(method, input);
  }
  return async (method, input) => {
    const res = await fetch(`./bridge/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    try {
      return await res.json();
    } catch {
      throw new BridgeCallError('bridge-unreachable', `HTTP ${res.status} without a bridge response`);
    }
  };
}
