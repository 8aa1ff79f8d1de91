/**
 * The Electron binary is not installed where this project is built, so the Electron host
 * is exercised here against a recording stand-in for the 'electron' module: the wiring
 * (scheme privileges, window preferences, guards, permissions, IPC bridge, profile
 * refusal) is checked in plain Node; Electron's own behaviour is taken from its docs.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeRendererBuild, tempDir, validProfile, writeProfile } from '../test-support/fixtures.ts';

type Handler = (...args: unknown[]) => unknown;

function createFakeElectron(appPath: string) {
  const appEvents = new Map<string, Handler>();
  const ipc = new Map<string, Handler>();
  const windows: Array<{
    options: Record<string, unknown>;
    loadURL: ReturnType<typeof vi.fn>;
    events: Map<string, Handler>;
    windowEvents: Map<string, Handler>;
  }> = [];
  const calls = {
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    errorBoxes: [] as Array<[string, string]>,
    exit: [] as number[],
    powerSave: [] as string[],
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    headers: undefined as Handler | undefined,
  };
  class BrowserWindow {
    static getAllWindows = () => windows;
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const events = new Map<string, Handler>();
      const loadURL = vi.fn(async () => undefined);
      windows.push({ options, loadURL, events, windowEvents: this.windowEvents });
      this.webContents = {
        on: (event: string, fn: Handler) => events.set(event, fn),
        setVisualZoomLevelLimits: async () => undefined,
      };
      this.loadURL = loadURL;
    }
    loadURL: ReturnType<typeof vi.fn>;
    windowEvents = new Map<string, Handler>();
    on(event: string, fn: Handler) {
      this.windowEvents.set(event, fn);
    }
    once() {}
    removeMenu() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }
  const electron = {
    app: {
      isPackaged: false,
      getAppPath: () => appPath,
      getVersion: () => '0.1.0',
      setPath: vi.fn(),
      whenReady: async () => undefined,
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Handler) => appEvents.set(event, fn),
      exit: (code: number) => calls.exit.push(code),
      quit: vi.fn(),
      relaunch: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.privileged.push(schemes),
      handle: (scheme: string, fn: Handler) => calls.protocolHandlers.set(scheme, fn),
    },
    dialog: { showErrorBox: (title: string, text: string) => calls.errorBoxes.push([title, text]) },
    ipcMain: { handle: (channel: string, fn: Handler) => ipc.set(channel, fn) },
    powerSaveBlocker: { start: (type: string) => calls.powerSave.push(type) },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Handler) => (calls.headers = fn) },
        setPermissionRequestHandler: (fn: Handler) => (calls.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => (calls.permissionCheck = fn),
      },
    },
    BrowserWindow,
  };
  return { electron, appEvents, ipc, windows, calls };
}

let fake: ReturnType<typeof createFakeElectron>;

async function startHost(profile: unknown) {
  const root = tempDir('electron-app');
  const dist = fakeRendererBuild();
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  // The app path holds dist/renderer, as in a checkout or app.asar.
  cpSync(dist, path.join(root, 'dist', 'renderer'), { recursive: true });
  vi.stubEnv('KIOSK_PROFILE', writeProfile(tempDir('electron-profile'), profile));
  vi.stubEnv('KIOSK_DATA_DIR', tempDir('electron-data'));
  fake = createFakeElectron(root);
  vi.doMock('electron', () => fake.electron);
  await import('./main.ts');
}

let crashListeners: ReturnType<typeof process.listeners>;
beforeEach(() => {
  vi.resetModules();
  crashListeners = process.listeners('uncaughtException');
});
afterEach(() => {
  // A release build's host relaunches on a main-process fault; keep that out of the test worker.
  for (const l of process.listeners('uncaughtException'))
    if (!crashListeners.includes(l)) process.off('uncaughtException', l);
  vi.unstubAllEnvs();
  vi.doUnmock('electron');
});

describe('Electron host (against a stand-in electron module)', () => {
  it('wires a secure kiosk window, the kiosk:// protocol, guards and the bridge', async () => {
    await startHost(validProfile());
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));

    expect(fake.calls.privileged).toEqual([
      [
        {
          scheme: 'kiosk',
          privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
        },
      ],
    ]);
    expect(fake.electron.app.setPath).toHaveBeenCalledWith(
      'userData',
      expect.stringContaining('electron-profile'),
    );
    expect(fake.calls.powerSave).toEqual(['prevent-display-sleep']);

    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('kiosk://app/');

    // The protocol serves the build with the CSP.
    const serve = fake.calls.protocolHandlers.get('kiosk')!;
    const page = (await serve(new Request('kiosk://app/'))) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect(((await serve(new Request('kiosk://other/'))) as Response).status).toBe(404);
    expect(((await serve(new Request('kiosk://app/assets/nope.js'))) as Response).status).toBe(404);

    // The bridge answers only the kiosk's own page, carrying this launch's secret.
    const ipcBridge = fake.ipc.get('bridge')!;
    const args = (win.options.webPreferences as { additionalArguments: string[] }).additionalArguments;
    const secret = args.find((a) => a.startsWith('--kiosk-bridge-secret='))!.slice(22);
    expect(secret).toMatch(/^[\w-]{43}$/);
    const bridge = (event: unknown, method: unknown, input: unknown) =>
      ipcBridge(event, secret, method, input);
    for (const wrong of [undefined, '', 'guess', `${secret}x`, secret.slice(1)])
      expect(
        await ipcBridge({ senderFrame: { url: 'kiosk://app/' } }, wrong, 'syncStatus', {}),
      ).toMatchObject({
        ok: false,
        error: { code: 'bridge-locked' },
      });
    // The preload reads that very switch.
    expect(readFileSync(new URL('./preload.cts', import.meta.url), 'utf8')).toContain(
      "'--kiosk-bridge-secret='",
    );
    const ok = (await bridge({ senderFrame: { url: 'kiosk://app/' } }, 'getKioskConfig', {})) as {
      ok: boolean;
      value: { host: string };
    };
    expect(ok).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(
      await bridge({ senderFrame: { url: 'https://evil.example/' } }, 'getKioskConfig', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await bridge({ senderFrame: { url: 'kiosk://app/' } }, 'getKioskConfig', 'bad')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });

    // Permissions: the camera (video) for the app only; nothing else but persistent storage.
    const decide = (permission: string, details: Record<string, unknown>) =>
      new Promise<boolean>((resolve) => fake.calls.permissionRequest!(null, permission, resolve, details));
    expect(await decide('media', { requestingUrl: 'kiosk://app/', mediaTypes: ['video'] })).toBe(true);
    expect(await decide('media', { requestingUrl: 'kiosk://app/', mediaTypes: ['audio'] })).toBe(false);
    expect(await decide('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(
      false,
    );
    expect(await decide('geolocation', { requestingUrl: 'kiosk://app/' })).toBe(false);
    expect(await decide('notifications', { requestingUrl: 'kiosk://app/' })).toBe(false);

    // Navigation and new windows are denied outside kiosk://app.
    const contentsEvents = new Map<string, Handler>();
    let openHandler: Handler | undefined;
    fake.appEvents.get('web-contents-created')!(
      {},
      {
        on: (event: string, fn: Handler) => contentsEvents.set(event, fn),
        setWindowOpenHandler: (fn: Handler) => (openHandler = fn),
      },
    );
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contentsEvents.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://dichvucong.gov.vn/')).toBe(true);
    expect(navigate('kiosk://app/today')).toBe(false);
    expect(openHandler!({ url: 'kiosk://app/x' })).toEqual({ action: 'deny' });

    // A crashing renderer is reloaded three times in ten minutes, then shows the error page.
    const gone = win.events.get('render-process-gone')!;
    for (let i = 0; i < 4; i++) gone({}, { reason: 'crashed', exitCode: 1 });
    const urls = win.loadURL.mock.calls.map((call) => String(call[0]));
    expect(urls.filter((u) => u === 'kiosk://app/')).toHaveLength(4);
    expect(urls.at(-1)).toMatch(/^data:text\/html/);
    expect(fake.calls.exit).toEqual([]);
  });

  it('in a release build refuses to close the window (Alt+F4) until the app itself quits', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await startHost(validProfile());
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const close = fake.windows[0]!.windowEvents.get('close')!;
    const attempt = () => {
      const event = { preventDefault: vi.fn() };
      close(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(attempt()).toBe(true);
    fake.appEvents.get('before-quit')!();
    expect(attempt()).toBe(false);
  });

  it('in development lets the window close', async () => {
    await startHost(validProfile());
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const event = { preventDefault: vi.fn() };
    fake.windows[0]!.windowEvents.get('close')!(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to start with a bad profile: error dialog listing the field, exit code 1, no window', async () => {
    const profile = validProfile();
    (profile.schedule[0] as { weekday: number }).weekday = 0;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startHost(profile);
    await vi.waitFor(() => expect(fake.calls.exit).toEqual([1]));
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls.errorBoxes[0]?.[1]).toMatch(/schedule.*0.*weekday/);
  });
});
