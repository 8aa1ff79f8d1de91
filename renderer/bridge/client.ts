import { bridgeStartContract, BridgeResponseSchema } from '../../shared/contracts/bridge-start.ts';
import type {
  BridgeContract,
  BridgeInput,
  BridgeMethod,
  BridgeOutput,
} from '../../shared/contracts/bridge.ts';
import { BridgeCallError, defaultTransport, type Transport } from './transport.ts';
import { takeEarly } from './early-call.ts';

export { BridgeCallError, type Transport } from './transport.ts';

/** `early` supplies an answer already on its way (early-call.ts); the shared client uses it. */
type EarlyAnswers = (method: string, input: unknown) => Promise<unknown> | undefined;

let wholeContract: Promise<BridgeContract> | undefined;

/**
 * A method's schemas. The start's method is in the small start contract, at hand at once; the
 * others are in the whole contract, loaded on the first call that needs it (calls are
 * asynchronous anyway), so the first frame does not wait for every method's schemas.
 */
function startSpecOf<M extends BridgeMethod>(method: M): BridgeContract[M] | undefined {
  return Object.hasOwn(bridgeStartContract, method)
    ? (bridgeStartContract[method as keyof typeof bridgeStartContract] as BridgeContract[M])
    : undefined;
}

function wholeSpecOf<M extends BridgeMethod>(method: M): Promise<BridgeContract[M]> {
  wholeContract ??= import('../../shared/contracts/bridge.ts').then(
    (m) => m.bridgeContract,
    (err: unknown) => {
      wholeContract = undefined;
      throw new BridgeCallError('bridge-unreachable', err instanceof Error ? err.message : String(err));
    },
  );
  return wholeContract.then((contract) => contract[method]);
}

export function createBridgeClient(
  transport: Transport = defaultTransport(),
  early: EarlyAnswers = () => undefined,
) {
  return {
    /** Calls one contract method; both the input and the output are validated here. */
    async invoke<M extends BridgeMethod>(method: M, input: BridgeInput<M>): Promise<BridgeOutput<M>> {
      const spec = startSpecOf(method) ?? (await wholeSpecOf(method));
      const parsedInput = spec.input.parse(input);
      let raw: unknown;
      try {
        raw = await (early(method, parsedInput) ?? transport(method, parsedInput));
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
  shared ??= createBridgeClient(defaultTransport(), takeEarly);
  return shared;
}
