import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';

/**
 * The profile's setup code (kiosk.setupCode), held by main as a salted scrypt hash only.
 * It authorises the first officer PIN and the reset of a forgotten one, so it must not be
 * readable from the kiosk page (DevTools, an injected script): the page asks main whether
 * a typed code matches and never receives the code.
 */
export interface SetupCodeCheck {
  /** Whether the profile has a setup code at all. */
  readonly required: boolean;
  /** True when `typed` is the profile's code; always false without one. */
  matches(typed: string): Promise<boolean>;
}

/** scrypt's defaults (N=16384, r=8, p=1): a few tens of ms per check, enough against guessing offline. */
const KEY_BYTES = 32;

function derive(text: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(text.normalize('NFC'), salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function createSetupCodeCheck(code: string | undefined): Promise<SetupCodeCheck> {
  if (code === undefined) return { required: false, matches: async () => false };
  const salt = randomBytes(16);
  const hash = await derive(code, salt);
  return {
    required: true,
    async matches(typed) {
      return timingSafeEqual(await derive(typed, salt), hash);
    },
  };
}

/** The profile as the page receives it: everything but the setup code. */
export function profileForPage(profile: OfficeProfile): OfficeProfile {
  const kiosk = { ...profile.kiosk };
  delete kiosk.setupCode;
  return { ...profile, kiosk };
}
