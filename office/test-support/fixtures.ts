import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import type { PushItem, SyncItemKind } from '../../shared/contracts/sync.ts';

export const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** A dossier payload as the kiosk would push it (raw JSON, before defaults). */
export function dossierPayload(overrides: Record<string, unknown> = {}, n = 1): Record<string, unknown> {
  return {
    id: randomUUID(),
    code: `H12.34-261121-${String(n).padStart(4, '0')}`,
    kioskId: 'kiosk-a',
    procedureCode: '2.000815',
    models: ['no-appointment', 'no-writing'],
    formId: 'birth-registration',
    formData: { 'child.name': 'Nguyễn Văn An', 'child.dob': '20/11/2026' },
    applicantName: 'Nguyễn Thị Bình',
    volunteerId: null,
    receivedAt: '2026-11-23T08:00:00+07:00',
    dueAt: '2026-11-23T16:30:00+07:00',
    attachmentHashes: [],
    ...overrides,
  };
}

export function item(kind: SyncItemKind, payload: Record<string, unknown>, seq: number): PushItem {
  return { kind, id: String(payload.id), seq, hash: sha256(canonicalJson(payload)), payload };
}
