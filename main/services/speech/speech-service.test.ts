import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { speechKeysFor } from '../../../shared/speech/keys.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { testProfile } from '../../../shared/domain/test-support.ts';
import { createClipStore } from './clip-store.ts';
import { createEspeak, SynthesisError, type Spawn } from './espeak.ts';
import { createSpeechService, SpeechUnavailableError } from './speech-service.ts';

const { logger } = createMemoryLogger();
const knownKeys = speechKeysFor(CATALOGUE);
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'speech-test-'));

function isWav(bytes: Uint8Array): boolean {
  const ascii = (a: number, b: number) => Buffer.from(bytes.subarray(a, b)).toString('latin1');
  return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE';
}

/** The real espeak-ng, with every command line it was given recorded. */
function recordingSpawn(): { spawn: Spawn; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    spawn: (command, args) => {
      calls.push([command, ...args]);
      return spawn(command, [...args], { stdio: 'pipe' });
    },
  };
}

function service(
  options: { command?: string; voice?: 'vi' | 'vi-vn-x-south'; spawn?: Spawn; dir?: string } = {},
) {
  const clips = createClipStore({ dirs: [options.dir ?? tmp()], logger });
  const speech = createSpeechService({
    espeak: createEspeak({
      ...(options.command ? { command: options.command } : {}),
      ...(options.spawn ? { spawn: options.spawn } : {}),
    }),
    clips,
    ...(options.voice ? { voice: options.voice } : {}),
    lexicon: { BPMC: 'Bộ phận một cửa' },
    logger,
  });
  return { speech, clips };
}

async function wavOf(text: string, voice: string): Promise<Uint8Array> {
  return createEspeak().synthesize(text, voice);
}

function packOf(clips: { key: string; bytes: Uint8Array }[], language = 'tyz') {
  return {
    schemaVersion: 1,
    language,
    name: { vi: 'Tày', en: 'Tày' },
    demonstration: true,
    clips: clips.map((c) => ({ key: c.key, dataBase64: Buffer.from(c.bytes).toString('base64') })),
  };
}

