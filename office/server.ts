import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type OfficeDb } from './db/connect.ts';
import { ensureFirstAdmin } from './staff/accounts.ts';
import { handleApi, type SyncContext } from './sync/routes.ts';
import { handleDashboard } from './dashboard/routes.ts';
import { RequestAborted, sendError } from './http/io.ts';
import { startAttachmentCollector } from './sync/attachments.ts';
import { systemClock, type Clock } from './time.ts';

export interface OfficeConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  adminPassword?: string | undefined;
  officeName: string;
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
  const ctx: SyncContext = { db: database.db, officeName: config.officeName, now };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://office').pathname;
    (async () => {
      if (await handleApi(ctx, req, res, path)) return;
      if (await handleDashboard(ctx, req, res, path)) return;
      sendError(res, 404, 'not-found', [`nothing at ${path}`]);
    })().catch((e: unknown) => {
      if (e instanceof RequestAborted) {
        // An everyday event on a poor link (a cut, a kiosk that gave up): one line, no stack.
        log(`office: ${req.method} ${path}: ${e.message}`);
        res.destroy();
        return;
      }
      log(`office: error on ${req.method} ${path}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent)
        sendError(res, 500, 'internal', ['internal error; nothing was stored by this request']);
      else res.destroy();
    });
  });
  // Bounded: a slow or stuck client cannot hold a connection forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  const collector = startAttachmentCollector(database.db, now, log);
  return {
    url,
    server,
    database,
    async close() {
      collector.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
