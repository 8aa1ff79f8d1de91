/**
 * The kiosk's main-process sync service against the real office server on 127.0.0.1:
 * enrolment, per-item push answers, pull with a published profile saved for the next
 * start, revocation → needs re-enrolment (nothing lost), re-enrolment, office down; all
 * over HTTPS with the office's generated certificate pinned at enrolment.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../../../office/test-support/office.ts';
import { dossierPayload, item } from '../../../office/test-support/fixtures.ts';
import { createEnrolmentCode } from '../../../office/sync/enrol.ts';
import { changeStatus } from '../../../office/dossier-status.ts';
import { publishConfig } from '../../../office/published-config.ts';
import { sequenceGaps } from '../../../office/sync/gaps.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../../../shared/domain/office-profile.ts';
import { validProfile } from '../../test-support/fixtures.ts';
import { createMemoryLogger } from '../logger.ts';
import { createHostSync } from './host-sync.ts';
import type { SyncService } from './sync-service.ts';
import { createPlainFileCipher } from './token-cipher.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let adminId: number;
let dataDir: string;
let sync: SyncService;

const pin = () => office.certificate!.fingerprint;
const newCode = () => createEnrolmentCode(office.database.db, adminId, Date.now());
const start = () =>
  createHostSync({
    dataDir,
    cipher: createPlainFileCipher(),
    catalogue: CATALOGUE,
    appVersion: '0.1.0-test',
    logger: createMemoryLogger().logger,
    deviceName: 'Kiosk tích hợp',
    requestTimeoutMs: 3000,
  });

beforeAll(async () => {
  office = await testOffice({ tls: { mode: 'generated' } });
  adminId = Number(
    (
      await office.database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id,
  );
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-sync-it-'));
  sync = await start();
}, 60_000);

afterAll(async () => {
  sync?.close();
  await office?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kiosk sync service ↔ office server', () => {
  let kioskId: string;

  it('refuses bad codes, unknown codes and unreachable offices with reasons', async () => {
    expect(
      await sync.enrol({ officeUrl: office.url, certificateSha256: pin(), enrolmentCode: 'abc' }),
    ).toMatchObject({
      ok: false,
      reason: 'bad-code',
    });
    expect(
      await sync.enrol({ officeUrl: office.url, certificateSha256: pin(), enrolmentCode: 'ZZZZ-9999' }),
    ).toMatchObject({
      ok: false,
      reason: 'code-refused',
    });
    expect(
      await sync.enrol({
        officeUrl: 'https://127.0.0.1:1',
        certificateSha256: pin(),
        enrolmentCode: 'ZZZZ-9999',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
    expect(await sync.enrol({ officeUrl: 'mailto:x', enrolmentCode: 'ZZZZ-9999' })).toMatchObject({
      ok: false,
      reason: 'bad-url',
    });
    expect((await sync.status()).enrolled).toBe(false);
  });

  it('enrols with a one-time code (typed loosely) and probes the office health endpoint', async () => {
    const code = await newCode();
    const result = await sync.enrol({
      officeUrl: office.url,
      certificateSha256: pin(),
      enrolmentCode: code.toLowerCase(),
    });
    expect(result).toMatchObject({ ok: true, officeName: 'UBND xã Thử nghiệm' });
    if (!result.ok) return;
    kioskId = result.kioskId;
    const status = await sync.status({ probe: true });
    expect(status).toMatchObject({ enrolled: true, kioskId, online: true, needsReEnrolment: false });
    expect(status).not.toHaveProperty('token');
    expect(JSON.stringify(status)).not.toContain(kioskId + '.');
    // The same code again from this kiosk (its answer lost, say): the same kiosk, not a refusal.
    expect(
      await sync.enrol({ officeUrl: office.url, certificateSha256: pin(), enrolmentCode: code }),
    ).toMatchObject({
      ok: true,
      kioskId,
    });
    // From another install (another data folder): already used.
    const otherDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-sync-it-other-'));
    const other = await createHostSync({
      dataDir: otherDir,
      cipher: createPlainFileCipher(),
      catalogue: CATALOGUE,
      appVersion: '0.1.0-test',
      logger: createMemoryLogger().logger,
      deviceName: 'Kiosk khác',
      requestTimeoutMs: 3000,
    });
    try {
      expect(
        await other.enrol({ officeUrl: office.url, certificateSha256: pin(), enrolmentCode: code }),
      ).toMatchObject({
        ok: false,
        reason: 'code-refused',
      });
    } finally {
      other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
    const row = await office.database.db
      .selectFrom('kiosks')
      .select('name')
      .where('id', '=', kioskId)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Kiosk tích hợp');
  });

  const payload = dossierPayload();
  it('pushes items and gets per-item answers: stored, duplicate, conflict, invalid', async () => {
    const first = await sync.push({ items: [item('dossier', payload, 1)], waiting: 1 });
    expect(first).toMatchObject({ ok: true, results: [{ outcome: 'stored', id: payload.id }] });
    const again = await sync.push({ items: [item('dossier', payload, 1)], waiting: 1 });
    expect(again).toMatchObject({ ok: true, results: [{ outcome: 'duplicate', id: payload.id }] });
    const changed = item('dossier', { ...payload, applicantName: 'Người khác' }, 1);
    const bad = item('dossier', dossierPayload({ models: ['not-a-model'] }), 2);
    const mixed = await sync.push({ items: [changed, bad], waiting: 2 });
    expect(mixed.ok && mixed.results.map((r) => r.outcome)).toEqual(['conflict', 'invalid']);
    expect((await sync.status()).lastSuccessAt).not.toBeNull();
  });

  it('pulls status changes since a cursor and saves a newer published profile for the next start', async () => {
    expect(
      await changeStatus(office.database.db, String(payload.id), 'processing', null, adminId, Date.now()),
    ).toBe('ok');
    const published = await publishConfig(
      office.database.db,
      'profile',
      JSON.stringify(OfficeProfileSchema.parse(validProfile())),
      adminId,
      Date.now(),
    );
    expect(published.ok).toBe(true);
    const pulled = await sync.pull({ cursor: null, lookupCodes: [] });
    expect(pulled).toMatchObject({ ok: true, statuses: [{ dossierId: payload.id, status: 'processing' }] });
    if (!pulled.ok || !published.ok) return;
    expect(pulled.profileSaved).toBe(published.version);
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'office-profile.json'), 'utf8')) as unknown;
    expect(OfficeProfileSchema.parse(saved).office.communeCode).toBe('00565');
    // The next pull from that cursor: nothing new, and the profile is not sent again.
    const next = await sync.pull({ cursor: pulled.nextCursor, lookupCodes: [] });
    expect(next).toMatchObject({ ok: true, statuses: [], profileSaved: null });
  });

  it('a revoked kiosk gets "needs re-enrolment", which survives a restart, and re-enrols', async () => {
    await office.database.db.updateTable('kiosks').set({ revoked: 1 }).where('id', '=', kioskId).execute();
    const refused = await sync.push({ items: [item('dossier', dossierPayload(), 3)], waiting: 1 });
    expect(refused).toMatchObject({ ok: false, failure: 'revoked' });
    expect(await sync.status()).toMatchObject({ enrolled: true, kioskId, needsReEnrolment: true });

    sync.close();
    sync = await start();
    expect(await sync.status()).toMatchObject({ enrolled: true, kioskId, needsReEnrolment: true });

    // Seq 3 is the outbox's lowest pending item: the new identity starts there.
    const again = await sync.enrol({
      officeUrl: office.url,
      certificateSha256: pin(),
      enrolmentCode: await newCode(),
      firstSeq: 3,
    });
    expect(again.ok).toBe(true);
    expect(await sync.status()).toMatchObject({ needsReEnrolment: false });
    const pushed = await sync.push({ items: [item('dossier', dossierPayload(), 3)], waiting: 1 });
    expect(pushed).toMatchObject({ ok: true, results: [{ outcome: 'stored' }] });
    // No spurious gap 1…2 for the new identity on the dashboard.
    const newId = (await sync.status()).kioskId!;
    expect(newId).not.toBe(kioskId);
    expect(await sequenceGaps(office.database.db, newId)).toEqual({ missing: 0, ranges: [], highest: 3 });
  });

  it('a token the office no longer accepts is "unauthorized" → needs re-enrolment', async () => {
    await office.database.db
      .updateTable('kiosks')
      .set({ token_hash: '0'.repeat(64) })
      .where('id', '=', (await sync.status()).kioskId!)
      .execute();
    expect(await sync.pull({ cursor: null, lookupCodes: [] })).toMatchObject({
      ok: false,
      failure: 'unauthorized',
    });
    expect((await sync.status()).needsReEnrolment).toBe(true);
    expect(
      await sync.enrol({ officeUrl: office.url, certificateSha256: pin(), enrolmentCode: await newCode() }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('an office that is down is "offline", and the probe says so', async () => {
    await office.close();
    const result = await sync.push({ items: [item('dossier', dossierPayload(), 4)], waiting: 1 });
    expect(result).toMatchObject({ ok: false, failure: 'offline' });
    expect((await sync.status({ probe: true })).online).toBe(false);
  });
});
