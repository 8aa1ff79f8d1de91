import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './canonical-json.ts';
import {
  DossierPayloadSchema,
  EnrolRequestSchema,
  isAcknowledged,
  PushAnswerSchema,
  PushRequestSchema,
} from './sync.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":"x","z":0}]},"b":1}',
    );
  });
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: 'Nguyễn', y: true })).toBe(canonicalJson({ y: true, x: 'Nguyễn' }));
  });
  it('omits undefined keys and refuses values JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError);
  });
  it('hashes with the injected sha256 (RFC 8785 example ordering of numbers)', async () => {
    expect(canonicalJson([1e21, 0.1, -0, 10])).toBe('[1e+21,0.1,0,10]');
    expect(await contentHash({ b: 1, a: 2 }, sha)).toBe(sha('{"a":2,"b":1}'));
  });
});

const dossier = {
  id: '6f1c1f8e-5d7a-4f0e-9a63-2b4f7d1e9c10',
  code: 'H12.34-261121-0001',
  kioskId: 'kiosk-1',
  procedureCode: '2.000815',
  models: ['no-appointment'],
  formId: 'birth',
  formData: { name: '<b>Lê</b>' },
  applicantName: 'Lê Văn A',
  volunteerId: null,
  receivedAt: '2026-11-21T08:00:00+07:00',
  dueAt: '2026-11-21T16:30:00+07:00',
};

describe('sync schemas', () => {
  it('accepts a dossier payload and rejects unknown keys', () => {
    expect(DossierPayloadSchema.safeParse(dossier).success).toBe(true);
    expect(DossierPayloadSchema.safeParse({ ...dossier, extra: 1 }).success).toBe(false);
  });
  it('rejects a batch with the same id twice or over the size limit', () => {
    const item = { kind: 'dossier', id: dossier.id, seq: 1, hash: 'a'.repeat(64), payload: dossier };
    const base = { protocol: 1, appVersion: '0.1.0', waiting: 1 };
    expect(PushRequestSchema.safeParse({ ...base, items: [item] }).success).toBe(true);
    expect(PushRequestSchema.safeParse({ ...base, items: [item, { ...item, seq: 2 }] }).success).toBe(false);
    expect(PushRequestSchema.safeParse({ ...base, items: Array(201).fill(item) }).success).toBe(false);
  });
  it('acknowledges only stored/duplicate answers echoing id and hash', () => {
    const item = { id: dossier.id, hash: 'a'.repeat(64) };
    const at = '2026-11-21T01:00:00.000Z';
    expect(
      isAcknowledged(item, { outcome: 'stored', id: item.id, hash: item.hash, officeReceivedAt: at }),
    ).toBe(true);
    expect(
      isAcknowledged(item, { outcome: 'duplicate', id: item.id, hash: item.hash, officeReceivedAt: at }),
    ).toBe(true);
    expect(
      isAcknowledged(item, { outcome: 'stored', id: item.id, hash: 'b'.repeat(64), officeReceivedAt: at }),
    ).toBe(false);
    expect(
      isAcknowledged(item, { outcome: 'conflict', id: item.id, hash: item.hash, storedHash: 'b'.repeat(64) }),
    ).toBe(false);
    expect(isAcknowledged(item, undefined)).toBe(false);
  });
  it('takes an optional positive firstSeq at enrolment (absent from older kiosks)', () => {
    const base = { protocol: 1, code: 'ABCD-2345', deviceName: 'Kiosk', appVersion: '0.1.0' };
    expect(EnrolRequestSchema.parse(base).firstSeq).toBeUndefined();
    expect(EnrolRequestSchema.parse({ ...base, firstSeq: 6 }).firstSeq).toBe(6);
    for (const bad of [0, -1, 1.5, '6', null])
      expect(EnrolRequestSchema.safeParse({ ...base, firstSeq: bad }).success, String(bad)).toBe(false);
  });
  it('does not take an HTML page for an answer', () => {
    expect(PushAnswerSchema.safeParse('<html>login</html>').success).toBe(false);
  });
});
