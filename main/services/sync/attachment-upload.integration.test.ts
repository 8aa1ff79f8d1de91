/**
 * The engine's attachment upload steps (renderer/features/sync/attachment-upload.ts)
 * through the real transport to the real office on 127.0.0.1: a fresh attachment costs
 * one request (no state look-up); an upload cut short resumes from what the office holds;
 * bytes for a hash not announced yet are refused as this request's fault, never as a
 * lost enrolment.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, testOffice } from '../../../office/test-support/office.ts';
import { dossierPayload, item, sha256 } from '../../../office/test-support/fixtures.ts';
import { putChunk } from '../../../office/sync/attachments.ts';
import {
  uploadAttachment,
  type AttachmentChannel,
} from '../../../renderer/features/sync/attachment-upload.ts';
import type { AttachmentState } from '../../../shared/contracts/sync.ts';
import { createSyncTransport, type SyncTransport, type TransportResult } from '../sync-transport.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
let office: Office;
let kioskId: string;
let transport: SyncTransport;
const requests: string[] = [];
let seq = 0;

function channel(): AttachmentChannel {
  const answer = (r: TransportResult<AttachmentState>) =>
    r.ok
      ? { ok: true as const, state: r.value }
      : { ok: false as const, failure: r.failure.kind, reasons: r.failure.reasons };
  return {
    state: async (h) => answer(await transport.attachmentState(h)),
    put: async (h, o, t, c) => answer(await transport.putChunk(h, o, t, c)),
  };
}

async function announce(bytes: Uint8Array): Promise<string> {
  const hash = sha256(bytes);
  const dossier = dossierPayload({ attachmentHashes: [hash] });
  const meta = {
    id: randomUUID(),
    dossierId: dossier.id,
    hash,
    size: bytes.length,
    mediaType: 'image/jpeg',
    fileName: 'anh.jpg',
  };
  const r = await transport.push({
    protocol: 1,
    appVersion: '0.1.0',
    waiting: 2,
    items: [item('dossier', dossier, ++seq), item('attachment-meta', meta, ++seq)],
  });
  if (!r.ok) throw new Error(r.failure.reasons.join());
  return hash;
}

beforeAll(async () => {
  office = await testOffice();
  const enrolled = await enrol(office);
  kioskId = enrolled.kioskId;
  transport = createSyncTransport({
    baseUrl: office.url,
    getToken: () => enrolled.token,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/')[3]}`);
      return fetch(input, init);
    },
  });
}, 60_000);
afterAll(async () => office.cleanup());

describe('attachment upload steps against the office', () => {
  it('sends a fresh attachment at once, in chunks, without asking the office first', async () => {
    const bytes = new Uint8Array(randomBytes(150 * 1024));
    const hash = await announce(bytes);
    requests.length = 0;
    const outcome = await uploadAttachment(channel(), hash, bytes, { started: false, chunkBytes: 64 * 1024 });
    expect(outcome).toEqual({ ok: true, complete: true });
    expect(requests).toEqual(['PUT attachments', 'PUT attachments', 'PUT attachments']);
    const row = await office.database.db
      .selectFrom('attachments')
      .select(['complete', 'received'])
      .where('hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect([row.complete, Number(row.received)]).toEqual([1, bytes.length]);
  });

  it('resumes an upload cut short: offset 0 overlaps what the office holds (409), so it asks once and goes on from there', async () => {
    const bytes = new Uint8Array(randomBytes(100 * 1024));
    const hash = await announce(bytes);
    // An earlier session sent 40 KiB, then the kiosk lost its note that it had started.
    const first = await putChunk(
      office.database.db,
      hash,
      0,
      bytes.length,
      bytes.subarray(0, 40 * 1024),
      Date.now(),
      kioskId,
    );
    expect(first.ok).toBe(true);
    requests.length = 0;
    const outcome = await uploadAttachment(channel(), hash, bytes, { started: false, chunkBytes: 64 * 1024 });
    expect(outcome).toEqual({ ok: true, complete: true });
    expect(requests).toEqual(['PUT attachments', 'GET attachments', 'PUT attachments']);
  });

  it('asks first for an upload it had started, and sends nothing for one the office already holds', async () => {
    const bytes = new Uint8Array(randomBytes(10 * 1024));
    const hash = await announce(bytes);
    expect(await uploadAttachment(channel(), hash, bytes, { started: false, chunkBytes: 64 * 1024 })).toEqual(
      {
        ok: true,
        complete: true,
      },
    );
    requests.length = 0;
    expect(await uploadAttachment(channel(), hash, bytes, { started: true, chunkBytes: 64 * 1024 })).toEqual({
      ok: true,
      complete: true,
    });
    expect(requests).toEqual(['GET attachments']);
  });

  it('answers bytes for a hash not announced yet as rejected (the request), not unauthorised (the enrolment)', async () => {
    const bytes = new Uint8Array(randomBytes(2048));
    const put = await transport.putChunk(sha256(bytes), 0, bytes.length, bytes);
    expect(put.ok).toBe(false);
    if (!put.ok) expect(put.failure).toMatchObject({ kind: 'rejected', status: 403, retryable: false });
    const outcome = await uploadAttachment(channel(), sha256(bytes), bytes, {
      started: false,
      chunkBytes: 64 * 1024,
    });
    expect(outcome).toEqual({ ok: true, complete: false });
  });
});
