import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/localised.ts';
import { viResources } from './resources-vi.ts';

type Bundles = { vi: typeof viResources } & Partial<Record<Exclude<Language, 'vi'>, Record<string, object>>>;

/**
 * Vietnamese is the default and the fallback: a missing English string shows in Vietnamese,
 * never as a key. Only the bundles given are loaded (Vietnamese alone at start, so the first
 * frame does not carry the English strings); ensureLanguage adds the others when chosen.
 */
export function initI18n(language: Language = 'vi', bundles: Bundles = { vi: viResources }) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: bundles,
    lng: language,
    fallbackLng: 'vi',
    ns: Object.keys(viResources),
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Loads a language's strings into the instance if they are not there yet. */
export async function ensureLanguage(instance: I18n, language: Language): Promise<void> {
  if (language === 'vi' || instance.hasResourceBundle(language, 'translation')) return;
  const { enResources } = await import('./resources-en.ts');
  for (const [ns, strings] of Object.entries(enResources)) instance.addResourceBundle(language, ns, strings);
}
