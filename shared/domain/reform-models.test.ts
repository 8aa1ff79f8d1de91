import { describe, expect, it } from 'vitest';
import { REFORM_MODEL_IDS } from './reform-model.ts';
import { REFORM_MODELS, REFORM_MODEL_LIST } from './reform-models.ts';

describe('REFORM_MODELS', () => {
  it('describes every model id in both languages with a source', () => {
    expect(REFORM_MODEL_LIST.map((m) => m.id)).toEqual([...REFORM_MODEL_IDS]);
    for (const id of REFORM_MODEL_IDS) {
      const m = REFORM_MODELS[id];
      expect(m.id).toBe(id);
      for (const t of [m.name, m.explanation]) {
        expect(t.vi.trim().length).toBeGreaterThan(0);
        expect(t.en.trim().length).toBeGreaterThan(0);
        expect(t.vi).toBe(t.vi.normalize('NFC'));
      }
      expect(m.source.length).toBeGreaterThan(10);
    }
  });
});
