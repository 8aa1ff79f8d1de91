import { describe, expect, it } from 'vitest';
import { dictionaries, t } from './i18n.ts';
import { html, escapeHtml } from './html.ts';
import { DOSSIER_STATUSES } from '../../shared/domain/dossier.ts';
import { REFORM_MODEL_IDS } from '../../shared/domain/reform-model.ts';

describe('dashboard strings', () => {
  it('has the same keys in vi and en, none empty', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.vi).sort());
    for (const d of Object.values(dictionaries))
      for (const v of Object.values(d)) expect(v.trim()).not.toBe('');
  });
  it('names every status and model in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const s of DOSSIER_STATUSES) expect(dictionaries[lang][`status.${s}`]).toBeTruthy();
      for (const m of REFORM_MODEL_IDS) expect(dictionaries[lang][`model.${m}`]).toBeTruthy();
    }
    expect(t('vi', 'dossier.title', { code: 'X-1' })).toBe('Hồ sơ X-1');
  });
  it('escapes every interpolation', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(html`<p title="${'"><script>'}">${['<i>', html`<b>ok</b>`]}</p>`.text).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;i&gt;<b>ok</b></p>',
    );
  });
});