describe('speech service with the real espeak-ng', () => {
  it('reports the engine and the profile’s voice', async () => {
    const status = await service({ voice: 'vi-vn-x-south' }).speech.status();
    expect(status).toMatchObject({ available: true, reason: null, voice: 'vi-vn-x-south', languages: [] });
    expect(status.engine).toMatch(/eSpeak NG/);
  });

  it('speaks normalised Vietnamese as a non-empty WAV with the profile’s voice', async () => {
    const recorded = recordingSpawn();
    const { speech } = service({ voice: 'vi-vn-x-south', spawn: recorded.spawn });
    const spoken = await speech.speak({ text: 'BPMC nhận hồ sơ đến 15:00, lệ phí 8.000 đ.' });
    expect(spoken.source).toBe('synthesis');
    expect(spoken.spokenText).toBe('Bộ phận một cửa nhận hồ sơ đến mười lăm giờ, lệ phí tám nghìn đồng.');
    expect(isWav(spoken.audio)).toBe(true);
    // More than a header: a sentence at 22 kHz is tens of kilobytes.
    expect(spoken.audio.byteLength).toBeGreaterThan(20_000);
    const synthesis = recorded.calls.find((c) => c.includes('--stdout'))!;
    expect(synthesis.slice(1, 3)).toEqual(['-v', 'vi-vn-x-south']);
    // The text went in on stdin, not on the command line.
    expect(synthesis.join(' ')).not.toContain('hồ sơ');
  });

  it('the voice changes the audio', async () => {
    const north = await service({ voice: 'vi' }).speech.speak({ text: 'Xin chào bà con' });
    const south = await service({ voice: 'vi-vn-x-south' }).speech.speak({ text: 'Xin chào bà con' });
    expect(Buffer.from(north.audio).equals(Buffer.from(south.audio))).toBe(false);
  });

  it('without espeak-ng: absent, not broken', async () => {
    const { speech } = service({ command: '/nonexistent/espeak-ng' });
    expect(await speech.status()).toMatchObject({ available: false, reason: 'not-installed', engine: null });
    await expect(speech.speak({ text: 'Xin chào' })).rejects.toBeInstanceOf(SpeechUnavailableError);

    const bridge = createBridgeHandlers(
      createKioskServices({
        profile: testProfile(),
        catalogue: CATALOGUE,
        appVersion: '0',
        host: 'headless',
        speech,
      }),
      { logger },
    );
    expect(await bridge.invoke('speechStatus', {})).toMatchObject({
      ok: true,
      value: { available: false, reason: 'not-installed' },
    });
    expect(await bridge.invoke('speak', { text: 'Xin chào' })).toMatchObject({
      ok: false,
      error: { code: 'speech-unavailable' },
    });
  });

  it('cuts off an engine that hangs', async () => {
    const hang: Spawn = () => spawn('sleep', ['10'], { stdio: 'pipe' });
    const espeak = createEspeak({ spawn: hang, timeoutMs: 200 });
    await expect(espeak.synthesize('Xin chào', 'vi')).rejects.toMatchObject({
      constructor: SynthesisError,
      reason: 'timeout',
    });
  });

  it('speaks through the bridge, bounded in length', async () => {
    const { speech } = service();
    const bridge = createBridgeHandlers(
      createKioskServices({
        profile: testProfile(),
        catalogue: CATALOGUE,
        appVersion: '0',
        host: 'headless',
        speech,
      }),
      { logger },
    );
    const ok = await bridge.invoke('speak', { text: 'Mã thủ tục 2.000815' });
    expect(ok).toMatchObject({
      ok: true,
      value: {
        source: 'synthesis',
        mime: 'audio/wav',
        spokenText: 'Mã thủ tục hai chấm không không không tám một năm',
      },
    });
    expect(await bridge.invoke('speak', { text: 'a'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('audio made ahead of the taps', () => {
  function cachedService(cacheDir: string, spawnFn: Spawn) {
    return createSpeechService({
      espeak: createEspeak({ spawn: spawnFn }),
      clips: createClipStore({ dirs: [tmp()], logger }),
      cacheDir,
      logger,
    });
  }

  it('keeps the prepared texts on disk, so the next start answers a tap without running espeak-ng', async () => {
    const cacheDir = tmp();
    const first = recordingSpawn();
    const speech = cachedService(cacheDir, first.spawn);
    expect(await speech.prepare(['Đăng ký khai sinh', 'Chứng thực bản sao', 'Đăng ký khai sinh'])).toEqual({
      made: 2,
      kept: 0,
    });
    expect(first.calls.filter((c) => c.includes('--stdout'))).toHaveLength(2);
    const files = (await readdir(cacheDir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^[0-9a-f]{64}\.wav$/.test(f))).toBe(true);

    // The next start: the files are found, nothing is synthesised again, a keyed tap reads the disk.
    const second = recordingSpawn();
    const restarted = cachedService(cacheDir, second.spawn);
    expect(await restarted.prepare(['Đăng ký khai sinh', 'Chứng thực bản sao'])).toEqual({
      made: 0,
      kept: 2,
    });
    const spoken = await restarted.speak({ text: 'Đăng ký khai sinh', key: 'procedure.1.name' });
    expect(spoken.source).toBe('synthesis');
    expect(isWav(spoken.audio)).toBe(true);
    expect(second.calls.filter((c) => c.includes('--stdout'))).toHaveLength(0);

    // A text typed by a citizen (no key) is never read from or written to the disk.
    await restarted.speak({ text: 'Đăng ký khai sinh' });
    expect(second.calls.filter((c) => c.includes('--stdout'))).toHaveLength(1);
    expect(await readdir(cacheDir)).toHaveLength(2);

    // A catalogue without a procedure: its audio goes.
    expect(await restarted.prepare(['Chứng thực bản sao'])).toEqual({ made: 0, kept: 1 });
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('without espeak-ng prepares nothing and fails nothing', async () => {
    const cacheDir = tmp();
    const speech = createSpeechService({
      espeak: createEspeak({ command: '/nonexistent/espeak-ng' }),
      clips: createClipStore({ dirs: [tmp()], logger }),
      cacheDir,
      logger,
    });
    expect(await speech.prepare(['Đăng ký khai sinh'])).toEqual({ made: 0, kept: 0 });
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('recorded clips', () => {
  it('prefers the office’s clip over synthesis, and speaks Vietnamese where the language has none', async () => {
    const dir = tmp();
    const { speech, clips } = service({ dir });
    const clip = await wavOf('một hai ba', 'vi-vn-x-central');
    expect(await clips.install(packOf([{ key: 'procedure.fee', bytes: clip }]), knownKeys)).toEqual({
      ok: true,
      language: 'tyz',
      clips: 1,
    });
    expect((await speech.status()).languages).toEqual([
      { code: 'tyz', name: { vi: 'Tày', en: 'Tày' }, demonstration: true, clips: 1 },
    ]);

    const fromClip = await speech.speak({ text: 'Lệ phí', key: 'procedure.fee', language: 'tyz' });
    expect(fromClip).toMatchObject({ source: 'clip', mime: 'audio/wav', spokenText: 'procedure.fee' });
    expect(Buffer.from(fromClip.audio).equals(Buffer.from(clip))).toBe(true);

    const noClip = await speech.speak({
      text: 'Thời hạn giải quyết',
      key: 'procedure.time',
      language: 'tyz',
    });
    expect(noClip.source).toBe('synthesis');
    const vietnamese = await speech.speak({ text: 'Lệ phí', key: 'procedure.fee' });
    expect(vietnamese.source).toBe('synthesis');

    // Kept in the data folder: a new store (the next start) finds it.
    const again = createClipStore({ dirs: [dir], logger });
    await again.load();
    expect(again.has('tyz', 'procedure.fee')).toBe(true);
  });

  it('refuses a bad pack with a clear message per clip, and keeps what was installed', async () => {
    const dir = tmp();
    const { clips } = service({ dir });
    const good = await wavOf('một', 'vi');
    await clips.install(packOf([{ key: 'procedure.fee', bytes: good }]), knownKeys);

    const result = await clips.install(
      packOf([
        { key: 'procedure.time', bytes: good },
        { key: 'procedure.documents', bytes: new TextEncoder().encode('<html>not audio</html>') },
        { key: 'no.such.key', bytes: good },
        { key: 'today.openNow', bytes: new Uint8Array(3 * 1024 * 1024).fill(0xff) },
      ]),
      knownKeys,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.key, p.message.vi])).toEqual([
      ['procedure.documents', 'Bản ghi "procedure.documents" không phải tệp âm thanh WAV, Ogg hay MP3.'],
      ['no.such.key', 'Không có nội dung nào mang mã "no.such.key" để gắn bản ghi này.'],
      ['today.openNow', 'Bản ghi "today.openNow" quá lớn (3072 KB; tối đa 2048 KB).'],
    ]);
    expect(result.problems[0]!.message.en).toBe(
      'The recording "procedure.documents" is not a WAV, Ogg or MP3 audio file.',
    );
    // The language still has exactly what it had; nothing half-installed.
    expect(clips.has('tyz', 'procedure.fee')).toBe(true);
    expect(clips.has('tyz', 'procedure.time')).toBe(false);
    expect(await readdir(path.join(dir, 'tyz'))).toEqual(['manifest.json', 'procedure.fee.wav']);
    expect(existsSync(path.join(dir, '.tyz.tmp'))).toBe(false);
  });

  it('refuses Vietnamese as a clip language and a pack that is not a pack', async () => {
    const { clips } = service();
    const good = await wavOf('một', 'vi');
    const vi = await clips.install(packOf([{ key: 'procedure.fee', bytes: good }], 'vi'), knownKeys);
    expect(vi.ok).toBe(false);
    const junk = await clips.install({ hello: 1 }, knownKeys);
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.problems[0]!.message.vi).toMatch(/^Gói bản ghi không hợp lệ/);
  });
});
