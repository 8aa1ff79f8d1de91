/**
 * What a dossier costs, computed from what was declared. A fee is put in a transfer QR
 * only when this can compute it exactly; otherwise the QR carries no amount and the
 * citizen (or the desk) enters it — a wrong fixed amount is never shown.
 */
import type { Fee, Procedure } from './procedure.ts';

/**
 * How a fee is counted.
 * - `free`: nothing to pay.
 * - `per-dossier`: one amount whatever was declared (a fee an office set in its profile).
 * - `per-paper`: an amount for each paper (copy) declared.
 * - `per-page`: per page of each copy, the first `firstPages` pages at `firstPagesVnd`,
 *   later pages at `laterPagesVnd`, at most `maxPerCopyVnd` per copy.
 * - `unknown`: set by the province or varying by case; not computable here.
 */
export type FeeRule =
  | { kind: 'free' }
  | { kind: 'per-dossier'; amountVnd: number }
  | { kind: 'per-paper'; amountVnd: number }
  | {
      kind: 'per-page';
      firstPages: number;
      firstPagesVnd: number;
      laterPagesVnd: number;
      maxPerCopyVnd: number;
    }
  | { kind: 'unknown' };

/**
 * Phí chứng thực, set nationally by Thông tư 226/2016/TT-BTC (biểu mức thu phí chứng thực);
 * figures as in /work/shared/DOMAIN_FACTS.md, "Procedures named in the reports".
 */
export const CERTIFIED_COPY_FEE: FeeRule = {
  // 2.000815 Chứng thực bản sao từ bản chính: 2.000 đồng/trang; từ trang thứ ba trở lên
  // 1.000 đồng/trang; tối đa 200.000 đồng/bản. Pages are counted on the original.
  kind: 'per-page',
  firstPages: 2,
  firstPagesVnd: 2_000,
  laterPagesVnd: 1_000,
  maxPerCopyVnd: 200_000,
};
/**
 * 2.000884 Chứng thực chữ ký (điểm chỉ, người không ký được): 10.000 đồng/trường hợp,
 * where a case is one or more signatures on one paper (Thông tư 226/2016/TT-BTC), so each
 * paper declared is one case.
 */
export const SIGNATURE_FEE: FeeRule = { kind: 'per-paper', amountVnd: 10_000 };

/** The national fee rules by procedure code (those whose amount depends on the declaration). */
const STATUTORY_RULES: Readonly<Record<string, FeeRule>> = {
  '2.000815': CERTIFIED_COPY_FEE,
  '2.000884': SIGNATURE_FEE,
};

/**
 * The rule for a procedure at this office: the office's own fee when its profile sets one
 * (an amount it charges per dossier, or none/unknown), else the national rule, else free
 * when the catalogue says so; anything else cannot be computed.
 */
export function feeRuleFor(procedure: Pick<Procedure, 'code' | 'fee'>, officeFee?: Fee): FeeRule {
  if (officeFee) {
    if (officeFee.amountVnd === null) return { kind: 'unknown' };
    return officeFee.amountVnd === 0
      ? { kind: 'free' }
      : { kind: 'per-dossier', amountVnd: officeFee.amountVnd };
  }
  const statutory = STATUTORY_RULES[procedure.code];
  if (statutory) return statutory;
  return procedure.fee.amountVnd === 0 ? { kind: 'free' } : { kind: 'unknown' };
}

/** What was declared that a fee counts: papers (copies) and pages per copy; null when not declared. */
export interface FeeQuantities {
  papers: number | null;
  pagesPerCopy: number | null;
}

/** The amount in đồng, 0 when free, null when it cannot be computed from what was declared. */
export function feeAmount(rule: FeeRule, quantities: FeeQuantities): number | null {
  const papers = positiveInteger(quantities.papers);
  switch (rule.kind) {
    case 'free':
      return 0;
    case 'per-dossier':
      return rule.amountVnd;
    case 'per-paper':
      return papers === null ? null : papers * rule.amountVnd;
    case 'per-page': {
      const pages = positiveInteger(quantities.pagesPerCopy);
      if (papers === null || pages === null) return null;
      const first = Math.min(pages, rule.firstPages) * rule.firstPagesVnd;
      const later = Math.max(pages - rule.firstPages, 0) * rule.laterPagesVnd;
      return papers * Math.min(first + later, rule.maxPerCopyVnd);
    }
    case 'unknown':
      return null;
  }
}

function positiveInteger(n: number | null): number | null {
  return n !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
}
