import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  sql,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Database } from './schema.ts';
import { migrationProvider, type DialectName } from './migrations.ts';

export interface OfficeDb {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface DbConfig {
  /** Directory for the SQLite file (`office.sqlite`), used when no databaseUrl is given. */
  dataDir: string;
  /** postgres://… — PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /** The migrations to bring the schema to (tests add a failing one); the office's own otherwise. */
  migrations?: MigrationProvider;
}

/** Opens the database (SQLite by default, PostgreSQL with a URL) and brings its schema up to date. */
export async function openDatabase(config: DbConfig): Promise<OfficeDb> {
  const opened = config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.dataDir);
  try {
    await migrate(opened, config.migrations ?? migrationProvider(opened.dialect), config.dataDir);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

/**
 * SQLite's DDL is transactional (CREATE, ALTER, DROP roll back like any write), but
 * Kysely's SQLite adapter says otherwise and so migrates without a transaction. This
 * adapter tells the truth, so every migration and its bookkeeping row commit together.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class OfficeSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openSqlite(dataDir: string): OfficeDb {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(join(dataDir, SQLITE_FILE));
  // WAL: readers (dashboard) never block the writer (sync). synchronous=FULL: a
  // dossier we answered "stored" survives a power cut, not only a process crash.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new OfficeSqliteDialect({ database: withStatementCache(file) }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing a 200-row insert costs more than running
 * it. Statements are reusable and Kysely runs one query at a time on this connection,
 * so a small cache keyed by SQL text is safe. Bounded: ad-hoc SQL cannot grow it forever.
 */
function withStatementCache(file: SQLite.Database, max = 200): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (statement) {
        cache.delete(sqlText);
      } else {
        statement = file.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}

/** node-postgres returns int8 as strings to be safe beyond 2^53; our ms times and counts fit. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

function openPostgres(url: string): OfficeDb {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes as pg.CustomTypesConfig });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

const SQLITE_FILE = 'office.sqlite';

/**
 * Brings the schema up to date one migration at a time, each in its own transaction
 * with its row in kysely_migration: a failure leaves the schema as the last migration
 * that succeeded, and the next start retries from there. On SQLite a copy of the file is
 * taken first (VACUUM INTO `<dataDir>/backups/`), so even a migration that succeeds but
 * damages data can be undone by hand.
 */
export async function migrate(opened: OfficeDb, provider: MigrationProvider, dataDir: string): Promise<void> {
  const migrator = new Migrator({ db: opened.db, provider });
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  if (pending.length === 0) return;
  const started = (await migrator.getMigrations()).some((m) => m.executedAt !== undefined);
  if (opened.dialect === 'sqlite' && started) await backupSqlite(opened.db, dataDir, pending[0]!.name);
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed)
      throw new Error(
        `office database migration failed${failed ? ` at ${failed.migrationName}` : ''} (nothing of it was kept): ${String(error)}`,
      );
    if (!results?.length) return;
  }
}

/** A consistent copy of the whole database while it is open (SQLite's VACUUM INTO). */
async function backupSqlite(db: Kysely<Database>, dataDir: string, before: string): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `office-before-${before}-${stamp}.sqlite`);
  await sql`vacuum into ${file}`.execute(db);
  return file;
}
