import { describe, expect, it } from 'vitest';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { ensureLanguage, initI18n } from './index.ts';
import { resources } from './resources.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('locales', () => {
  it('vi and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
  it('no string is empty', () => {
    for (const [name, lang] of Object.entries({ vi, en })) {
      const flat = keys(lang);
      for (const k of flat) {
        const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], lang);
        expect(typeof value === 'string' && value.trim().length > 0, `${name}:${k}`).toBe(true);
      }
    }
  });
});

describe('languages loaded on demand', () => {
  it('both languages have the same namespaces', () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.vi).sort());
  });
  it('starts with Vietnamese alone and adds English when it is chosen', async () => {
    const i18n = initI18n('vi');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.t('app.kioskName', { lng: 'en' })).toBe(vi.app.kioskName);
    await ensureLanguage(i18n, 'en');
    for (const ns of Object.keys(resources.en)) expect(i18n.hasResourceBundle('en', ns), ns).toBe(true);
    await i18n.changeLanguage('en');
    expect(i18n.t('app.kioskName')).toBe(en.app.kioskName);
  });
});
