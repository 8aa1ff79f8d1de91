import { describe, expect, it } from 'vitest';
import type { DossierRow } from '../../db/db.ts';
import { ageOf, localMatch, lookupView, type LookupInput } from './lookup-view.ts';

const now = new Date('2026-11-24T05:32:00Z'); // 12:32 in Vietnam
const CODE = 'H01.00565.K01-261124-0003';

function row(over: Partial<DossierRow> = {}): DossierRow {
  return {
    id: '6f1c0f7e-1d0a-4a3c-9e0b-2b6f3c1d2e4f',
    code: CODE,
    kioskId: 'kiosk-1',
    procedureCode: '1.001193',
    models: ['khong-viet'],
    formId: 'birth-registration',
    formData: { 'requester.fullName': 'Nguyễn Thị Hoa', 'requester.personalId': '001300123456' },
    applicantName: 'Nguyễn Thị Hoa',
    volunteerId: null,
    receivedAt: '2026-11-24T08:05:00+07:00',
    dueAt: '2026-11-24T17:00:00+07:00',
    attachmentHashes: [],
    createdAt: '2026-11-24T01:05:00.000Z',
    acknowledgedAt: null,
    officeStatus: null,
    ...over,
  } as DossierRow;
}

const input = (over: Partial<LookupInput> = {}): LookupInput => ({
  code: CODE,
  local: row(),
  remote: null,
  lastPullAt: null,
  procedureName: (code) =>
    code === '1.001193' ? { vi: 'Đăng ký khai sinh', en: 'Birth registration' } : null,
  now,
  ...over,
});

describe('status look-up view', () => {
  it('a dossier not yet sent is on this kiosk, waiting; no time from the office', () => {
    const v = lookupView(input({ code: `  ${CODE}\n` }));
    expect(v).toMatchObject({
      kind: 'found',
      code: CODE,
      state: 'waiting',
      status: null,
      updatedAt: null,
      age: null,
      initials: 'N.T.H.',
      procedure: { code: '1.001193', name: { vi: 'Đăng ký khai sinh' } },
    });
  });

  it('shows the status as last synced and how old it is (the later of the last pull and the change)', () => {
    const local = row({
      acknowledgedAt: '2026-11-24T01:10:00.000Z',
      officeStatus: { status: 'result-ready', reason: null, changedAt: '2026-11-24T10:00:00+07:00' },
    });
    const v = lookupView(input({ local, lastPullAt: '2026-11-24T03:32:00.000Z' }));
    expect(v).toMatchObject({
      state: 'status',
      status: 'result-ready',
      updatedAt: '2026-11-24T03:32:00.000Z',
      age: { unit: 'hours', count: 2 },
    });
    // A pull older than the change (clocks differ): the change time is the freshest we know.
    const older = lookupView(input({ local, lastPullAt: '2026-11-24T02:00:00.000Z' }));
    expect(older).toMatchObject({ updatedAt: '2026-11-24T10:00:00+07:00', age: { unit: 'hours', count: 2 } });
  });

  it('acknowledged with no status yet says the office has it, as of the last contact', () => {
    const local = row({ acknowledgedAt: '2026-11-24T05:00:00.000Z' });
    expect(lookupView(input({ local }))).toMatchObject({
      state: 'sent',
      status: null,
      updatedAt: '2026-11-24T05:00:00.000Z',
      age: { unit: 'minutes', count: 32 },
    });
  });

  it('a refusal carries its reason', () => {
    const local = row({
      acknowledgedAt: '2026-11-24T01:10:00.000Z',
      officeStatus: {
        status: 'refused',
        reason: 'Thiếu giấy chứng sinh',
        changedAt: '2026-11-24T11:00:00+07:00',
      },
    });
    expect(lookupView(input({ local }))).toMatchObject({
      status: 'refused',
      reason: 'Thiếu giấy chứng sinh',
    });
  });

  it("a live answer from the office wins, and another kiosk's dossier shows without personal data", () => {
    const remote = {
      info: {
        dossierId: '0b9a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        code: 'H01.00565.K02-261124-0001',
        status: 'processing' as const,
        reason: null,
        changedAt: '2026-11-24T09:00:00+07:00',
      },
      asOf: '2026-11-24T12:31:30+07:00',
    };
    const v = lookupView(input({ code: 'H01.00565.K02-261124-0001', local: null, remote }));
    expect(v).toEqual({
      kind: 'found',
      code: 'H01.00565.K02-261124-0001',
      procedure: null,
      initials: null,
      receivedAt: null,
      state: 'status',
      status: 'processing',
      reason: null,
      updatedAt: '2026-11-24T12:31:30+07:00',
      age: { unit: 'justNow', count: 0 },
    });
    // An answer about a different code is not used.
    expect(lookupView(input({ code: 'H01.00565.K09-261124-0001', local: null, remote }))).toEqual({
      kind: 'unknown',
      code: 'H01.00565.K09-261124-0001',
    });
  });

  it('unknown and empty codes', () => {
    expect(lookupView(input({ code: 'XYZ', local: null }))).toEqual({ kind: 'unknown', code: 'XYZ' });
    expect(lookupView(input({ code: '  ', local: null }))).toEqual({ kind: 'empty' });
  });

  it('a purged dossier still shows its initials whole', () => {
    const local = row({
      formData: {},
      applicantName: 'N. T. H.',
      acknowledgedAt: '2026-10-01T00:00:00.000Z',
    });
    expect(lookupView(input({ local }))).toMatchObject({ initials: 'N.T.H.', state: 'sent' });
  });

  it('ages in minutes, hours and days', () => {
    expect(ageOf('2026-11-24T05:31:30Z', now)).toEqual({ unit: 'justNow', count: 0 });
    expect(ageOf('2026-11-24T05:00:00Z', now)).toEqual({ unit: 'minutes', count: 32 });
    expect(ageOf('2026-11-23T06:00:00Z', now)).toEqual({ unit: 'hours', count: 23 });
    expect(ageOf('2026-11-21T05:00:00Z', now)).toEqual({ unit: 'days', count: 3 });
  });

  it('asks for the receipt QR when the code comes without its check part', () => {
    expect(lookupView(input({ withoutKey: true }))).toEqual({
      kind: 'needs-qr',
      code: CODE,
    });
  });

  it("shows the kiosk's own dossier only with its receipt's check part", () => {
    const key = '7KQ4M2XD9PTA3F6B';
    const own = row({ lookupKey: key });
    expect(localMatch(own, key)).toBe(own);
    expect(localMatch(own, '7KQ4M2XD9PTA3F6C')).toBeNull();
    expect(localMatch(own, null)).toBeNull();
    // A dossier from before check parts: not by its code alone.
    expect(localMatch(row(), key)).toBeNull();
  });
});
