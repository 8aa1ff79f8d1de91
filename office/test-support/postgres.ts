import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster on loopback for tests: initdb into a temp dir (as the
 * `postgres` or `nobody` user when we are root — initdb refuses root), pg_ctl start on
 * a free port, fsync off (the data dies with the test anyway).
 */
export type PgAvailability = { available: true; bin: string } | { available: false; reason: string };

export function postgresAvailability(): PgAvailability {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base))
    return { available: false, reason: `${base} does not exist (install Debian's postgresql package)` };
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) return { available: false, reason: `no ${base}/*/bin/initdb and postgres found` };
  return { available: true, bin: join(base, versions[0], 'bin') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function runAs(user: string | null, cmd: string, args: string[]): void {
  const r = user
    ? spawnSync('runuser', ['-u', user, '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export interface PgCluster {
  /** A fresh, empty database in this cluster. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(bin: string): Promise<PgCluster> {
  const root = process.getuid?.() === 0;
  const user = root ? (hasUser('postgres') ? 'postgres' : 'nobody') : null;
  const dir = mkdtempSync(join(tmpdir(), 'office-pg-'));
  chmodSync(dir, 0o700);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', user!]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', user!]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  runAs(user, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'office',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  runAs(user, join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  const adminUrl = `postgres://office@127.0.0.1:${port}/postgres`;
  return {
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`create database "${name.replace(/[^a-z0-9_]/g, '_')}"`);
      await client.end();
      return `postgres://office@127.0.0.1:${port}/${name.replace(/[^a-z0-9_]/g, '_')}`;
    },
    async stop() {
      try {
        runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function hasUser(name: string): boolean {
  return spawnSync('id', ['-u', name]).status === 0;
}
