import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridgeClient } from '../../bridge/client.ts';
import { createSerialScannerService } from '../../../main/services/serial-scanner/serial-scanner-service.ts';
import { createMemoryLogger } from '../../../main/services/logger.ts';
import { installSerialScanner } from './serial-scanner.ts';

const QR =
  '001197004321||Phạm Thị Hương Giang|12081997|Nữ|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021';

/** Main's real serial scanner service on an in-memory port, behind a bridge transport that counts open calls. */
async function mainWithScanner() {
  let onData: ((chunk: Uint8Array) => void) | null = null;
  const service = createSerialScannerService({
    driver: {
      open: async (_settings, events) => {
        onData = events.onData;
        return { close: async () => undefined };
      },
      list: async () => [],
    },
    store: { load: async () => ({ path: '/dev/ttyACM0', baudRate: 9600 }), save: async () => undefined },
    logger: createMemoryLogger().logger,
  });
  await service.start();
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  let open = 0;
  const transport = async (method: string, input: unknown) => {
    const i = input as Record<string, unknown>;
    calls.push({ method, input: i });
    open++;
    try {
      if (method === 'serialScannerNext')
        return {
          ok: true,
          value: await service.next(i.after as number | null, i.waitMs as number, i.listener as string),
        };
      if (method === 'serialScannerCancel') {
        service.cancel(i.listener as string);
        return { ok: true, value: {} };
      }
      return { ok: false, error: { code: 'unknown-method', message: method } };
    } finally {
      open--;
    }
  };
  return {
    client: createBridgeClient(transport),
    calls,
    open: () => open,
    send: (text: string) => onData!(new TextEncoder().encode(text)),
    close: () => service.close(),
  };
}

let closeMain: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeMain?.();
  closeMain = null;
});

describe('serial scanner listening from a screen', () => {
  it('hands scans to the screen, and closing the screen ends the pending long poll in main', async () => {
    const main = await mainWithScanner();
    closeMain = main.close;
    const scans: string[] = [];
    const stop = installSerialScanner(main.client, (text) => scans.push(text));
    // The screen is waiting in main (a long poll with a wait).
    await vi.waitFor(() =>
      expect(main.calls.some((c) => c.method === 'serialScannerNext' && c.input.waitMs !== 0)).toBe(true),
    );
    main.send(`${QR}\r`);
    await vi.waitFor(() => expect(scans).toEqual([QR]));
    await vi.waitFor(() => expect(main.open()).toBe(1));

    stop();
    // Without the cancel the poll would stay open in main for its whole 20 s wait.
    await vi.waitFor(() => expect(main.open()).toBe(0), { timeout: 2_000 });
    const listeners = new Set(main.calls.map((c) => c.input.listener));
    expect(listeners.size).toBe(1);
    expect(main.calls.at(-1)).toEqual({
      method: 'serialScannerCancel',
      input: { listener: [...listeners][0] },
    });
    // Nothing more is asked once the screen is gone.
    const asked = main.calls.length;
    main.send(`${QR}\r`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(main.calls.length).toBe(asked);
    expect(scans).toEqual([QR]);
  });
});
