/**
 * Issue 11, item 3 (the part about files): the kiosk's data folder is owner only, the
 * files it writes (printed PDFs, logs, saved office profile, code mark, at-rest keys) are 0600, and the
 * logs carry no personal data after a dossier's whole main-process flow: enrolment,
 * printing its receipt (real Chromium PDF), pushing it (stored, refused, conflicting)
 * to a real office, and a look-up.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../../office/test-support/office.ts';
import { createEnrolmentCode } from '../../office/sync/enrol.ts';
import { dossierPayload, item } from '../../office/test-support/fixtures.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { createHeadlessPrintService, fontsDirOf } from '../node/print-host.ts';
import { createBridgeHandlers } from './bridge-handlers.ts';
import { dataDirLayout, secureDataDir } from './data-dir.ts';
import { createDossierCodeMarkStore } from './dossier-code/code-mark-store.ts';
import { createKioskServices } from './kiosk-services.ts';
import { createDayKeyStore } from './at-rest/day-key-store.ts';
import { createFileLogger } from './logger.ts';
import { createHostSync } from './sync/host-sync.ts';
import { createPlainFileCipher } from './sync/token-cipher.ts';
import { testProfile } from '../../shared/domain/test-support.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const mode = (file: string) => statSync(file).mode & 0o777;

function filesUnder(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (skip.includes(full)) return [];
    return e.isDirectory() ? [full, ...filesUnder(full, skip)] : [full];
  });
}

describe('data left on disk', () => {
  it('tightens a data folder made before the rule: folders 0700, files 0600, browser profiles left alone', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-perm-'));
    try {
      const layout = dataDirLayout(dataDir);
      const dossierDir = path.join(layout.prints, randomUUID());
      mkdirSync(dossierDir, { recursive: true, mode: 0o755 });
      mkdirSync(layout.logs, { recursive: true, mode: 0o755 });
      mkdirSync(layout.chromiumProfile, { recursive: true, mode: 0o755 });
      for (const f of [
        path.join(dossierDir, 'receipt.pdf'),
        path.join(layout.logs, 'kiosk.log'),
        layout.officeProfile,
      ])
        writeFileSync(f, 'x', { mode: 0o644 });
      writeFileSync(path.join(layout.chromiumProfile, 'Local State'), 'x', { mode: 0o644 });
      chmodSync(dataDir, 0o755);
      chmodSync(layout.prints, 0o755);
      secureDataDir(dataDir);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of [layout.prints, dossierDir, layout.logs]) expect(mode(f)).toBe(0o700);
      for (const f of [
        path.join(dossierDir, 'receipt.pdf'),
        path.join(layout.logs, 'kiosk.log'),
        layout.officeProfile,
      ])
        expect(mode(f)).toBe(0o600);
      expect(mode(path.join(layout.chromiumProfile, 'Local State'))).toBe(0o644);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('a dossier through main', () => {
    let office: Awaited<ReturnType<typeof testOffice>>;
    let dataDir: string;
    const NAME = 'Hoàng Thị Xuân Mai';
    const ID_NUMBER = '079312345678';
    const ADDRESS = 'Thôn Nà Lẹng, xã Bằng Thành';
    beforeAll(async () => {
      office = await testOffice({ tls: { mode: 'generated' } });
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-disk-'));
      // A umask that would leave files readable by all, as on many desktops.
      process.umask(0o022);
    }, 60_000);
    afterAll(async () => {
      await office?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('writes everything owner-only and logs no name, ID number or address', async () => {
      secureDataDir(dataDir);
      const layout = dataDirLayout(dataDir);
      const logger = createFileLogger({ dir: layout.logs });
      const sync = await createHostSync({
        dataDir,
        cipher: createPlainFileCipher(),
        catalogue: CATALOGUE,
        appVersion: '0.1.0-test',
        logger,
        deviceName: 'Kiosk thử',
        requestTimeoutMs: 5000,
      });
      const print = await createHeadlessPrintService({
        printsDir: layout.prints,
        fontsDir: fontsDirOf(PROJECT_ROOT),
        printerName: undefined,
        logger,
      });
      const bridge = createBridgeHandlers(
        createKioskServices({
          profile: testProfile(),
          catalogue: CATALOGUE,
          appVersion: '0.1.0-test',
          host: 'headless',
          print,
          sync,
          codeMark: createDossierCodeMarkStore({ file: layout.dossierCodeMark }),
          dayKeys: createDayKeyStore({ dir: layout.atRestKeys, cipher: createPlainFileCipher() }),
        }),
        { logger },
      );
      try {
        const admin = await office.database.db
          .selectFrom('accounts')
          .select('id')
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow();
        const code = await createEnrolmentCode(office.database.db, Number(admin.id), Date.now());
        expect(
          await bridge.invoke('syncEnrol', {
            officeUrl: office.url,
            enrolmentCode: code,
            certificateSha256: office.certificate!.fingerprint,
          }),
        ).toMatchObject({
          ok: true,
        });
        const dossier = dossierPayload({
          applicantName: NAME,
          formData: { 'applicant.name': NAME, 'applicant.idNumber': ID_NUMBER, 'applicant.address': ADDRESS },
        });
        const printed = await bridge.invoke('printDocument', {
          kind: 'receipt',
          paper: 'A5',
          html: `<html><body><h1>${NAME}</h1><p>${ID_NUMBER}</p><p>${ADDRESS}</p></body></html>`,
          title: NAME,
          dossierId: String(dossier.id),
        });
        expect(printed).toMatchObject({ ok: true, value: { pdfKept: true } });
        // A print input the contract refuses, holding the name (it must not be logged back).
        await bridge.invoke('printDocument', {
          kind: 'receipt',
          paper: 'A5',
          html: '',
          title: NAME,
          dossierId: 'x/../y',
        });
        const stored = item('dossier', dossier, 1);
        const unstorable = item('dossier', dossierPayload({ applicantName: `${NAME}\u0000${ID_NUMBER}` }), 2);
        const conflicting = { ...item('dossier', { ...dossier, applicantName: `${NAME} (sửa)` }, 3), seq: 3 };
        expect(await bridge.invoke('syncPush', { items: [stored, unstorable], waiting: 2 })).toMatchObject({
          ok: true,
          value: { ok: true },
        });
        expect(await bridge.invoke('syncPush', { items: [conflicting], waiting: 1 })).toMatchObject({
          ok: true,
          value: { ok: true },
        });
        await bridge.invoke('syncPull', { cursor: null, lookupCodes: [String(dossier.code)] });
        await bridge.invoke('dossierCodeMark', { record: { lastDate: '2026-11-30', lastSeq: 1 } });
        // The at-rest keys: made, read, a malformed day refused, old days shredded.
        for (const day of ['2026-11-29', '2026-11-30'])
          expect(await bridge.invoke('atRestKey', { day, create: true })).toMatchObject({ ok: true });
        expect(await bridge.invoke('atRestKey', { day: NAME, create: true })).toMatchObject({ ok: false });
        expect(await bridge.invoke('shredAtRestKeys', { before: '2026-11-30' })).toEqual({
          ok: true,
          value: { shredded: 1 },
        });
      } finally {
        sync.close();
      }

      const files = filesUnder(dataDir, [layout.chromiumProfile, layout.electronProfile]);
      expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
      expect(files).toContain(path.join(layout.atRestKeys, '2026-11-30.key'));
      expect(files.some((f) => f.startsWith(layout.logs + path.sep))).toBe(true);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of files) expect([f, mode(f)]).toEqual([f, statSync(f).isDirectory() ? 0o700 : 0o600]);

      const logs = readdirSync(layout.logs)
        .map((f) => readFileSync(path.join(layout.logs, f), 'utf8'))
        .join('\n');
      expect(logs).toContain('print-pdf-kept'); // the log is written, and is what we scan
      expect(logs).toContain('sync-enrolled');
      for (const secret of [NAME, 'Hoàng', ID_NUMBER, ADDRESS, 'Nà Lẹng']) expect(logs).not.toContain(secret);
      // Also as JSON escapes (the log is JSON lines).
      for (const secret of [NAME, ADDRESS]) expect(logs).not.toContain(JSON.stringify(secret).slice(1, -1));
    }, 120_000);
  });
});
