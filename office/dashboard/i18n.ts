import vi from '../locales/vi.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };

/**
 * The dashboard's strings: a plain dictionary (vi default, en), kept complete by
 * dashboard/i18n.test.ts. A full i18next instance would add nothing for server-side
 * pages that only need lookup and {{name}} interpolation.
 */
export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
const DICTIONARIES: Record<Lang, Record<string, string>> = { vi, en };

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = DICTIONARIES[lang][key] ?? DICTIONARIES.vi[key] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function parseLang(value: string | undefined | null): Lang | null {
  return value === 'vi' || value === 'en' ? value : null;
}

export const dictionaries = DICTIONARIES;
