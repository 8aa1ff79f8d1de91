import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type OfficeDb } from './db/connect.ts';
import { ensureFirstAdmin } from './staff/accounts.ts';
import { buildOfficeApp } from './app.ts';
import { createBoardHub } from './tickets/board-hub.ts';
import { createDossierFeed } from './dossier-feed.ts';
import { createDossierPrints } from './print/dossier-prints.ts';
import { createTicketDesk, type TicketDesk } from './tickets/desk.ts';
import { createAnnouncer } from './tickets/announcer.ts';
import { startAttachmentCollector } from './sync/attachments.ts';
import { systemClock, type Clock } from './time.ts';
import { loadOfficeTls, type OfficeTlsConfig } from './tls/certificates.ts';
import { groupFingerprint } from '../shared/contracts/enrolment-text.ts';

export interface OfficeConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  adminPassword?: string | undefined;
  officeName: string;
  /**
   * HTTPS with a certificate generated in the data folder (the default), HTTPS with given
   * files, or plain HTTP behind the development switch (README, "The office server").
   */
  tls?: OfficeTlsConfig;
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
  /** The served certificate's fingerprint and the announced next one; null on plain HTTP. */
  certificate: { fingerprint: string; nextFingerprint: string | null } | null;
  /** The ticket desk (what the counter pages drive), for tools and tests. */
  tickets: TicketDesk;
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
    tls: tlsConfigFromEnv(env),
  };
}

/**
 * OFFICE_INSECURE_HTTP=1: plain HTTP (development only). OFFICE_TLS_CERT and
 * OFFICE_TLS_KEY: the certificate and key files to serve with (OFFICE_TLS_NEXT_CERT: the
 * next one, announced to kiosks). Otherwise a certificate generated in the data folder.
 */
export function tlsConfigFromEnv(env: NodeJS.ProcessEnv): OfficeTlsConfig {
  if (env.OFFICE_INSECURE_HTTP === '1') return { mode: 'insecure-http' };
  const certFile = env.OFFICE_TLS_CERT || undefined;
  const keyFile = env.OFFICE_TLS_KEY || undefined;
  if (certFile || keyFile) {
    if (!certFile || !keyFile)
      throw new Error('OFFICE_TLS_CERT and OFFICE_TLS_KEY must be given together (paths to PEM files)');
    return { mode: 'files', certFile, keyFile, nextCertFile: env.OFFICE_TLS_NEXT_CERT || undefined };
  }
  if (env.OFFICE_TLS_NEXT_CERT)
    throw new Error('OFFICE_TLS_NEXT_CERT needs OFFICE_TLS_CERT and OFFICE_TLS_KEY');
  return { mode: 'generated' };
}

export async function startOffice(config: OfficeConfig): Promise<RunningOffice> {
  const log = config.log ?? ((line: string) => console.log(line));
  const now = config.now ?? systemClock;
  const tlsConfig = config.tls ?? { mode: 'generated' };
  if (tlsConfig.mode === 'generated' && !config.dataDir)
    throw new Error(
      'the generated certificate is kept in the data folder: set OFFICE_DATA_DIR, or give OFFICE_TLS_CERT and OFFICE_TLS_KEY',
    );
  const tls =
    tlsConfig.mode === 'insecure-http'
      ? null
      : await loadOfficeTls(tlsConfig, config.dataDir, new Date(now()));
  if (tls) {
    log(
      `office: HTTPS, certificate SHA-256 ${groupFingerprint(tls.current.fingerprint)} (${tls.source === 'generated' ? 'generated in the data folder' : 'from OFFICE_TLS_CERT'})`,
    );
    if (tls.nextFingerprint)
      log(`office: announcing the next certificate, SHA-256 ${groupFingerprint(tls.nextFingerprint)}`);
  } else {
    log(
      'office: WARNING: plain HTTP (OFFICE_INSECURE_HTTP=1), for development only: tokens, dossiers and staff passwords cross the network unencrypted, and kiosks refuse to enrol unless started with KIOSK_INSECURE_HTTP=1',
    );
  }
  const certificate = tls
    ? { fingerprint: tls.current.fingerprint, nextFingerprint: tls.nextFingerprint }
    : null;
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const admin = await ensureFirstAdmin(database.db, config.adminPassword, now());
  if (admin.created) {
    log(
      admin.generatedPassword
        ? `office: created account "${admin.username}" with password ${admin.generatedPassword} (shown once; change it)`
        : `office: created account "${admin.username}" with the password from OFFICE_ADMIN_PASSWORD`,
    );
  }
  const board = createBoardHub();
  const prints = createDossierPrints(log);
  const tickets = createTicketDesk(database.db, database.dialect, now, board);
  const app = await buildOfficeApp(
    {
      db: database.db,
      officeName: config.officeName,
      now,
      tickets,
      board,
      announcer: createAnnouncer(),
      dossiers: createDossierFeed(),
      prints,
      certificate,
    },
    {
      trustProxy: config.trustProxy,
      log,
      ...(tls ? { https: { cert: tls.current.certPem, key: tls.current.keyPem } } : {}),
    },
  );
  await app.listen({ port: config.port, host: config.host });
  const server = app.server;
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${config.host}:${port}`;
  const collector = startAttachmentCollector(database.db, now, log);
  return {
    url,
    server,
    database,
    certificate,
    tickets,
    async close() {
      collector.stop();
      server.closeAllConnections();
      await app.close();
      await prints.close();
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
