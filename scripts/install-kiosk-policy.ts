/**
 * `npm run kiosk:policy` (as root): installs the Chromium managed policy that locks the
 * kiosk browser (main/node/kiosk-policy.ts). KIOSK_PORT as for kiosk:browser;
 * CHROMIUM_POLICY_DIR for Google Chrome (/etc/opt/chrome/policies).
 */
import { CHROMIUM_POLICY_DIR, installKioskBrowserPolicy } from '../main/node/kiosk-policy.ts';
import { DEFAULT_PORT } from '../main/node/headless-host.ts';

const port = Number(process.env.KIOSK_PORT || DEFAULT_PORT);
const dir = process.env.CHROMIUM_POLICY_DIR || CHROMIUM_POLICY_DIR;
try {
  const file = installKioskBrowserPolicy(`http://127.0.0.1:${port}`, dir);
  console.log(`Installed the kiosk browser policy: ${file}. Restart Chromium; chrome://policy lists it.`);
} catch (error) {
  console.error(`Could not write the policy under ${dir} (run as root): ${(error as Error).message}`);
  process.exit(1);
}
