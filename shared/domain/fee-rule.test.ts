import { describe, expect, it } from 'vitest';
import { findProcedure } from '../catalogue/procedures.ts';
import { declaredFeeBasis } from '../forms/fee-basis.ts';
import { CERTIFIED_COPY_FEE, SIGNATURE_FEE, feeAmount, feeRuleFor, type FeeRule } from './fee-rule.ts';

describe('feeAmount', () => {
  const rows: [string, FeeRule, number | null, number | null, number | null][] = [
    // [what, rule, papers, pages per copy, amount]
    ['copy: 1 page', CERTIFIED_COPY_FEE, 1, 1, 2_000],
    ['copy: 2 pages', CERTIFIED_COPY_FEE, 1, 2, 4_000],
    ['copy: 3 pages (3rd at 1.000)', CERTIFIED_COPY_FEE, 1, 3, 5_000],
    ['copy: 10 pages', CERTIFIED_COPY_FEE, 1, 10, 12_000],
    ['copy: 2 copies of 3 pages', CERTIFIED_COPY_FEE, 2, 3, 10_000],
    ['copy: 198 pages reach the cap', CERTIFIED_COPY_FEE, 1, 198, 200_000],
    ['copy: 197 pages, just under', CERTIFIED_COPY_FEE, 1, 197, 199_000],
    ['copy: 500 pages capped per copy', CERTIFIED_COPY_FEE, 1, 500, 200_000],
    ['copy: 3 copies of 500 pages', CERTIFIED_COPY_FEE, 3, 500, 600_000],
    ['copy: pages not declared', CERTIFIED_COPY_FEE, 1, null, null],
    ['copy: copies not declared', CERTIFIED_COPY_FEE, null, 2, null],
    ['copy: 0 copies', CERTIFIED_COPY_FEE, 0, 2, null],
    ['signature: 1 paper', SIGNATURE_FEE, 1, null, 10_000],
    ['signature: 3 papers', SIGNATURE_FEE, 3, null, 30_000],
    ['signature: papers not declared', SIGNATURE_FEE, null, null, null],
    ['free', { kind: 'free' }, 2, 2, 0],
    ['office fee per dossier', { kind: 'per-dossier', amountVnd: 10_000 }, 4, null, 10_000],
    ['unknown', { kind: 'unknown' }, 1, 1, null],
  ];
  it.each(rows)('%s', (_what, rule, papers, pagesPerCopy, amount) => {
    expect(feeAmount(rule, { papers, pagesPerCopy })).toBe(amount);
  });
});

describe('feeRuleFor', () => {
  const proc = (code: string) => findProcedure(code)!;
  it('uses the national rule for certification, free where the catalogue says free', () => {
    expect(feeRuleFor(proc('2.000815'))).toEqual(CERTIFIED_COPY_FEE);
    expect(feeRuleFor(proc('2.000884'))).toEqual(SIGNATURE_FEE);
    expect(feeRuleFor(proc('2.000908'))).toEqual({ kind: 'free' });
  });
  it('never turns a "common case" figure into a fixed amount (30.000, some provinces 20.000)', () => {
    expect(feeRuleFor(proc('2.000913'))).toEqual({ kind: 'unknown' });
    expect(feeRuleFor(proc('1.004873'))).toEqual({ kind: 'unknown' });
  });
  it("takes the office's own fee first", () => {
    const fee = (amountVnd: number | null) => ({ amountVnd, description: { vi: 'x', en: 'x' } });
    expect(feeRuleFor(proc('1.004873'), fee(10_000))).toEqual({ kind: 'per-dossier', amountVnd: 10_000 });
    expect(feeRuleFor(proc('2.000913'), fee(0))).toEqual({ kind: 'free' });
    expect(feeRuleFor(proc('2.000913'), fee(null))).toEqual({ kind: 'unknown' });
  });
});

describe('declaredFeeBasis', () => {
  it('reads copies and pages of a certified copy', () => {
    expect(
      declaredFeeBasis('certification-request', '2.000815', {
        'request.kind': 'copy',
        'request.copies': '2',
        'request.pagesPerCopy': '3',
      }),
    ).toEqual({ procedureCode: '2.000815', quantities: { papers: 2, pagesPerCopy: 3 } });
  });
  it('follows the declared kind, not the procedure the form was opened from', () => {
    expect(
      declaredFeeBasis('certification-request', '2.000815', {
        'request.kind': 'fingerprint',
        'request.copies': '2',
        'request.pagesPerCopy': '3',
      }),
    ).toEqual({ procedureCode: '2.000884', quantities: { papers: 2, pagesPerCopy: null } });
  });
  it('counts nothing it cannot read', () => {
    expect(
      declaredFeeBasis('certification-request', '2.000815', {
        'request.kind': 'copy',
        'request.copies': 'hai',
      }),
    ).toEqual({ procedureCode: '2.000815', quantities: { papers: null, pagesPerCopy: null } });
    expect(declaredFeeBasis('birth-registration', '1.001193', {})).toEqual({
      procedureCode: '1.001193',
      quantities: { papers: null, pagesPerCopy: null },
    });
  });
});
