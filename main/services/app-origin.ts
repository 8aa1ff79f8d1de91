/**
 * The Electron host serves the renderer from `kiosk://app/`. The origin is fixed from
 * the first release on purpose: IndexedDB (the dossiers and the outbox) belongs to the
 * origin, so a release that served from another scheme, host or a file:// path would
 * start with an empty database and strand every unsent dossier.
 */
export const APP_SCHEME = 'kiosk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** Whether a URL belongs to the kiosk's own origin (the only place the window may go). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
