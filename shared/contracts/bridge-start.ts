/**
 * The part of the bridge contract the renderer needs before its first frame: the envelope
 * every answer comes in, and the one method called at start. The whole contract (./bridge.ts)
 * includes it; the renderer's client loads the rest on its first other call, so the start
 * does not build every method's schemas.
 */
import { z } from 'zod';
import { OfficeProfileSchema } from '../domain/office-profile.ts';
import { CatalogueSchema } from '../domain/procedure.ts';

export const bridgeStartContract = {
  /**
   * Everything the renderer needs at start: the validated office profile and catalogue.
   * The profile comes without kiosk.setupCode (main keeps only its hash; see checkSetupCode).
   */
  getKioskConfig: {
    input: z.object({}),
    output: z.object({
      profile: OfficeProfileSchema,
      catalogue: CatalogueSchema,
      appVersion: z.string(),
      host: z.enum(['electron', 'headless']),
      /** Whether the profile has a setup code (first officer PIN and its reset need it). */
      setupCodeRequired: z.boolean().default(false),
    }),
  },
};

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
