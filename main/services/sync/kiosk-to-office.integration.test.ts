/**
 * The whole kiosk side of sync in Node: dossiers submitted into the renderer's Dexie
 * database (fake-indexeddb), the renderer's sync engine, the bridge dispatcher and the
 * main-process sync service, against the real office server on 127.0.0.1 that goes
 * down and comes back on the same port and data folder (and the same generated
 * certificate, pinned at enrolment: every request goes over HTTPS).
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../../../office/test-support/office.ts';
import { createEnrolmentCode } from '../../../office/sync/enrol.ts';
import { changeStatus } from '../../../office/dossier-status.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import { createBridgeClient } from '../../../renderer/bridge/client.ts';
import type { KioskDb } from '../../../renderer/db/db.ts';
import { outboxPendingCount } from '../../../renderer/features/dossier/outbox.ts';
import { submitDossier } from '../../../renderer/features/dossier/submit.ts';
import { dropDb, freshDb, roomy, submitInput, vn } from '../../../renderer/features/dossier/test-support.ts';
import { createSyncEngine, type SyncEngine } from '../../../renderer/features/sync/engine.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createBridgeHandlers } from '../bridge-handlers.ts';
import { createKioskServices } from '../kiosk-services.ts';
import { createMemoryLogger } from '../logger.ts';
import { createHostSync } from './host-sync.ts';
import type { SyncService } from './sync-service.ts';
import { createPlainFileCipher } from './token-cipher.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let officeDir: string;
let port: number;
let kioskDir: string;
let sync: SyncService;
let db: KioskDb;
let engine: SyncEngine;
let adminId: number;

const officeRows = async () =>
  Number(
    (
      await office.database.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function submit(n: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const r = await submitDossier(submitInput(vn(`2026-11-24 09:${String(i).padStart(2, '0')}`)), {
      db,
      space: roomy,
    });
    if (!r.ok) throw new Error(r.reason);
    ids.push(r.dossier.id);
  }
  return ids;
}

beforeAll(async () => {
  officeDir = mkdtempSync(path.join(os.tmpdir(), 'office-k2o-'));
  office = await testOffice({ dataDir: officeDir, tls: { mode: 'generated' } });
  port = Number(new URL(office.url).port);
  adminId = Number(
    (
      await office.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id,
  );
  kioskDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-k2o-'));
  const logger = createMemoryLogger().logger;
  sync = await createHostSync({
    dataDir: kioskDir,
    cipher: createPlainFileCipher(),
    catalogue: CATALOGUE,
    appVersion: '0.1.0-test',
    logger,
    officeUrl: office.url,
    officeCertificateSha256: office.certificate!.fingerprint,
    enrolmentCode: await createEnrolmentCode(office.database.db, adminId, Date.now()),
    requestTimeoutMs: 3000,
  });
  const dispatcher = createBridgeHandlers(
    createKioskServices({
      profile: OfficeProfileSchema.parse(validProfile()),
      catalogue: CATALOGUE,
      appVersion: '0.1.0-test',
      host: 'headless',
      sync,
    }),
    { logger },
  );
  db = freshDb();
  engine = createSyncEngine({
    bridge: createBridgeClient((method, input) => dispatcher.invoke(method, input)),
    ctx: { db },
    // The test drives cycles itself.
    setTimer: () => null,
    clearTimer: () => undefined,
  });
  engine.start();
}, 60_000);

afterAll(async () => {
  engine?.stop();
  sync?.close();
  await office?.close().catch(() => undefined);
  rmSync(officeDir, { recursive: true, force: true });
  rmSync(kioskDir, { recursive: true, force: true });
  if (db) await dropDb(db);
});

describe('kiosk (engine + bridge + main) ↔ office', () => {
  it('was enrolled by the host at start', async () => {
    expect(await sync.status({ probe: true })).toMatchObject({ enrolled: true, online: true });
  });

  it('keeps dossiers made while the office is down, and delivers each exactly once when it returns', async () => {
    await office.close();
    const ids = await submit(7);
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ waiting: 7, problem: 'offline' });
    expect(engine.getState().status?.online).toBe(false);

    office = await testOffice({ dataDir: officeDir, port, tls: { mode: 'generated' } });
    await engine.syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(await officeRows()).toBe(7);
    expect(engine.getState()).toMatchObject({ waiting: 0, refused: 0, problem: null });
    for (const id of ids) expect((await db.dossiers.get(id))?.acknowledgedAt).toBeTruthy();

    // Staff move one along; the kiosk's next cycle brings the status home.
    expect(await changeStatus(office.database.db, ids[2]!, 'result-ready', null, adminId, Date.now())).toBe(
      'ok',
    );
    await engine.syncNow();
    expect((await db.dossiers.get(ids[2]!))?.officeStatus?.status).toBe('result-ready');
    expect(engine.getState().status?.lastSuccessAt).not.toBeNull();
  });

  it('uploads attachment bytes in chunks after their dossier, and marks them uploaded', async () => {
    // Not a real JPEG: the office stores bytes by hash and checks only the hash and size.
    const bytes = new Uint8Array(600_000).map((_, i) => (i * 31) % 251);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const r = await submitDossier(
      submitInput(vn('2026-11-24 10:30'), {
        attachments: [
          {
            bytes: new Blob([bytes], { type: 'image/jpeg' }),
            hash,
            mediaType: 'image/jpeg',
            fileName: 'giay-chung-sinh.jpg',
            size: bytes.length,
            width: 800,
            height: 600,
          },
        ],
      }),
      { db, space: roomy },
    );
    expect(r.ok).toBe(true);
    await engine.syncNow();
    const state = await office.database.db
      .selectFrom('attachments')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(Number(state.received)).toBe(bytes.length);
    expect(state.complete).toBe(1);
    expect((await db.attachments.where('hash').equals(hash).first())?.uploadedAt).toBeTruthy();
    expect(await outboxPendingCount({ db })).toBe(0);
  });

  it('revoked: needs re-enrolment, the new dossier waits untouched, and goes after re-enrolment', async () => {
    const kioskId = (await sync.status()).kioskId!;
    await office.database.db.updateTable('kiosks').set({ revoked: 1 }).where('id', '=', kioskId).execute();
    await submit(1, 20);
    await engine.syncNow();
    expect(engine.getState().status?.needsReEnrolment).toBe(true);
    expect(await outboxPendingCount({ db })).toBe(1);
    expect(await officeRows()).toBe(8);

    const code = await createEnrolmentCode(office.database.db, adminId, Date.now());
    expect(
      await sync.enrol({
        officeUrl: office.url,
        certificateSha256: office.certificate!.fingerprint,
        enrolmentCode: code,
      }),
    ).toMatchObject({ ok: true });
    await engine.syncNow();
    expect(await outboxPendingCount({ db })).toBe(0);
    expect(await officeRows()).toBe(9);
  });
});
