import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/contracts/canonical-json.ts';
import type { PushItem, SyncItemKind } from '../../shared/contracts/sync.ts';

export const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

let unnumbered = 0;

/**
 * A dossier payload as the kiosk would push it (raw JSON, before defaults). Its code is
 * `H12.34-261121-<n>`, or a code no other call in this process gets when no n is given
 * (the office refuses a code it holds for another dossier).
 */
export function dossierPayload(overrides: Record<string, unknown> = {}, n?: number): Record<string, unknown> {
  return {
    id: randomUUID(),
    code:
      n === undefined
        ? `H12.35-261121-${String(++unnumbered).padStart(4, '0')}`
        : `H12.34-261121-${String(n).padStart(4, '0')}`,
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
