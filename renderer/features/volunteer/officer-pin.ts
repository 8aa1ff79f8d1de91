/**
 * The officer PIN that guards the kiosk's settings, held and checked by main
 * (main/services/officer/officer-pin.ts): the page asks, main answers, so a page that
 * skips this screen (DevTools, an injected script) still cannot re-enrol the kiosk. A right
 * PIN answers an officer session token, which the settings screen keeps in memory.
 *
 * First run: there is deliberately no default PIN (a default printed in a manual or a
 * profile file is known to everyone). Until a PIN is set, `officerPinState()` answers
 * 'unset' and the settings screen asks the installing officer to choose one (6–12 digits,
 * typed twice, with the profile's setup code when it has one). Afterwards changing it
 * requires the current PIN, which counts towards the lockout like any attempt.
 */
import type { BridgeOutput } from '../../../shared/contracts/bridge.ts';
import { META, type PinRecord } from '../../db/db.ts';
import { bridge, type BridgeClient } from '../../bridge/client.ts';
import { getMeta } from '../../db/meta.ts';
import { dbOf, type DataContext } from '../../db/context.ts';

export const OFFICER_PIN_MIN_LENGTH = 6;

export interface OfficerPinContext extends DataContext {
  client?: BridgeClient;
}

export type OfficerPinCheck = BridgeOutput<'officerPinVerify'>;
export type SetOfficerPinResult = BridgeOutput<'officerPinSet'>;
export type ResetOfficerPinResult = BridgeOutput<'officerPinReset'>;

export async function officerPinState(ctx: OfficerPinContext = {}): Promise<'unset' | 'set'> {
  const client = ctx.client ?? bridge();
  const { state } = await client.invoke('officerPinState', {});
  if (state === 'set') return 'set';
  // A kiosk upgraded from when the page kept the PIN in IndexedDB: main takes it over
  // (when it may) and the page's copy goes, so there is one PIN and main checks it.
  const db = dbOf(ctx);
  const local = await getMeta<{ pin: PinRecord }>(db, META.officerPin);
  if (!local) return 'unset';
  const { adopted } = await client.invoke('officerPinAdopt', { pin: local.pin });
  await db.meta.where('key').equals(META.officerPin).delete();
  return adopted ? 'set' : 'unset';
}

export function verifyOfficerPin(pin: string, ctx: OfficerPinContext = {}): Promise<OfficerPinCheck> {
  return (ctx.client ?? bridge()).invoke('officerPinVerify', { pin });
}

/** First run: setOfficerPin(newPin, null, setupCode). Later: setOfficerPin(newPin, currentPin). */
export function setOfficerPin(
  newPin: string,
  currentPin: string | null = null,
  setupCode?: string,
  ctx: OfficerPinContext = {},
): Promise<SetOfficerPinResult> {
  return (ctx.client ?? bridge()).invoke('officerPinSet', {
    newPin,
    currentPin,
    ...(setupCode === undefined ? {} : { setupCode }),
  });
}

/** A forgotten PIN, replaced with the profile's setup code (main compares it). */
export function resetOfficerPin(
  newPin: string,
  setupCode: string,
  ctx: OfficerPinContext = {},
): Promise<ResetOfficerPinResult> {
  return (ctx.client ?? bridge()).invoke('officerPinReset', { newPin, setupCode });
}
