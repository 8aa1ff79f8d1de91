import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import type { SyncTransport, TransportFailure } from '../sync-transport.ts';
import type { EnrolRequest } from '../../../shared/contracts/sync.ts';
import { createDeviceIdentityStore } from './device-identity-store.ts';
import { createSyncService } from './sync-service.ts';
import { createPlainFileCipher } from './token-cipher.ts';
import { formatEnrolmentText } from '../../../shared/contracts/enrolment-text.ts';

const KIOSK = '0b0b5f7e-5a7c-4d33-9a57-9f0a2b1c3d4e';
const HASH = 'b'.repeat(64);
const fail = (
  kind: TransportFailure['kind'],
  extra: Partial<TransportFailure> = {},
): { ok: false; failure: TransportFailure } => ({
  ok: false,
  failure: { kind, reasons: [kind], retryable: true, ...extra },
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function setup(transport: Partial<SyncTransport>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-service-'));
  dirs.push(dir);
  const store = createDeviceIdentityStore({ dir, cipher: createPlainFileCipher() });
  await store.saveEnrolment({
    kioskId: KIOSK,
    officeUrl: 'http://office',
    officeName: 'UBND',
    token: `${KIOSK}.secret-secret-secret-secret`,
    at: new Date(),
    certificatePins: null,
  });
  const full: SyncTransport = {
    health: async () => ({
      ok: true,
      value: { service: 'commune-office', protocol: 1, time: new Date().toISOString() },
    }),
    enrol: async () => fail('network'),
    push: async () => fail('network'),
    pull: async () => fail('network'),
    attachmentState: async () => fail('network'),
    putChunk: async () => fail('network'),
    clipPack: async () => fail('network'),
    clipAudio: async () => fail('network'),
    ...transport,
  };
  const service = createSyncService({
    store,
    appVersion: '1.0.0',
    deviceName: 'test',
    logger: createMemoryLogger().logger,
    createTransport: () => full,
    connectivity: { setTimer: () => null, clearTimer: () => undefined },
  });
  return { service, store };
}

const PIN = 'ab12'.repeat(16);
const item = { kind: 'dossier' as const, id: KIOSK, seq: 1, hash: HASH, payload: {} };

describe('sync service (fake transport)', () => {
  it('maps transport failures to bridge failures, with Retry-After', async () => {
    for (const [kind, expected] of [
      ['network', 'offline'],
      ['timeout', 'offline'],
      ['invalid-answer', 'invalid-response'],
      ['server', 'server-error'],
      ['rejected', 'rejected'],
    ] as const) {
      const { service } = await setup({ push: async () => fail(kind) });
      expect(await service.push({ items: [item], waiting: 1 })).toMatchObject({
        ok: false,
        failure: expected,
      });
      service.close();
    }
    const { service } = await setup({ push: async () => fail('rate-limited', { retryAfterMs: 1500.4 }) });
    expect(await service.push({ items: [item], waiting: 1 })).toEqual({
      ok: false,
      failure: 'rate-limited',
      reasons: ['rate-limited'],
      retryAfterMs: 1500,
    });
    service.close();
  });

  it('a failure never sets needsReEnrolment unless the office said 401/403', async () => {
    const { service, store } = await setup({ push: async () => fail('server') });
    await service.push({ items: [item], waiting: 1 });
    expect((await store.state()).needsReEnrolment).toBe(false);
    service.close();
  });

  it('runs one push at a time', async () => {
    let active = 0;
    let most = 0;
    const { service } = await setup({
      push: async () => {
        active++;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return fail('server');
      },
    });
    await Promise.all([1, 2, 3].map(() => service.push({ items: [item], waiting: 1 })));
    expect(most).toBe(1);
    service.close();
  });

  it('answers not-enrolled before enrolment without calling the office', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-service-'));
    dirs.push(dir);
    let called = false;
    const service = createSyncService({
      store: createDeviceIdentityStore({ dir, cipher: createPlainFileCipher() }),
      appVersion: '1',
      deviceName: 't',
      logger: createMemoryLogger().logger,
      createTransport: () => {
        called = true;
        throw new Error('no transport expected');
      },
      suggestedOfficeUrl: 'http://10.0.0.5:5180',
    });
    expect(await service.push({ items: [item], waiting: 1 })).toMatchObject({
      ok: false,
      failure: 'not-enrolled',
    });
    expect(await service.status()).toMatchObject({
      enrolled: false,
      officeUrl: 'http://10.0.0.5:5180',
      online: false,
    });
    expect(called).toBe(false);
  });

  describe("enrolment forwards the outbox's first seq", () => {
    const NEW_KIOSK = '7c0e2a3b-1d4f-4a5b-8c6d-9e0f1a2b3c4d';
    const enrolled = {
      ok: true as const,
      value: {
        protocol: 1 as const,
        kind: 'enrolled' as const,
        kioskId: NEW_KIOSK,
        token: `${NEW_KIOSK}.another-secret-secret-secret`,
        officeName: 'UBND xã Mới',
      },
    };
    async function enrolWith(
      input: { firstSeq?: number; officeUrl?: string; enrolmentCode?: string; certificateSha256?: string },
      answer: (request: EnrolRequest) => Awaited<ReturnType<SyncTransport['enrol']>> = () => enrolled,
    ) {
      const requests: EnrolRequest[] = [];
      const { service, store } = await setup({
        enrol: async (request) => {
          requests.push(request);
          return answer(request);
        },
      });
      const outcome = await service.enrol({
        officeUrl: 'https://office-2',
        enrolmentCode: 'abcd2345',
        certificateSha256: PIN,
        ...input,
      });
      service.close();
      return { outcome, requests, store };
    }

    it('sends firstSeq to the office with the code', async () => {
      const { outcome, requests, store } = await enrolWith({ firstSeq: 6 });
      expect(outcome).toEqual({ ok: true, kioskId: NEW_KIOSK, officeName: 'UBND xã Mới' });
      const { installId } = await store.state();
      expect(installId).toMatch(/^[0-9a-f-]{36}$/);
      expect(requests).toEqual([
        { protocol: 1, code: 'ABCD-2345', deviceName: 'test', appVersion: '1.0.0', firstSeq: 6, installId },
      ]);
      expect((await store.state()).kioskId).toBe(NEW_KIOSK);
    });

    it('leaves it out when it is 1 or unknown (what an absent firstSeq means)', async () => {
      for (const input of [{}, { firstSeq: 1 }]) {
        const { requests } = await enrolWith(input);
        expect(requests).toHaveLength(1);
        expect(requests[0]).not.toHaveProperty('firstSeq');
      }
    });

    it('enrols without it when an older office refuses the field (400), and not on other refusals', async () => {
      const older = await enrolWith({ firstSeq: 6 }, (request) =>
        request.firstSeq === undefined
          ? enrolled
          : fail('rejected', { status: 400, reasons: ['Unrecognized key: "firstSeq"'], retryable: false }),
      );
      expect(older.outcome).toMatchObject({ ok: true, kioskId: NEW_KIOSK });
      expect(older.requests.map((r) => r.firstSeq)).toEqual([6, undefined]);
      expect(older.requests.map((r) => r.installId === undefined)).toEqual([false, true]);

      const usedCode = await enrolWith({ firstSeq: 6 }, () =>
        fail('revoked', { status: 403, retryable: false }),
      );
      expect(usedCode.outcome).toMatchObject({ ok: false, reason: 'code-refused' });
      expect(usedCode.requests).toHaveLength(1);
    });

    describe('and pins the office certificate', () => {
      it('keeps the fingerprint typed with the code (any case and spacing) as the pin', async () => {
        const typed = PIN.toUpperCase().match(/.{4}/g)!.join(' ');
        const { outcome, store } = await enrolWith({ certificateSha256: typed });
        expect(outcome).toMatchObject({ ok: true });
        expect((await store.state()).certificatePins).toEqual({ pinned: PIN, next: null });
      });

      it('takes address, code and fingerprint from the dashboard QR text typed into the code field', async () => {
        const qr = formatEnrolmentText({
          officeUrl: 'https://10.0.0.7:5180',
          code: 'WXYZ-6789',
          sha256: PIN,
        });
        const { outcome, requests, store } = await enrolWith({
          officeUrl: '',
          enrolmentCode: qr,
          certificateSha256: '',
        });
        expect(outcome).toMatchObject({ ok: true });
        expect(requests[0]!.code).toBe('WXYZ-6789');
        expect(await store.state()).toMatchObject({
          officeUrl: 'https://10.0.0.7:5180',
          certificatePins: { pinned: PIN, next: null },
        });
      });

      it('refuses an https address without a whole fingerprint, and plain http without the switch, sending nothing', async () => {
        const short = await enrolWith({ certificateSha256: PIN.slice(0, 40) });
        expect(short.outcome).toMatchObject({ ok: false, reason: 'bad-fingerprint' });
        expect(short.requests).toHaveLength(0);
        const plain = await enrolWith({ officeUrl: 'http://office-2' });
        expect(plain.outcome).toMatchObject({ ok: false, reason: 'insecure-http' });
        expect(plain.requests).toHaveLength(0);
        // A typed address without a scheme means https.
        const bare = await enrolWith({ officeUrl: '10.0.0.7:5180' });
        expect(bare.outcome).toMatchObject({ ok: true });
        expect((await bare.store.state()).officeUrl).toBe('https://10.0.0.7:5180');
      });
    });
  });
});
