/**
 * Cuts the bytes a serial scanner sends into scans. Scanners end a code with CR, LF or
 * CR LF by default, but some are set to send no terminator: a code then ends when the line
 * goes quiet (`quietMs`). Bytes are UTF-8 (the scanner's Unicode output setting, which an
 * ID-card QR with Vietnamese letters needs); a letter split across two reads is joined.
 */
import { SERIAL_SCAN_MAX_CHARS } from '../../../shared/contracts/serial-scanner.ts';

export interface ScanFramerOptions {
  onScan(text: string): void;
  quietMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface ScanFramer {
  push(chunk: Uint8Array): void;
  /** Ends what is pending (the port closed). */
  flush(): void;
}

export function createScanFramer(options: ScanFramerOptions): ScanFramer {
  const quietMs = options.quietMs ?? 100;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let decoder = new TextDecoder('utf-8');
  let pending = '';
  let timer: unknown = null;

  const emit = (text: string) => {
    const scan = text.trim();
    // A line longer than any QR code is noise (a wrong baud rate reads as garbage).
    if (scan !== '' && scan.length <= SERIAL_SCAN_MAX_CHARS) options.onScan(scan);
  };

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const rest = pending + decoder.decode();
    decoder = new TextDecoder('utf-8');
    pending = '';
    emit(rest);
  };

  return {
    push(chunk) {
      if (timer !== null) clearTimer(timer);
      timer = null;
      const lines = (pending + decoder.decode(chunk, { stream: true })).split(/\r\n|\r|\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
      if (pending.length > SERIAL_SCAN_MAX_CHARS) pending = '';
      if (pending !== '') timer = setTimer(flush, quietMs);
    },
    flush,
  };
}
