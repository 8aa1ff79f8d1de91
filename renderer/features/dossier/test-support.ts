/** Shared fixtures for the data-layer tests (fake-indexeddb, a birth registration). */
import { getForm } from '../../../shared/forms/registry.ts';
import { initialValues } from '../../../shared/forms/engine.ts';
import { findProcedure } from '../../../shared/catalogue/index.ts';
import { testProfile, vn } from '../../../shared/domain/test-support.ts';
import { newId, openKioskDb, type KioskDb } from '../../db/db.ts';
import type { SubmitDossierInput } from './submit.ts';
import { saveDraft } from './drafts.ts';
import { bindDayKeys, type DayKeys } from './at-rest.ts';

export const birthForm = getForm('birth-registration')!;
export const birthProcedure = findProcedure('1.001193')!;
export const profile = testProfile();
export { vn };

export function birthValues(): Record<string, string> {
  return {
    ...initialValues(birthForm),
    'requester.fullName': 'Nguye\u0302\u0303n Thi\u0323 Hoa'.normalize('NFD'),
    'requester.residence.province': '01',
    'requester.residence.commune': '00565',
    'requester.residence.detail': 'Thôn Đông',
    'requester.personalId': '001300123456',
    'requester.relationship': 'mother',
    'requester.phone': '0912345678',
    'child.fullName': 'Lê Minh An',
    'child.dateOfBirth': '01/11/2026',
    'child.sex': 'male',
    'child.placeOfBirth': 'Bệnh viện Đa khoa Gia Lâm',
    'child.hometown': 'Gia Lâm, Hà Nội',
    'mother.fullName': 'Nguyễn Thị Hoa',
    'mother.birthYear': '2000',
    'mother.residence.province': '01',
    'mother.residence.commune': '00565',
    'mother.residence.detail': 'Thôn Đông',
    'father.undetermined': 'true',
  };
}

export const KIOSK_ID = '5d0c7a57-3f1e-4d55-9b0e-0a4f8b6c2d11';

export function submitInput(now: Date, overrides: Partial<SubmitDossierInput> = {}): SubmitDossierInput {
  return {
    draft: { id: newId(), formData: birthValues() },
    profile,
    procedure: birthProcedure,
    form: birthForm,
    volunteerId: null,
    kioskId: KIOSK_ID,
    kioskNumber: 1,
    attachments: [],
    now,
    ...overrides,
  };
}

/** A submit input whose draft is already saved, as the wizard leaves it before submitting. */
export async function submitInputWithDraft(db: KioskDb, now: Date): Promise<SubmitDossierInput> {
  const input = submitInput(now);
  const saved = await saveDraft(
    {
      id: input.draft.id,
      procedureCode: '1.001193',
      formId: 'birth-registration',
      formData: input.draft.formData,
      step: 5,
    },
    { db },
  );
  if (!saved.ok) throw new Error(`draft not saved: ${saved.reason}`);
  return input;
}

/** A fresh database per test, named uniquely so tests never share state. */
/**
 * At-rest keys held in memory, as main would hold them on disk (real WebCrypto keys,
 * non-extractable): for tests and benchmarks that run without main.
 */
export function memoryDayKeys(): DayKeys & { days(): string[] } {
  const keys = new Map<string, Promise<CryptoKey>>();
  let floor = '';
  const make = () =>
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return {
    async sealing(day) {
      const effective = day < floor ? floor : day;
      if (!keys.has(effective)) keys.set(effective, make());
      return { day: effective, key: await keys.get(effective)! };
    },
    async opening(day) {
      return (await keys.get(day)) ?? null;
    },
    async shredBefore(day) {
      if (day > floor) floor = day;
      const gone = [...keys.keys()].filter((d) => d < day);
      for (const d of gone) keys.delete(d);
      return gone.length;
    },
    days: () => [...keys.keys()].sort(),
  };
}

/** A fresh database whose rows are sealed with keys in memory (or the ones given). */
export function freshDb(name = `test-${newId()}`, keys: DayKeys = memoryDayKeys()): KioskDb {
  const db = openKioskDb(name);
  bindDayKeys(db, keys);
  return db;
}

export async function dropDb(db: KioskDb): Promise<void> {
  db.close();
  await db.delete();
}

/** Plenty of space: tests decide the storage answer instead of the machine. */
export const roomy = { estimate: async () => ({ quota: 10e9, usage: 0 }) };
