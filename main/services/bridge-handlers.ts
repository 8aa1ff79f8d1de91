import type { z } from 'zod';
import {
  bridgeContract,
  isBridgeMethod,
  type BridgeContract,
  type BridgeMethod,
  type BridgeResponse,
} from '../../shared/contracts/bridge.ts';
import type { Logger } from './logger.ts';

/** Stable codes the renderer localises; `message` is for logs and developers. */
export const BRIDGE_ERROR_CODES = [
  'unknown-method',
  'invalid-input',
  'invalid-output',
  'failed',
  'internal',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number] | (string & {});

/** Throw this from an implementation for an expected failure the renderer should show (e.g. printer offline). */
export class BridgeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BridgeFailure';
  }
}

/** What a method implementation receives and may return: the contract's parsed input, and anything its output schema accepts. */
export type BridgeImplementation = {
  [M in BridgeMethod]: (
    input: z.output<BridgeContract[M]['input']>,
  ) => Promise<z.input<BridgeContract[M]['output']>> | z.input<BridgeContract[M]['output']>;
};

export interface BridgeDispatcher {
  /** Never throws and never rejects: every outcome is a BridgeResponse. */
  invoke(method: string, input: unknown): Promise<BridgeResponse>;
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * The one map from bridge method to implementation. Both hosts (Electron IPC and the
 * headless HTTP host) call only this, so validation happens at the boundary in one
 * place: input is parsed with the contract's schema before the implementation sees
 * it, and output is parsed before it leaves, so a bug in main never reaches the
 * renderer as a malformed value.
 */
export function createBridgeHandlers(
  implementation: BridgeImplementation,
  deps: { logger: Logger },
): BridgeDispatcher {
  const { logger } = deps;

  async function run<M extends BridgeMethod>(method: M, input: unknown): Promise<BridgeResponse> {
    const contract = bridgeContract[method];
    const parsedInput = contract.input.safeParse(input ?? {});
    if (!parsedInput.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `Invalid input for ${method}`,
          details: issuesOf(parsedInput.error),
        },
      };
    }
    const handler = implementation[method] as (input: unknown) => unknown;
    const value = await handler(parsedInput.data);
    const parsedOutput = contract.output.safeParse(value);
    if (!parsedOutput.success) {
      logger.error('bridge-invalid-output', { method, issues: issuesOf(parsedOutput.error) });
      return {
        ok: false,
        error: { code: 'invalid-output', message: `The kiosk produced an invalid answer for ${method}` },
      };
    }
    return { ok: true, value: parsedOutput.data };
  }

  return {
    async invoke(method, input) {
      if (typeof method !== 'string' || !isBridgeMethod(method)) {
        return {
          ok: false,
          error: { code: 'unknown-method', message: `Unknown bridge method: ${String(method)}` },
        };
      }
      try {
        return await run(method, input);
      } catch (error) {
        if (error instanceof BridgeFailure) {
          logger.warn('bridge-failure', { method, code: error.code, message: error.message });
          return {
            ok: false,
            error:
              error.details === undefined
                ? { code: error.code, message: error.message }
                : { code: error.code, message: error.message, details: error.details },
          };
        }
        logger.error('bridge-internal-error', { method, error });
        return { ok: false, error: { code: 'internal', message: `Internal error in ${method}` } };
      }
    },
  };
}
