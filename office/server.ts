import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type OfficeDb } from './db/connect.ts';
import { ensureFirstAdmin } from './staff/accounts.ts';
import { buildOfficeApp } from './app.ts';
import { systemClock, type Clock } from './time.ts';

export interface OfficeConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  adminPassword?: string | undefined;
  officeName: string;
  /** Reverse proxies trusted to give the client's address (X-Forwarded-For); see README. */
  trustProxy?: boolean | string[] | number;
  /** The clock (tests inject one they can advance); the system clock otherwise. */
  now?: Clock;
  log?: (line: string) => void;
}

export interface RunningOffice {
  url: string;
  server: Server;
  database: OfficeDb;
  close(): Promise<void>;
}

/** Reads the environment the README documents. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): OfficeConfig {
  return {
    host: env.OFFICE_HOST || '127.0.0.1',
    port: env.OFFICE_PORT ? Number(env.OFFICE_PORT) : 5180,
    dataDir: env.OFFICE_DATA_DIR || '.office-data',
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.OFFICE_ADMIN_PASSWORD || undefined,
    officeName: env.OFFICE_NAME || 'UBND xã',
    trustProxy: parseTrustProxy(env.OFFICE_TRUST_PROXY),
  };
}

export async function startOffice(config: OfficeConfig): Promise<RunningOffice> {
  const log = config.log ?? ((line: string) => console.log(line));
  const now = config.now ?? systemClock;
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const admin = await ensureFirstAdmin(database.db, config.adminPassword, now());
  if (admin.created) {
    log(
      admin.generatedPassword
        ? `office: created account "${admin.username}" with password ${admin.generatedPassword} (shown once; change it)`
        : `office: created account "${admin.username}" with the password from OFFICE_ADMIN_PASSWORD`,
    );
  }
  const app = await buildOfficeApp(
    { db: database.db, officeName: config.officeName, now },
    { trustProxy: config.trustProxy, log },
  );
  await app.listen({ port: config.port, host: config.host });
  const server = app.server;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  return {
    url,
    server,
    database,
    async close() {
      server.closeAllConnections();
      await app.close();
      await database.close();
    },
  };
}

/**
 * OFFICE_TRUST_PROXY: unset or empty → no proxy is trusted (the socket's address counts);
 * a number → that many hops; otherwise a comma-separated list of proxy addresses/CIDRs.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const text = (value ?? '').trim();
  if (!text || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
