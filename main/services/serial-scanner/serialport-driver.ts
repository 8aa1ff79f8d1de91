/**
 * The real serial port, through `serialport` (its native binding ships prebuilt for
 * Linux, Windows and macOS, so nothing is compiled or downloaded at install).
 */
import { SerialPort } from 'serialport';
import { SerialOpenError, type SerialDriver, type SerialProblem } from './serial-scanner-service.ts';

/** The library reports errors as text ("Error: No such file or directory, cannot open …"). */
function problemOf(message: string): SerialProblem {
  if (/no such file|not found|cannot find|file not found/i.test(message)) return 'not-found';
  if (/permission denied|access denied|access is denied/i.test(message)) return 'no-permission';
  if (/lock|busy|resource temporarily unavailable/i.test(message)) return 'busy';
  return 'failed';
}

export function createSerialportDriver(): SerialDriver {
  return {
    open(settings, events) {
      return new Promise((resolve, reject) => {
        const port = new SerialPort({ path: settings.path, baudRate: settings.baudRate, autoOpen: false });
        port.open((error) => {
          if (error) {
            reject(new SerialOpenError(problemOf(error.message), error.message));
            return;
          }
          let closing = false;
          port.on('data', (chunk: Buffer) => events.onData(new Uint8Array(chunk)));
          port.on('close', (err: Error | null) => {
            if (!closing) events.onClose(err ?? null);
          });
          // An error after opening (the scanner unplugged) closes the port as well.
          port.on('error', () => undefined);
          resolve({
            close: () =>
              new Promise<void>((done) => {
                closing = true;
                if (!port.isOpen) return done();
                port.close(() => done());
              }),
          });
        });
      });
    },
    async list() {
      const ports = await SerialPort.list();
      return ports.slice(0, 100).map((p) => ({
        path: p.path,
        label: [p.path, p.manufacturer, p.serialNumber].filter(Boolean).join(' · '),
      }));
    },
  };
}
