import { createEspeak, type Espeak } from '../../main/services/speech/espeak.ts';
import { numberToWords, readTicketNumber } from '../../shared/speech/index.ts';

/**
 * The words the board speaks for a call, read by the same rules as the kiosk's read-aloud
 * (shared/speech): "Mời công dân có số thứ tự A không hai ba đến quầy số hai".
 */
export function callAnnouncement(number: string, counter: number): string {
  return `Mời công dân có số thứ tự ${readTicketNumber(number)} đến quầy số ${numberToWords(counter)}`;
}

/** Speaks a call with espeak-ng in its own process (the kiosk's speech engine); null where it is missing. */
export interface Announcer {
  speak(number: string, counter: number): Promise<Uint8Array | null>;
}

export function createAnnouncer(options: { espeak?: Espeak; voice?: string } = {}): Announcer {
  const espeak = options.espeak ?? createEspeak({ wordsPerMinute: 130 });
  const voice = options.voice ?? 'vi';
  let available: Promise<boolean> | null = null;
  return {
    async speak(number, counter) {
      available ??= espeak.probe().then((p) => p.available);
      if (!(await available)) return null;
      return espeak.synthesize(callAnnouncement(number, counter), voice);
    },
  };
}
