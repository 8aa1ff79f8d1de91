import { BrowserWindow } from 'electron';
import { APP_START_URL } from '../services/app-origin.ts';
import type { Logger } from '../services/logger.ts';
import { BRIDGE_SECRET_SWITCH } from '../services/bridge-secret.ts';
import { createRestartLimiter, DEFAULT_RESTART_POLICY } from '../services/restart-limiter.ts';

export interface KioskWindowOptions {
  preload: string;
  /** This launch's bridge secret, for the preload (main/services/bridge-secret.ts). */
  bridgeSecret: string;
  /** Release build: full-screen kiosk, no devtools, no menu. */
  production: boolean;
  logger: Logger;
  /**
   * True once the app itself is quitting (an OS shutdown or log-off asks the app to quit).
   * Until then a release build refuses to close its window: Alt+F4 or a window manager's
   * close button must not leave a public machine on the desktop.
   */
  isQuitting?: () => boolean;
}

/** Shown when the renderer keeps crashing; static, both languages, no script. */
const CRASH_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Kiosk</title>
<body style="font:28px sans-serif;margin:10vh 8vw;line-height:1.5">
<h1>Kiosk tạm ngừng hoạt động</h1>
<p>Màn hình kiosk gặp lỗi nhiều lần. Hồ sơ đã lưu vẫn an toàn. Xin báo cán bộ Bộ phận Một cửa.</p>
<hr><h2 lang="en">The kiosk has stopped</h2>
<p lang="en">The kiosk screen failed several times. Saved dossiers are safe. Please tell an officer at the one-stop desk.</p>
</body></html>`;

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const { production, logger } = options;
  const win = new BrowserWindow({
    show: false,
    // kiosk: true only makes the window full-screen and always on top; locking the
    // machine down (no desktop, no task switcher) is the OS's job — see the README.
    kiosk: production,
    fullscreen: production,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      additionalArguments: [`${BRIDGE_SECRET_SWITCH}${options.bridgeSecret}`],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !production,
      // A citizen must not be able to zoom the layout apart; large-text mode is in the app.
      zoomFactor: 1,
    },
  });
  if (production) win.removeMenu();
  win.on('close', (event: { preventDefault(): void }) => {
    if (!production || options.isQuitting?.()) return;
    event.preventDefault();
    logger.warn('window-close-refused');
  });
  win.once('ready-to-show', () => win.show());

  const restarts = createRestartLimiter({ ...DEFAULT_RESTART_POLICY, now: Date.now });
  win.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer-gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (restarts.tryRestart()) {
      void win.loadURL(APP_START_URL);
    } else {
      logger.error('renderer-restart-limit-reached');
      void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(CRASH_PAGE)}`);
    }
  });
  win.webContents.on('unresponsive', () => logger.warn('renderer-unresponsive'));
  win.webContents.on('responsive', () => logger.info('renderer-responsive'));

  // Pinch and ctrl+wheel zoom would let a citizen break the touch layout.
  void win.webContents.setVisualZoomLevelLimits(1, 1);
  win.webContents.on('before-input-event', (event, input) => {
    // Reload, devtools and zoom shortcuts are for developers only.
    if (!production || input.type !== 'keyDown') return;
    const key = input.key.toLowerCase();
    const withCtrl = input.control || input.meta;
    if (
      key === 'f5' ||
      key === 'f11' ||
      key === 'f12' ||
      (withCtrl && ['r', 'w', 'q', 'p', '+', '-', '=', '0'].includes(key))
    ) {
      event.preventDefault();
    }
  });

  void win.loadURL(APP_START_URL);
  return win;
}
