import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { SerialScannerSettings } from '../../../shared/contracts/serial-scanner.ts';
import {
  createSerialScannerService,
  SerialOpenError,
  type SerialDriver,
  type SerialSettingsStore,
} from './serial-scanner-service.ts';
import { createScanFramer } from './scan-framer.ts';

const QR =
  '001197004321||Phạm Thị Hương Giang|12081997|Nữ|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021';
const bytes = (text: string) => new TextEncoder().encode(text);

/** A port in memory: what the test "sends" arrives as data, like a scanner's bytes. */
function memoryDriver(failWith?: SerialOpenError) {
  let events: Parameters<SerialDriver['open']>[1] | null = null;
  const opened: SerialScannerSettings[] = [];
  let closed = 0;
  const driver: SerialDriver = {
    open: async (settings, e) => {
      if (failWith) throw failWith;
      opened.push(settings);
      events = e;
      return { close: async () => void closed++ };
    },
    list: async () => [{ path: '/dev/ttyACM0', label: '/dev/ttyACM0 · Scanner' }],
  };
  return {
    driver,
    opened,
    closed: () => closed,
    send: (text: string) => events!.onData(bytes(text)),
    unplug: () => events!.onClose(new Error('device disconnected')),
  };
}

function memoryStore(initial: SerialScannerSettings | null = null) {
  let saved = initial;
  const store: SerialSettingsStore = { load: async () => saved, save: async (s) => void (saved = s) };
  return { store, saved: () => saved };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('scan framer', () => {
  it('cuts on CR, LF or CR LF and joins a letter split across two reads', () => {
    const scans: string[] = [];
    const framer = createScanFramer({ onScan: (s) => scans.push(s) });
    const all = bytes(`${QR}\r\nsecond\rthird\n`);
    // Split inside "ạ" (two UTF-8 bytes).
    const cut = bytes(QR.slice(0, QR.indexOf('ạ'))).length + 1;
    framer.push(all.slice(0, cut));
    framer.push(all.slice(cut));
    expect(scans).toEqual([QR, 'second', 'third']);
  });

  it('ends a code without terminator when the line goes quiet', () => {
    vi.useFakeTimers();
    const scans: string[] = [];
    const framer = createScanFramer({ onScan: (s) => scans.push(s), quietMs: 100 });
    framer.push(bytes(QR.slice(0, 40)));
    vi.advanceTimersByTime(50);
    framer.push(bytes(QR.slice(40)));
    vi.advanceTimersByTime(99);
    expect(scans).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(scans).toEqual([QR]);
  });
});

describe('serial scanner service', () => {
  const settings: SerialScannerSettings = { path: '/dev/ttyACM0', baudRate: 9600 };

  it('opens the saved port at start and hands a scan to the screen waiting for it', async () => {
    const port = memoryDriver();
    const service = createSerialScannerService({
      driver: port.driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    expect(service.status()).toEqual({ settings, state: 'listening' });
    const { cursor } = await service.next(null, 0);
    const waiting = service.next(cursor, 5_000);
    port.send(`${QR}\r`);
    expect(await waiting).toEqual({ cursor: cursor + 1, scans: [QR] });
    // Asked again from the new cursor: nothing new.
    expect(await service.next(cursor + 1, 0)).toEqual({ cursor: cursor + 1, scans: [] });
    await service.close();
  });

  it('a screen that starts listening never gets a scan made before it', async () => {
    const port = memoryDriver();
    const service = createSerialScannerService({
      driver: port.driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    port.send(`${QR}\r`);
    const start = await service.next(null, 0);
    expect(start.scans).toEqual([]);
    expect(await service.next(start.cursor, 0)).toEqual({ cursor: start.cursor, scans: [] });
    await service.close();
  });

  it('drops a scan nobody took within a few seconds', async () => {
    let clock = 0;
    const port = memoryDriver();
    const service = createSerialScannerService({
      driver: port.driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
      now: () => clock,
      freshMs: 5_000,
    });
    await service.start();
    const { cursor } = await service.next(null, 0);
    port.send(`${QR}\r`);
    clock = 6_000;
    expect((await service.next(cursor, 0)).scans).toEqual([]);
    await service.close();
  });

  it('the officer’s test takes the next scan, which then fills no form', async () => {
    const port = memoryDriver();
    const service = createSerialScannerService({
      driver: port.driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    const { cursor } = await service.next(null, 0);
    const test = service.test(5_000);
    port.send(`${QR}\r\n`);
    expect(await test).toEqual({ ok: true, text: QR });
    expect((await service.next(cursor, 0)).scans).toEqual([]);
    vi.useFakeTimers();
    const quiet = service.test(1_000);
    vi.advanceTimersByTime(1_000);
    expect(await quiet).toEqual({ ok: false, reason: 'timeout' });
    await service.close();
  });

  it('saves new settings, reopens, and reports a port that cannot be opened or is lost', async () => {
    const port = memoryDriver();
    const saved = memoryStore();
    const service = createSerialScannerService({
      driver: port.driver,
      store: saved.store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    expect(service.status()).toEqual({ settings: null, state: 'off' });
    expect(await service.test(10)).toEqual({ ok: false, reason: 'off' });
    expect(await service.configure(settings)).toEqual({ settings, state: 'listening' });
    expect(saved.saved()).toEqual(settings);
    port.unplug();
    expect(service.status()).toMatchObject({ state: 'failed', problem: 'disconnected' });
    const other = { path: 'COM3', baudRate: 115200 } as const;
    await service.configure(other);
    expect(port.opened).toEqual([settings, other]);
    expect(await service.configure(null)).toEqual({ settings: null, state: 'off' });
    expect(port.closed()).toBe(1);
    expect(saved.saved()).toBeNull();

    const missing = createSerialScannerService({
      driver: memoryDriver(new SerialOpenError('not-found', 'No such file or directory')).driver,
      store: memoryStore({ path: '/dev/ttyUSB9', baudRate: 9600 }).store,
      logger: createMemoryLogger().logger,
    });
    await missing.start();
    expect(missing.status()).toMatchObject({ state: 'failed', problem: 'not-found' });
    await service.close();
  });

  it('closing ends a screen’s wait at once', async () => {
    const service = createSerialScannerService({
      driver: memoryDriver().driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    const waiting = service.next(0, 20_000);
    await service.close();
    expect(await waiting).toEqual({ cursor: 0, scans: [] });
  });

  it('a screen that closes ends its own wait at once, and a wait of it arriving later does not start', async () => {
    const port = memoryDriver();
    const service = createSerialScannerService({
      driver: port.driver,
      store: memoryStore(settings).store,
      logger: createMemoryLogger().logger,
    });
    await service.start();
    vi.useFakeTimers();
    const { cursor } = await service.next(null, 0);
    const settled: string[] = [];
    const closing = service.next(cursor, 20_000, 'screen-a').then(() => settled.push('a'));
    void service.next(cursor, 20_000, 'screen-b').then(() => settled.push('b'));
    service.cancel('screen-a');
    await closing;
    // Only the closed screen's wait ended; the other still waits for a scan.
    expect(settled).toEqual(['a']);
    // A wait the closed screen sent before closing, reaching main after the cancel.
    expect(await service.next(cursor, 20_000, 'screen-a')).toEqual({ cursor, scans: [] });
    port.send(`${QR}\r`);
    await vi.waitFor(() => expect(settled).toEqual(['a', 'b']));
    await service.close();
  });
});
