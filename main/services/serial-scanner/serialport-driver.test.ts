import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../tests/support/pty-pair.ts';
import { createSerialportDriver } from './serialport-driver.ts';
import { SerialOpenError } from './serial-scanner-service.ts';

const QR =
  '001197004321||Phạm Thị Hương Giang|12081997|Nữ|Thôn Đồng Xuyên, Xã Gia Lâm, Thành phố Hà Nội|20042021';

let pair: PtyPair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

describe('the serialport driver, on a pseudo-terminal pair', () => {
  it('reads what the scanner end sends, Vietnamese letters intact', async () => {
    pair = await openPtyPair();
    const driver = createSerialportDriver();
    const chunks: Uint8Array[] = [];
    let got: () => void;
    const all = new Promise<void>((r) => (got = r));
    const connection = await driver.open(
      { path: pair.kioskEnd, baudRate: 9600 },
      {
        onData: (chunk) => {
          chunks.push(chunk);
          if (Buffer.concat(chunks).toString('utf8').endsWith('\r')) got();
        },
        onClose: () => undefined,
      },
    );
    await pair.send(`${QR}\r`);
    await all;
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${QR}\r`);
    await connection.close();
  });

  it('says when the port does not exist', async () => {
    const driver = createSerialportDriver();
    const error = await driver
      .open(
        { path: '/dev/ttyNOSUCHPORT9', baudRate: 9600 },
        { onData: () => undefined, onClose: () => undefined },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SerialOpenError);
    expect((error as SerialOpenError).problem).toBe('not-found');
  });
});
