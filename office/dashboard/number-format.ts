import type { Lang } from './i18n.ts';

/**
 * Numbers in the language's own style, as the rest of the project writes them
 * (Intl, vi-VN / en-GB): Vietnamese "12,5%" and "1.234", English "12.5%" and "1,234".
 */
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A share (0..1) as a percentage with at most one decimal; "—" when there is none. */
export function formatPercent(fraction: number | null | undefined, lang: Lang): string {
  if (fraction == null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A count or a number of minutes, at most one decimal; "—" when there is none. */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value == null) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(value);
}
