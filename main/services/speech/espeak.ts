import { spawn as nodeSpawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Limits on one synthesis: a sentence takes ~20 ms, so a hung engine is cut off long before a citizen gives up. */
export const ESPEAK_TIMEOUT_MS = 5_000;
/** espeak-ng's WAV at 22 050 Hz mono 16 bits: 44 kB a second; 4 MB is a minute and a half. */
export const ESPEAK_MAX_AUDIO_BYTES = 4 * 1024 * 1024;

export type Spawn = (command: string, args: readonly string[]) => ChildProcessWithoutNullStreams;

export interface EspeakProbe {
  available: boolean;
  /** 'not-installed': no espeak-ng on the PATH; 'no-voice': it has none of the Vietnamese voices. */
  reason: 'not-installed' | 'no-voice' | null;
  version: string | null;
  voices: string[];
}

export class SynthesisError extends Error {
  constructor(
    readonly reason: 'timeout' | 'failed' | 'too-long',
    message: string,
  ) {
    super(message);
    this.name = 'SynthesisError';
  }
}

export interface EspeakOptions {
  /** The executable: `espeak-ng` on the PATH, or a bundled one (Windows: extraResources). */
  command?: string;
  spawn?: Spawn;
  timeoutMs?: number;
  /** Words per minute; espeak-ng's default 175 is fast for elderly listeners. */
  wordsPerMinute?: number;
}

/**
 * espeak-ng run as its own process for each text (its GPL licence and its crashes stay out
 * of the kiosk's process). The text goes in on stdin as UTF-8, never on the command line.
 */
export function createEspeak(options: EspeakOptions = {}) {
  const command = options.command ?? 'espeak-ng';
  const spawn: Spawn = options.spawn ?? ((cmd, args) => nodeSpawn(cmd, [...args], { stdio: 'pipe' }));
  const timeoutMs = options.timeoutMs ?? ESPEAK_TIMEOUT_MS;
  const wpm = options.wordsPerMinute ?? 150;

  function run(args: readonly string[], input: string | null, maxBytes: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        child = spawn(command, args);
      } catch (error) {
        reject(error);
        return;
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      let stderr = '';
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          child.kill('SIGKILL');
          reject(error);
        } else resolve(Buffer.concat(chunks));
      };
      const timer = setTimeout(
        () => finish(new SynthesisError('timeout', `${command} took longer than ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.on('error', (error) => finish(error));
      child.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes)
          finish(new SynthesisError('too-long', `${command} produced more than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-500);
      });
      child.on('close', (code) => {
        if (code === 0) finish(null);
        else finish(new SynthesisError('failed', `${command} exited with ${code}: ${stderr.trim()}`));
      });
      child.stdin.on('error', () => {
        // The process may exit before reading everything; its exit code says what happened.
      });
      child.stdin.end(input ?? '');
    });
  }

  return {
    command,
    /** Whether espeak-ng runs here and which Vietnamese voices it has. Never throws. */
    async probe(): Promise<EspeakProbe> {
      let version: string;
      try {
        version = (await run(['--version'], null, 64 * 1024)).toString('utf8').trim();
      } catch {
        return { available: false, reason: 'not-installed', version: null, voices: [] };
      }
      let voices: string[];
      try {
        const listing = (await run(['--voices=vi'], null, 64 * 1024)).toString('utf8');
        voices = listing
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(/\s+/)[1])
          .filter((v): v is string => Boolean(v) && v!.startsWith('vi'));
      } catch {
        voices = [];
      }
      return voices.length > 0
        ? { available: true, reason: null, version, voices }
        : { available: false, reason: 'no-voice', version, voices };
    },
    /** A WAV file (RIFF) of `text` read with `voice`. */
    async synthesize(text: string, voice: string): Promise<Uint8Array> {
      const wav = await run(
        ['-v', voice, '-s', String(wpm), '-b', '1', '--stdout'],
        text,
        ESPEAK_MAX_AUDIO_BYTES,
      );
      if (wav.length <= 44) throw new SynthesisError('failed', `${command} produced no audio`);
      return new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength);
    },
  };
}
export type Espeak = ReturnType<typeof createEspeak>;
