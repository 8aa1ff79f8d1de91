import { describe, expect, it } from 'vitest';
import { DossierSchema } from '../domain/dossier.ts';
import {
  INITIAL_DOSSIER_CODE_STATE,
  nextDossierCode,
  parseDossierCode,
  type DossierCodeState,
} from './dossier-code.ts';

const AGENCY = 'H42.18562';

function issue(state: DossierCodeState, isoUtc: string, kiosk = 2) {
  return nextDossierCode(state, new Date(isoUtc), AGENCY, kiosk);
}

describe('nextDossierCode', () => {
  it('numbers a day from 0001 with the Vietnam date', () => {
    const a = issue(INITIAL_DOSSIER_CODE_STATE, '2026-11-24T02:00:00Z');
    expect(a.code).toBe('H42.18562.K02-261124-0001');
    const b = issue(a.state, '2026-11-24T09:00:00Z');
    expect(b.code).toBe('H42.18562.K02-261124-0002');
    expect(b.state).toEqual({ lastDate: '2026-11-24', lastSeq: 2 });
  });

  it('restarts at Vietnam midnight, not UTC midnight (tests run in UTC)', () => {
    // 16:59 UTC = 23:59 in Vietnam on the 24th; 17:00 UTC = 00:00 on the 25th.
    const late = issue({ lastDate: '2026-11-24', lastSeq: 41 }, '2026-11-24T16:59:00Z');
    expect(late.code).toBe('H42.18562.K02-261124-0042');
    const midnight = issue(late.state, '2026-11-24T17:00:00Z');
    expect(midnight.code).toBe('H42.18562.K02-261125-0001');
    // Still the 24th in UTC, but the 25th in Vietnam: no reset back.
    const next = issue(midnight.state, '2026-11-24T18:00:00Z');
    expect(next.code).toBe('H42.18562.K02-261125-0002');
  });

  it('survives a restart: the stored state is all it needs', () => {
    let state = INITIAL_DOSSIER_CODE_STATE;
    for (let i = 0; i < 3; i++) state = issue(state, '2026-11-24T03:00:00Z').state;
    const stored = JSON.parse(JSON.stringify(state)) as DossierCodeState; // as persisted with the dossier
    expect(issue(stored, '2026-11-24T04:00:00Z').code).toBe('H42.18562.K02-261124-0004');
    // Next working day after a weekend off.
    expect(issue(stored, '2026-11-27T01:00:00Z').code).toBe('H42.18562.K02-261127-0001');
  });

  it('does not restart when the clock goes back a day', () => {
    const state: DossierCodeState = { lastDate: '2026-11-25', lastSeq: 5 };
    const r = issue(state, '2026-11-24T03:00:00Z');
    expect(r.code).toBe('H42.18562.K02-261124-0006');
    expect(r.state).toEqual({ lastDate: '2026-11-25', lastSeq: 6 });
  });

  it('two kiosks of one office never collide offline', () => {
    const k1 = issue(INITIAL_DOSSIER_CODE_STATE, '2026-11-24T03:00:00Z', 1).code;
    const k2 = issue(INITIAL_DOSSIER_CODE_STATE, '2026-11-24T03:00:00Z', 2).code;
    expect(k1).not.toBe(k2);
  });

  it('goes past 9999 without breaking the pattern', () => {
    expect(issue({ lastDate: '2026-11-24', lastSeq: 9999 }, '2026-11-24T03:00:00Z').code).toBe(
      'H42.18562.K02-261124-10000',
    );
  });

  it('satisfies the dossier schema pattern and parses back', () => {
    const { code } = issue(INITIAL_DOSSIER_CODE_STATE, '2026-11-24T03:00:00Z', 7);
    expect(DossierSchema.shape.code.safeParse(code).success).toBe(true);
    expect(parseDossierCode(code)).toEqual({
      agencyCode: AGENCY,
      kioskNumber: 7,
      date: '2026-11-24',
      seq: 1,
    });
    expect(parseDossierCode('https://example.com')).toBeNull();
  });

  it('refuses configuration it cannot encode', () => {
    expect(() => nextDossierCode(INITIAL_DOSSIER_CODE_STATE, new Date(), 'H42-1', 1)).toThrow(RangeError);
    expect(() => nextDossierCode(INITIAL_DOSSIER_CODE_STATE, new Date(), AGENCY, 0)).toThrow(RangeError);
    expect(() => nextDossierCode(INITIAL_DOSSIER_CODE_STATE, new Date(), AGENCY, 100)).toThrow(RangeError);
  });
});
