import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskDb } from '../../db/db.ts';
import type { BridgeClient } from '../../bridge/client.ts';
import { putMeta } from '../../db/meta.ts';
import { dropDb, freshDb } from '../dossier/test-support.ts';
import { META_LAST_PULL_AS_OF, META_STATUS_CURSOR } from '../sync/engine.ts';
import { bridgeOfficeLink } from './office-link.ts';

let db: KioskDb;
afterEach(async () => dropDb(db));

const CODE = 'TEST.00565.K02-261124-0001';
const KEY = '7KQ4M2XD9PTA3F6B';
const info = {
  dossierId: '0b9a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  code: CODE,
  status: 'result-ready' as const,
  reason: null,
  changedAt: '2026-11-24T10:00:00+07:00',
};

function fakeClient(
  status: { enrolled: boolean; online: boolean; needsReEnrolment?: boolean },
  pull: (input: unknown) => Promise<unknown>,
) {
  const calls: { method: string; input: unknown }[] = [];
  const client = {
    async invoke(method: string, input: unknown) {
      calls.push({ method, input });
      if (method === 'syncStatus') return { needsReEnrolment: false, ...status };
      if (method === 'syncPull') return pull(input);
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as BridgeClient;
  return { client, calls };
}

const answer = (lookups: unknown[]) => ({
  ok: true,
  asOf: '2026-11-24T12:31:00+07:00',
  statuses: [],
  nextCursor: '7',
  more: false,
  lookups,
  profileSaved: null,
  catalogueSaved: null,
});

describe('office link of the status look-up', () => {
  it('reads when the engine last pulled, and asks the office with the engine’s cursor', async () => {
    db = freshDb();
    await putMeta(db, META_LAST_PULL_AS_OF, '2026-11-24T12:00:00+07:00');
    await putMeta(db, META_STATUS_CURSOR, '7');
    const { client, calls } = fakeClient({ enrolled: true, online: true }, async () => answer([info]));
    const link = bridgeOfficeLink(client, 1_000, { db });
    expect(await link.lastPullAt()).toBe('2026-11-24T12:00:00+07:00');
    expect(await link.lookUp(CODE, KEY)).toEqual({ info, asOf: '2026-11-24T12:31:00+07:00' });
    expect(calls.find((c) => c.method === 'syncPull')?.input).toEqual({
      cursor: '7',
      lookupRefs: [{ code: CODE, key: KEY }],
    });
  });

  it('gives up quietly: not enrolled, offline, needs re-enrolment, a failure, no answer for the code, too slow', async () => {
    db = freshDb();
    const never = () => new Promise<unknown>(() => {});
    const cases = [
      fakeClient({ enrolled: false, online: true }, async () => answer([info])),
      fakeClient({ enrolled: true, online: false }, async () => answer([info])),
      fakeClient({ enrolled: true, online: true, needsReEnrolment: true }, async () => answer([info])),
      fakeClient({ enrolled: true, online: true }, async () => ({
        ok: false,
        failure: 'offline',
        reasons: [],
      })),
      fakeClient({ enrolled: true, online: true }, async () => answer([])),
      fakeClient({ enrolled: true, online: true }, never),
      fakeClient({ enrolled: true, online: true }, async () => {
        throw new Error('bridge down');
      }),
    ];
    for (const { client } of cases)
      expect(await bridgeOfficeLink(client, 50, { db }).lookUp(CODE, KEY)).toBeNull();
    expect(await bridgeOfficeLink(cases[0]!.client, 50, { db }).lastPullAt()).toBeNull();
  });
});
