import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailability, startPostgres, type PgCluster } from './postgres.ts';
import type { DbConfig } from '../db/connect.ts';

export interface DbTarget {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database each call. */
  fresh(): Promise<DbConfig>;
}

let counter = 0;

/**
 * Runs `suite` against SQLite always and against a throwaway PostgreSQL cluster when
 * the server binaries exist. Without them the PostgreSQL run is announced as skipped
 * (with the reason) — and in CI (CI=true) that is a failure, never silently green.
 */
export function forEachDatabase(title: string, suite: (target: DbTarget) => void): void {
  const tmpDirs: string[] = [];
  describe(`${title} [sqlite]`, () => {
    afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
    suite({
      name: 'sqlite',
      async fresh() {
        const dir = mkdtempSync(join(tmpdir(), 'office-sqlite-'));
        tmpDirs.push(dir);
        return { dataDir: dir };
      },
    });
  });

  const pg = postgresAvailability();
  if (!pg.available) {
    describe(`${title} [postgres]`, () => {
      it('PostgreSQL is available for the second database run', () => {
        const message = `PostgreSQL tests for "${title}" SKIPPED: ${pg.reason}`;
        console.warn(`\n*** ${message} ***\n`);
        if (process.env.CI === 'true')
          expect.fail(`${message}; CI must run them (.ci/run installs postgresql)`);
      });
    });
    return;
  }
  describe(`${title} [postgres]`, () => {
    let cluster: PgCluster;
    beforeAll(async () => {
      cluster = await startPostgres(pg.bin);
    }, 60_000);
    afterAll(async () => cluster?.stop());
    suite({
      name: 'postgres',
      async fresh() {
        return { dataDir: '', databaseUrl: await cluster.createDatabase(`t${process.pid}_${++counter}`) };
      },
    });
  });
}
