import { z } from 'zod';
import { OfficeProfileSchema } from '../domain/office-profile.ts';
import { CatalogueSchema } from '../domain/procedure.ts';

/**
 * The renderer↔main bridge: one contract, declared once. The Electron preload exposes
 * it as `window.kiosk.invoke(method, input)` over IPC; the headless Node host exposes
 * it as `POST /bridge/<method>` on loopback. Both sides validate with these schemas,
 * so the renderer never knows (or cares) which host it runs under.
 *
 * To add a method: add an entry here, implement it in main/services, and register it
 * in main/services/bridge-handlers.ts; both hosts pick it up from there.
 */
export const bridgeContract = {
  /** Everything the renderer needs at start: the validated office profile and catalogue. */
  getKioskConfig: {
    input: z.object({}),
    output: z.object({
      profile: OfficeProfileSchema,
      catalogue: CatalogueSchema,
      appVersion: z.string(),
      host: z.enum(['electron', 'headless']),
    }),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeOutput<M extends BridgeMethod> = z.output<BridgeContract[M]['output']>;

/** Errors cross the bridge as data, with a stable code the renderer can localise. */
export const BridgeErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export const BridgeResponseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
export type BridgeResponse = z.infer<typeof BridgeResponseSchema>;

export function isBridgeMethod(name: string): name is BridgeMethod {
  return Object.hasOwn(bridgeContract, name);
}

/** The shape the preload puts on `window.kiosk`. */
export interface KioskBridgeGlobal {
  invoke(method: string, input: unknown): Promise<BridgeResponse>;
}
