import {
  bridgeContract,
  BridgeResponseSchema,
  type BridgeInput,
  type BridgeMethod,
  type BridgeOutput,
  type KioskBridgeGlobal,
} from '../../shared/contracts/bridge.ts';

declare global {
  interface Window {
    kiosk?: KioskBridgeGlobal;
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

type Transport = (method: string, input: unknown) => Promise<unknown>;

/**
 * Under Electron the preload provides `window.kiosk`; under the headless host the same
 * contract is served on `./bridge/<method>` next to the page. The renderer picks whichever
 * exists and never asks which host it is.
 */
function defaultTransport(): Transport {
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

export function createBridgeClient(transport: Transport = defaultTransport()) {
  return {
    /** Calls one contract method; both the input and the output are validated here. */
    async invoke<M extends BridgeMethod>(method: M, input: BridgeInput<M>): Promise<BridgeOutput<M>> {
      const spec = bridgeContract[method];
      const parsedInput = spec.input.parse(input);
      let raw: unknown;
      try {
        raw = await transport(method, parsedInput);
      } catch (err) {
        if (err instanceof BridgeCallError) throw err;
        throw new BridgeCallError('bridge-unreachable', err instanceof Error ? err.message : String(err));
      }
      const response = BridgeResponseSchema.safeParse(raw);
      if (!response.success) throw new BridgeCallError('bridge-bad-response', response.error.message);
      if (!response.data.ok) {
        const { code, message, details } = response.data.error;
        throw new BridgeCallError(code, message, details);
      }
      const output = spec.output.safeParse(response.data.value);
      if (!output.success) throw new BridgeCallError('bridge-bad-output', output.error.message);
      return output.data as BridgeOutput<M>;
    },
  };
}

export type BridgeClient = ReturnType<typeof createBridgeClient>;

let shared: BridgeClient | undefined;
/** The one client the app uses (created lazily so tests can build their own). */
export function bridge(): BridgeClient {
  shared ??= createBridgeClient();
  return shared;
}
