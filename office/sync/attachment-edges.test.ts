import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testOffice, enrol, ADMIN_PASSWORD } from '../test-support/office.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { dossierPayload, item, sha256 } from '../test-support/fixtures.ts';
import { collectUnreferencedAttachments, putChunk, UNREFERENCED_ATTACHMENT_GRACE_MS } from './attachments.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/** Issue 11, item 5: attachment bytes only when announced, orphans collected, served as downloads. */
forEachDatabase('attachment edges', (target) => {
  let office: Office;
  let a: { kioskId: string; token: string };
  let b: { kioskId: string; token: string };
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    a = await enrol(office, 'Kiosk A');
    b = await enrol(office, 'Kiosk B');
  }, 60_000);
  afterAll(async () => office.cleanup());

  const put = (token: string, hash: string, bytes: Uint8Array, total = bytes.length) =>
    fetch(`${office.url}/api/sync/attachments/${hash}?offset=0&total=${total}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: new Uint8Array(bytes),
    });
  const announce = async (token: string, bytes: Uint8Array, fileName: string, mediaType = 'image/png') => {
    const hash = sha256(bytes);
    const dossier = dossierPayload({ attachmentHashes: [hash] });
    const meta = { id: randomUUID(), dossierId: dossier.id, hash, size: bytes.length, mediaType, fileName };
    const res = await fetch(`${office.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: 1,
        appVersion: '0.1.0',
        waiting: 2,
        items: [item('dossier', dossier, 1), item('attachment-meta', meta, 2)],
      }),
    });
    expect(res.status).toBe(200);
    return hash;
  };

  it("takes bytes only for a hash this kiosk announced, with the announced size; another kiosk's announcement does not count", async () => {
    const bytes = new Uint8Array(3000).fill(3);
    const hash = sha256(bytes);
    expect((await put(a.token, hash, bytes)).status).toBe(403);
    await announce(a.token, bytes, 'a.png');
    expect((await put(b.token, hash, bytes)).status).toBe(403);
    expect((await put(a.token, hash, bytes.subarray(0, 1000), 25 * 1024 * 1024)).status).toBe(403);
    const stored = await office.database.db
      .selectFrom('attachments')
      .select('hash')
      .where('hash', '=', hash)
      .execute();
    expect(stored).toEqual([]);
    const ok = await put(a.token, hash, bytes);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ complete: true, received: 3000 });
  });

  it('collects bytes no announcement refers to once the grace period has passed, and keeps the rest', async () => {
    const db = office.database.db;
    const orphan = new Uint8Array(500).fill(9);
    const kept = new Uint8Array(600).fill(8);
    const t0 = Date.parse('2026-11-30T02:00:00Z');
    // Bytes stored without an announcement (as before announcements were required).
    expect((await putChunk(db, sha256(orphan), 0, orphan.length, orphan, t0)).ok).toBe(true);
    const keptHash = await announce(a.token, kept, 'kept.png');
    expect((await putChunk(db, keptHash, 0, kept.length, kept, t0)).ok).toBe(true);
    expect(await collectUnreferencedAttachments(db, t0 + UNREFERENCED_ATTACHMENT_GRACE_MS - 1)).toBe(0);
    expect(await collectUnreferencedAttachments(db, t0 + UNREFERENCED_ATTACHMENT_GRACE_MS + 1)).toBe(1);
    const left = async (table: 'attachments' | 'attachment_chunks', hash: string) =>
      (await db.selectFrom(table).select('hash').where('hash', '=', hash).execute()).length;
    expect(await left('attachments', sha256(orphan))).toBe(0);
    expect(await left('attachment_chunks', sha256(orphan))).toBe(0);
    expect(await left('attachments', keptHash)).toBe(1);
    expect(await left('attachment_chunks', keptHash)).toBe(1);
  });

  it('serves an attachment to staff as a download inside a CSP sandbox, never inline', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const hash = await announce(a.token, svg, 'ảnh "giấy tờ".png');
    expect((await put(a.token, hash, svg)).status).toBe(200);
    // Sign in as a member of staff (cookie + CSRF, as the dashboard does).
    const jar = new Map<string, string>();
    const req = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(office.url + path, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      return res;
    };
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await req('/login')).text())![1]!;
    await req('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, username: 'admin', password: ADMIN_PASSWORD }).toString(),
    });
    const res = await req(`/attachments/${hash}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]*"; filename\*=UTF-8''/,
    );
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('ảnh "giấy tờ".png'));
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(svg);
  });
});
