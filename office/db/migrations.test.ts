import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { openDatabase, type OfficeDb } from './connect.ts';
import { migrationProvider, type DialectName } from './migrations.ts';

const NOW = Date.parse('2026-11-23T02:00:00Z');

/** The office's migrations plus one more. */
function withExtra(dialect: DialectName, name: string, extra: Migration): MigrationProvider {
  return {
    async getMigrations() {
      return { ...(await migrationProvider(dialect).getMigrations()), [name]: extra };
    },
  };
}

/** Half-way through: a table created, a column added, a row changed — then an error. */
const failsHalfWay: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('queue_tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    await db.schema.alterTable('kiosks').addColumn('location', 'text').execute();
    await sql`update accounts set display_name = 'changed by a broken migration'`.execute(db);
    throw new Error('disk full (simulated)');
  },
};

const works: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('queue_tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    await db.schema.alterTable('kiosks').addColumn('location', 'text').execute();
  },
};

forEachDatabase('office migrations', (target) => {
  let open: OfficeDb[] = [];
  afterEach(async () => {
    await Promise.all(open.map((o) => o.close()));
    open = [];
  });

  it('a migration that fails half-way leaves nothing of itself; the next start applies the fixed one', async () => {
    const config = await target.fresh();
    const first = await openDatabase(config);
    await first.db
      .insertInto('accounts')
      .values({
        username: 'cb',
        display_name: 'Cán bộ',
        role: 'officer',
        password_hash: 'x',
        disabled: 0,
        created_at: NOW,
      })
      .execute();
    const dialect = first.dialect;
    await first.close();

    await expect(
      openDatabase({ ...config, migrations: withExtra(dialect, '9999_next', failsHalfWay) }),
    ).rejects.toThrow(/9999_next.*nothing of it was kept/);

    const after = await openDatabase(config);
    open.push(after);
    const tables = (await after.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('queue_tickets');
    const kiosk = (await after.db.introspection.getTables()).find((t) => t.name === 'kiosks')!;
    expect(kiosk.columns.map((c) => c.name)).not.toContain('location');
    const account = await after.db.selectFrom('accounts').select('display_name').executeTakeFirstOrThrow();
    expect(account.display_name).toBe('Cán bộ');
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(after.db);
    expect(applied.rows.map((r) => r.name)).not.toContain('9999_next');
    await after.close();
    open = [];

    const fixed = await openDatabase({ ...config, migrations: withExtra(dialect, '9999_next', works) });
    open.push(fixed);
    expect((await fixed.db.introspection.getTables()).map((t) => t.name)).toContain('queue_tickets');
  });

  if (target.name === 'sqlite')
    it('copies the SQLite file (VACUUM INTO) before migrating an existing database, not a new one', async () => {
      const config = await target.fresh();
      const first = await openDatabase(config);
      await first.close();
      const backups = join(config.dataDir, 'backups');
      expect(existsSync(backups)).toBe(false);
      const second = await openDatabase({ ...config, migrations: withExtra('sqlite', '9999_next', works) });
      open.push(second);
      const files = readdirSync(backups);
      expect(files).toEqual([expect.stringMatching(/^office-before-9999_next-.*\.sqlite$/)]);
      // The copy is a whole database at the schema before the migration.
      const copy = new SQLite(join(backups, files[0]!), { readonly: true });
      const tables = copy.prepare(`select name from sqlite_master where type = 'table'`).pluck().all();
      const applied = copy.prepare('select name from kysely_migration').pluck().all();
      copy.close();
      expect(tables).toContain('accounts');
      expect(tables).not.toContain('queue_tickets');
      expect(applied).not.toContain('9999_next');
    });
});
