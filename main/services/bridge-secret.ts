import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The per-launch secret every bridge call must carry. Made fresh at each start of main and
 * handed only to the kiosk page (the Electron preload; under the headless host a cookie the
 * browser gets through a one-time launch address), so another local process or OS user
 * that reaches the bridge (a loopback port, a stray IPC sender) cannot call it.
 */
export interface BridgeSecret {
  /** 256 random bits, base64url (safe in a cookie and on a command line). */
  readonly value: string;
  /** Constant-time comparison; anything but the exact string is refused. */
  matches(candidate: unknown): boolean;
}

export function createBridgeSecret(random: (size: number) => Buffer = randomBytes): BridgeSecret {
  const value = random(32).toString('base64url');
  const expected = Buffer.from(value, 'utf8');
  return {
    value,
    matches(candidate) {
      if (typeof candidate !== 'string') return false;
      const given = Buffer.from(candidate, 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The error answer for a call without the secret (both hosts answer the same). */
export const BRIDGE_LOCKED = {
  ok: false as const,
  error: { code: 'bridge-locked', message: 'This bridge answers the kiosk page only' },
};

/**
 * The Electron kiosk window's renderer gets the secret as this command-line switch
 * (webPreferences.additionalArguments, read by the preload from process.argv); the page's
 * own scripts never see it (context isolation). main/electron/preload.cts repeats the
 * literal, since a sandboxed preload imports nothing of ours.
 */
export const BRIDGE_SECRET_SWITCH = '--kiosk-bridge-secret=';
