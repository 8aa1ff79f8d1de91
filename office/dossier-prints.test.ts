import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushAnswerSchema } from '../shared/contracts/sync.ts';
import { getForm } from '../shared/forms/registry.ts';
import { sampleValues } from '../shared/print/test-support.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { OfficeProfileSchema } from '../shared/domain/office-profile.ts';
import { buildDocument } from '../renderer/features/receipt/dossier-documents.ts';
import type { DossierRow } from '../renderer/db/db.ts';
import { readPdf } from '../main/test-support/pdf.ts';
import { dossierPayload, item } from './test-support/fixtures.ts';
import { enrol, testOffice } from './test-support/office.ts';
import { Staff } from './test-support/staff-browser.ts';
import { publishConfig } from './published-config.ts';
import { dossierDocument } from './print/dossier-prints.ts';

const PROFILE = readFileSync(new URL('../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const form = getForm('certification-request')!;
const payload = dossierPayload({
  procedureCode: form.procedures[0],
  formId: form.id,
  formData: sampleValues(form),
  applicantName: 'Nguyễn Thị Đào',
  receivedAt: '2026-11-23T08:10:00+07:00',
  dueAt: '2026-11-23T16:30:00+07:00',
});
const id = String(payload.id);

let office: Awaited<ReturnType<typeof testOffice>>;
let staff: Staff;

beforeAll(async () => {
  office = await testOffice({ now: () => NOW });
  const { token } = await enrol(office);
  const res = await fetch(`${office.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      protocol: 1,
      appVersion: '0.1.0',
      waiting: 1,
      items: [item('dossier', payload, 1)],
    }),
  });
  expect(PushAnswerSchema.parse(await res.json()).results[0]!.outcome).toBe('stored');
  staff = new Staff(office.url);
  await staff.signIn();
}, 60_000);
afterAll(async () => office.cleanup());

describe('reprinting a dossier at the desk', () => {
  it('says why it cannot before a kiosk configuration is published, where the officer looks', async () => {
    const res = await staff.req(`/dossiers/${id}/print/receipt.pdf?lang=vi`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(
      'role="alert">Chưa in lại được: cơ quan chưa phát hành cấu hình ki-ốt',
    );
  });

  it('builds the same declaration and receipt the kiosk built for the dossier', async () => {
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    expect(await publishConfig(office.database.db, 'profile', PROFILE, Number(admin.id), NOW)).toMatchObject({
      ok: true,
    });
    const row = { ...payload, createdAt: String(payload.receivedAt) } as unknown as DossierRow;
    const procedure = CATALOGUE.procedures.find((p) => p.code === payload.procedureCode)!;
    const profile = OfficeProfileSchema.parse(JSON.parse(PROFILE));
    for (const kind of ['declaration', 'receipt'] as const) {
      const atOffice = await dossierDocument(office.database.db, id, kind);
      const atKiosk = await buildDocument(kind, profile, procedure, row, 'vi');
      expect(atOffice.ok && atOffice.doc).toEqual(atKiosk);
    }
  });

  it('reprints with the profile in force when the dossier was received, not one published since', async () => {
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const renamed = (name: string) => {
      const profile = JSON.parse(PROFILE) as { office: { name: string } };
      profile.office.name = name;
      return JSON.stringify(profile);
    };
    const receiptHtml = (doc: Awaited<ReturnType<typeof dossierDocument>>) => (doc.ok ? doc.doc.html : '');
    const first = OfficeProfileSchema.parse(JSON.parse(PROFILE)).office.name;
    // Published after the receipt (08:10): the dossier was printed before any of these.
    const later = renamed('Trung tâm Phục vụ hành chính công xã Gia Lâm (đổi tên)');
    expect(
      await publishConfig(office.database.db, 'profile', later, Number(admin.id), NOW + 3_600_000),
    ).toMatchObject({
      ok: true,
    });
    const afterRename = receiptHtml(await dossierDocument(office.database.db, id, 'receipt'));
    expect(afterRename).toContain(first);
    expect(afterRename).not.toContain('(đổi tên)');
    // A version published at or before the receipt is the one in force then.
    const before = renamed('Bộ phận Một cửa xã Gia Lâm (bản trước)');
    expect(
      await publishConfig(
        office.database.db,
        'profile',
        before,
        Number(admin.id),
        Date.parse('2026-11-23T08:00:00+07:00'),
      ),
    ).toMatchObject({ ok: true });
    expect(receiptHtml(await dossierDocument(office.database.db, id, 'receipt'))).toContain('(bản trước)');
  });

  it('serves them as PDFs with the dossier in them, behind sign-in', async () => {
    for (const kind of ['declaration', 'receipt']) {
      const res = await staff.req(`/dossiers/${id}/print/${kind}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(String(payload.code));
    }
    expect((await new Staff(office.url).req(`/dossiers/${id}/print/receipt.pdf`)).status).toBe(303);
    expect((await staff.req(`/dossiers/${id}/print/letter.pdf`)).status).toBe(400);
  }, 60_000);
});
