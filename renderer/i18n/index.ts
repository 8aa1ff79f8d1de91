import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json';
import en from './locales/en.json';
import type { Language } from '../../shared/domain/localised.ts';

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

/** Vietnamese is the default and the fallback: a missing English string shows in Vietnamese, never as a key. */
export function initI18n(language: Language = 'vi') {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
