import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { Migrator } from 'kysely/migration';
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
}

/** Opens the database (SQLite by default, PostgreSQL with a URL) and brings its schema up to date. */
export async function openDatabase(config: DbConfig): Promise<OfficeDb> {
  const opened = config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.dataDir);
  await migrate(opened.db, opened.dialect);
  return opened;
}

function openSqlite(dataDir: string): OfficeDb {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(join(dataDir, 'office.sqlite'));
  // WAL: readers (dashboard) never block the writer (sync). synchronous=FULL: a
  // dossier we answered "stored" survives a power cut, not only a process crash.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
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

export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `office database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`,
    );
  }
}
