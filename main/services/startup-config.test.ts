import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import type { Catalogue } from '../../shared/domain/procedure.ts';
import { OfficeProfileSchema, type OfficeProfile } from '../../shared/domain/office-profile.ts';
import { createMemoryLogger } from './logger.ts';
import { loadStartupConfig } from './startup-config.ts';
import { createOfficeConfigFiles } from './sync/office-config-sink.ts';

const PROFILE: OfficeProfile = OfficeProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8')),
);
/** A procedure the Gia Lâm profile's Tuesday schedule uses. */
const USED = '2.000815';
const withoutUsed: Catalogue = {
  version: 'dropped',
  procedures: CATALOGUE.procedures.filter((p) => p.code !== USED),
};
/** The profile without the procedure, which fits `withoutUsed`. */
const profileWithoutUsed: OfficeProfile = {
  ...PROFILE,
  schedule: PROFILE.schedule.map((day) => ({
    ...day,
    models: day.models.map((m) => ({ ...m, procedures: m.procedures.filter((c) => c !== USED) })),
  })),
};

let dir: string;
let files: { profileFile: string; catalogueFile: string; lastGoodFile: string };
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-config-'));
  files = {
    profileFile: path.join(dir, 'office-profile.json'),
    catalogueFile: path.join(dir, 'office-catalogue.json'),
    lastGoodFile: path.join(dir, 'office-config.last-good.json'),
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const start = (logger = createMemoryLogger().logger) =>
  loadStartupConfig({ ...files, readFile: (f) => readFile(f, 'utf8'), logger });

describe('a pulled profile and catalogue are kept only as a pair the kiosk accepts', () => {
  it('refuses a catalogue that drops a procedure the running profile uses; the files stay as they were', async () => {
    const memory = createMemoryLogger();
    const sink = createOfficeConfigFiles({
      ...files,
      currentCatalogue: CATALOGUE,
      currentProfile: PROFILE,
      logger: memory.logger,
    });
    expect(await sink.saveCatalogue(withoutUsed)).toBe(false);
    expect(existsSync(files.catalogueFile)).toBe(false);
    expect(memory.records.map((r) => r.event)).toContain('sync-catalogue-refused');
  });

  it('keeps a new catalogue together with the new profile that fits it', async () => {
    const sink = createOfficeConfigFiles({
      ...files,
      currentCatalogue: CATALOGUE,
      currentProfile: PROFILE,
      logger: createMemoryLogger().logger,
    });
    // One pull brings both: the catalogue alone does not fit the old profile...
    expect(await sink.saveCatalogue(withoutUsed)).toBe(false);
    // ...the profile with it does, and both are written.
    expect(await sink.saveProfile(profileWithoutUsed, withoutUsed)).toBe(true);
    expect(JSON.parse(readFileSync(files.catalogueFile, 'utf8')).version).toBe('dropped');
    const started = await start();
    expect(started).toMatchObject({ ok: true, source: 'newest' });
  });

  it('refuses a profile that does not fit the catalogue the next start loads', async () => {
    const sink = createOfficeConfigFiles({
      ...files,
      currentCatalogue: withoutUsed,
      logger: createMemoryLogger().logger,
    });
    expect(await sink.saveProfile(PROFILE, null)).toBe(false);
    expect(existsSync(files.profileFile)).toBe(false);
  });
});

describe('a kiosk starts on the last pair that worked when the newest fails', () => {
  it('a bad pair forced onto the kiosk: it starts on the last good pair and logs why', async () => {
    writeFileSync(files.profileFile, JSON.stringify(PROFILE));
    const first = await start();
    expect(first).toMatchObject({ ok: true, source: 'newest' });
    expect(existsSync(files.lastGoodFile)).toBe(true);

    // Forced past every check (by hand, or a crash between two writes): the catalogue lacks a used procedure.
    writeFileSync(files.catalogueFile, JSON.stringify(withoutUsed));
    const memory = createMemoryLogger();
    const second = await start(memory.logger);
    if (!second.ok) throw new Error('the kiosk refused to start');
    expect(second.source).toBe('last-good');
    expect(second.catalogue.procedures.map((p) => p.code)).toContain(USED);
    expect(second.profile.office.name).toBe(PROFILE.office.name);
    const warning = memory.records.find((r) => r.event === 'profile-rejected-started-on-last-good');
    expect(JSON.stringify(warning?.fields)).toContain(USED);
  });

  it('without a last good pair it refuses to start with the reasons', async () => {
    writeFileSync(files.profileFile, JSON.stringify(PROFILE));
    writeFileSync(files.catalogueFile, JSON.stringify(withoutUsed));
    const result = await start();
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(USED);
  });

  it('a damaged last-good file is not used', async () => {
    writeFileSync(files.profileFile, '{"schemaVersion":');
    writeFileSync(files.lastGoodFile, '{"profile":');
    expect((await start()).ok).toBe(false);
  });
});
