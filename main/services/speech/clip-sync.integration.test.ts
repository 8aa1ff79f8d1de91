/**
 * The kiosk keeps the office's recorded languages: the real office server publishes a clip,
 * the kiosk's sync service pulls, fetches it, checks it again and keeps it in its data
 * folder, and the speech service plays it instead of synthesis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testOffice } from '../../../office/test-support/office.ts';
import { createEnrolmentCode } from '../../../office/sync/enrol.ts';
import { publishClip, removeClip } from '../../../office/speech-clips.ts';
import { sha256 } from '../../../office/test-support/fixtures.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createMemoryLogger } from '../logger.ts';
import { createSyncTransport } from '../sync-transport.ts';
import { createHostSync } from '../sync/host-sync.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { createPlainFileCipher } from '../sync/token-cipher.ts';
import { createClipStore } from './clip-store.ts';
import { createEspeak } from './espeak.ts';
import { createHostSpeech } from './host-speech.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let kioskDir: string;
let sync: SyncService;
let host: Awaited<ReturnType<typeof createHostSpeech>>;
let adminId: number;
let wav: Uint8Array;
const logger = createMemoryLogger().logger;

const form = (key: string, bytes: Uint8Array) => ({
  csrf: 'x',
  language: 'tyz',
  nameVi: 'Tày',
  nameEn: 'Tay',
  key,
  file: bytes,
});

beforeAll(async () => {
  office = await testOffice();
  adminId = Number(
    (
      await office.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id,
  );
  kioskDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-clips-'));
  const profile = OfficeProfileSchema.parse(validProfile());
  host = await createHostSpeech({
    clipsDir: path.join(kioskDir, 'speech-clips'),
    catalogue: CATALOGUE,
    profile,
    logger,
  });
  sync = await createHostSync({
    dataDir: kioskDir,
    cipher: createPlainFileCipher(),
    catalogue: CATALOGUE,
    profile,
    appVersion: '0.1.0-test',
    logger,
    clipSync: host.clipSync,
    officeUrl: office.url,
    // The office under test runs on the development switch (plain HTTP); pinning: sync/pinning.integration.test.ts.
    allowInsecureHttp: true,
    enrolmentCode: await createEnrolmentCode(office.database.db, adminId, Date.now()),
    requestTimeoutMs: 3000,
  });
  wav = await createEspeak().synthesize('lệ phí', 'vi-vn-x-central');
}, 60_000);

afterAll(async () => {
  sync.close();
  await office.cleanup();
  rmSync(kioskDir, { recursive: true, force: true });
});

it('a clip published at the office is fetched with the pull, kept on disk and played instead of synthesis', async () => {
  const published = await publishClip(
    office.database.db,
    form('procedure.fee', wav),
    adminId,
    Date.now(),
    'vi',
  );
  expect(published.ok).toBe(true);
  expect((await sync.pull({ cursor: null, lookupCodes: [] })).ok).toBe(true);
  await expect
    .poll(() => host.clips.languages(), { timeout: 15_000 })
    .toEqual([{ code: 'tyz', name: { vi: 'Tày', en: 'Tay' }, demonstration: false, clips: 1 }]);
  expect((await host.speech.status()).languages.map((l) => l.code)).toEqual(['tyz']);

  const spoken = await host.speech.speak({ text: 'Lệ phí', key: 'procedure.fee', language: 'tyz' });
  expect(spoken.source).toBe('clip');
  expect(Buffer.from(spoken.audio).equals(Buffer.from(wav))).toBe(true);
  // Where the language has no clip, Vietnamese speech.
  expect(
    (await host.speech.speak({ text: 'Thời hạn giải quyết', key: 'procedure.time', language: 'tyz' })).source,
  ).toBe('synthesis');

  // Kept in the data folder: the next start finds it.
  const nextStart = createClipStore({ dirs: [path.join(kioskDir, 'speech-clips')], logger });
  await nextStart.load();
  expect(nextStart.has('tyz', 'procedure.fee')).toBe(true);
});

it('the kiosk checks the clips again: a bad one slipped past the office is refused and the kept language stays', async () => {
  // An office that stored a bad clip (an older office, a damaged database): the kiosk must not trust it.
  const bad = new TextEncoder().encode('<html>captive portal</html>');
  await office.database.db
    .insertInto('speech_clips')
    .values({
      language: 'tyz',
      key: 'procedure.time',
      format: 'wav',
      sha256: sha256(bad),
      bytes: bad.length,
      data: bad,
      uploaded_at_ms: Date.now(),
      uploaded_by: adminId,
    })
    .execute();
  const source = createSyncTransport({ baseUrl: office.url, getToken: () => tokenOf(kioskDir) });
  const pulled = await source.pull({
    protocol: 1,
    profileVersion: null,
    catalogueVersion: null,
    statusCursor: null,
    lookupCodes: [],
  });
  if (!pulled.ok) throw new Error(pulled.failure.reasons.join());
  const outcome = await host.clipSync.update(pulled.value.clipLanguages!, source);
  expect(outcome.installed).toEqual([]);
  expect(outcome.refused).toHaveLength(1);
  expect(outcome.refused[0]!.problems.map((p) => p.message.vi)).toEqual([
    'Bản ghi "procedure.time" không phải tệp âm thanh WAV, Ogg hay MP3.',
  ]);
  expect(host.clips.has('tyz', 'procedure.fee')).toBe(true);
  expect(host.clips.has('tyz', 'procedure.time')).toBe(false);

  // The office takes both back: the kiosk drops the language at the next pull.
  await removeClip(office.database.db, 'tyz', 'procedure.time');
  await removeClip(office.database.db, 'tyz', 'procedure.fee');
  expect((await sync.pull({ cursor: null, lookupCodes: [] })).ok).toBe(true);
  await expect.poll(() => host.clips.languages(), { timeout: 15_000 }).toEqual([]);
});

/** The kiosk's own token, as the sync service keeps it (owner-only file under the headless host). */
async function tokenOf(dir: string): Promise<string | null> {
  const { createDeviceIdentityStore } = await import('../sync/device-identity-store.ts');
  const store = createDeviceIdentityStore({ dir: path.join(dir, 'sync'), cipher: createPlainFileCipher() });
  return store.token();
}
