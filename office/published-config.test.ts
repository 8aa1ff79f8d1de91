import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { forEachDatabase } from './test-support/db-targets.ts';
import { openDatabase, type OfficeDb } from './db/connect.ts';
import { publishConfig, publishedVersions } from './published-config.ts';
import { pull } from './sync/pull.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import type { Catalogue } from '../shared/domain/procedure.ts';
import type { PullRequest } from '../shared/contracts/sync.ts';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const PROFILE = readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
/** A procedure the Gia Lâm profile's Tuesday schedule uses. */
const USED = '2.000815';

const withoutUsed: Catalogue = {
  ...CATALOGUE,
  procedures: CATALOGUE.procedures.filter((p) => p.code !== USED),
};
/** The same catalogue with one fee changed: a new version. */
const feeChanged: Catalogue = {
  ...CATALOGUE,
  procedures: CATALOGUE.procedures.map((p, i) =>
    i === 0 ? { ...p, aliases: [...p.aliases, 'bản mới'] } : p,
  ),
};

const pullRequest = (catalogueVersion: string | null): PullRequest => ({
  protocol: 1,
  profileVersion: null,
  catalogueVersion,
  statusCursor: null,
  lookupCodes: [],
});

forEachDatabase('published configuration', (target) => {
  let office: OfficeDb;
  afterEach(async () => office?.close());

  async function withKiosk() {
    office = await openDatabase(await target.fresh());
    await office.db
      .insertInto('accounts')
      .values({
        username: 'admin',
        display_name: 'A',
        role: 'admin',
        password_hash: 'x',
        disabled: 0,
        created_at: NOW,
      })
      .execute();
    await office.db
      .insertInto('kiosks')
      .values({
        id: 'k1',
        name: 'Kiosk 1',
        token_hash: 'x',
        revoked: 0,
        enrolled_at: NOW,
        last_contact_at: null,
        app_version: null,
        waiting_count: 0,
      })
      .execute();
    const admin = await office.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    return Number(admin.id);
  }

  it('refuses a catalogue that drops a procedure the published profile uses, and says which', async () => {
    const admin = await withKiosk();
    expect(await publishConfig(office.db, 'profile', PROFILE, admin, NOW)).toMatchObject({ ok: true });
    const good = await publishConfig(office.db, 'catalogue', JSON.stringify(CATALOGUE), admin, NOW);
    expect(good.ok).toBe(true);

    const bad = await publishConfig(
      office.db,
      'catalogue',
      JSON.stringify(withoutUsed),
      admin,
      NOW + 1,
      'en',
    );
    expect(bad.ok).toBe(false);
    expect((bad as { reasons: string[] }).reasons.join('\n')).toContain(USED);
    // Kiosks keep pulling the pair that works.
    const answer = await pull(office.db, 'k1', pullRequest(null), NOW + 2);
    expect(answer.catalogue?.version).toBe((good as { version: string }).version);
  });

  it('refuses a profile naming a procedure the current catalogue lacks (the shipped one when none is published)', async () => {
    const admin = await withKiosk();
    expect(
      await publishConfig(office.db, 'catalogue', JSON.stringify(withoutUsed), admin, NOW),
    ).toMatchObject({
      ok: true,
    });
    const refused = await publishConfig(office.db, 'profile', PROFILE, admin, NOW + 1, 'vi');
    expect(refused.ok).toBe(false);
    expect((refused as { reasons: string[] }).reasons.join('\n')).toContain(USED);
    expect(await publishedVersions(office.db, 'profile')).toEqual([]);
  });

  it('publishing an earlier version makes it current again (rollback), and kiosks pull it', async () => {
    const admin = await withKiosk();
    const first = await publishConfig(office.db, 'catalogue', JSON.stringify(CATALOGUE), admin, NOW);
    const second = await publishConfig(office.db, 'catalogue', JSON.stringify(feeChanged), admin, NOW + 1000);
    if (!first.ok || !second.ok) throw new Error('publishing failed');
    expect(second.version).not.toBe(first.version);
    expect((await pull(office.db, 'k1', pullRequest(first.version), NOW + 2000)).catalogue?.version).toBe(
      second.version,
    );

    const again = await publishConfig(office.db, 'catalogue', JSON.stringify(CATALOGUE), admin, NOW + 3000);
    expect(again).toEqual({ ok: true, version: first.version });
    const versions = await publishedVersions(office.db, 'catalogue');
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [first.version, true],
      [second.version, false],
    ]);
    // A kiosk on the second version is sent the first again.
    expect((await pull(office.db, 'k1', pullRequest(second.version), NOW + 4000)).catalogue?.version).toBe(
      first.version,
    );
  });
});
