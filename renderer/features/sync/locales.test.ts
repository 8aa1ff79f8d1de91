import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { SYNC_ENROL_FAILURES, SYNC_FAILURES } from '../../../shared/contracts/bridge.ts';

function flat(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? flat(v as object, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

describe('sync namespace', () => {
  it('has the same keys in vi and en, none empty', () => {
    expect(
      flat(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      flat(vi)
        .map(([k]) => k)
        .sort(),
    );
    for (const [k, v] of [...flat(vi), ...flat(en)])
      expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
  });

  it('has a text for every failure the bridge can report', () => {
    const keys = new Set(flat(vi).map(([k]) => k));
    for (const reason of [...SYNC_ENROL_FAILURES, 'failed'])
      expect(keys, reason).toContain(`enrol.errors.${reason}`);
    for (const failure of [...SYNC_FAILURES, 'bridge'])
      expect(keys, failure).toContain(`status.problem.${failure}`);
  });
});
