import { app, type Session } from 'electron';
import { isAppUrl } from '../services/app-origin.ts';
import type { Logger } from '../services/logger.ts';
import { CONTENT_SECURITY_POLICY } from '../services/security-policy.ts';

/**
 * Session-wide rules: the CSP on every response (the protocol handler sets it too;
 * this covers anything else the session loads), and permissions. The kiosk may use the
 * camera (ID-card QR codes, document photos) and persistent storage (so Chromium never
 * evicts the IndexedDB holding unsent dossiers); everything else is refused.
 */
export function hardenSession(session: Session, logger: Logger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const fromApp = isAppUrl(details.requestingUrl);
    let allowed = false;
    if (fromApp && permission === 'media') {
      const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      allowed = types.length > 0 && types.every((type) => type === 'video');
    } else if (fromApp && permission === 'persistent-storage') {
      allowed = true;
    }
    if (!allowed) logger.warn('permission-denied', { permission, url: details.requestingUrl });
    callback(allowed);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    if (!isAppUrl(requestingOrigin)) return false;
    if (permission === 'media') return details.mediaType === 'video';
    return permission === 'persistent-storage';
  });
}

/**
 * Every web contents (the kiosk window and any later print window) stays on kiosk://app:
 * no navigation elsewhere, no new windows, no <webview>. A link to the public service
 * portal is shown as a QR code for the citizen's phone, never opened on the kiosk.
 */
export function guardAllWebContents(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        logger.warn('navigation-blocked', { url });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        logger.warn('redirect-blocked', { url });
      }
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('webview-blocked');
    });
    contents.setWindowOpenHandler(({ url }) => {
      logger.warn('window-open-blocked', { url });
      return { action: 'deny' };
    });
  });
}
