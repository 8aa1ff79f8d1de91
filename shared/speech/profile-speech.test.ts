import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/procedures.ts';
import { validateOfficeProfile } from '../domain/profile-validation.ts';
import { testProfileInput } from '../domain/test-support.ts';

const withSpeech = (speech: unknown) => ({ ...structuredClone(testProfileInput()), speech });

describe('office profile: speech', () => {
  it('is optional, and takes a voice and the office’s abbreviations', () => {
    const none = validateOfficeProfile(testProfileInput(), CATALOGUE);
    expect(none.ok && none.profile.speech).toBeUndefined();
    const r = validateOfficeProfile(
      withSpeech({ voice: 'vi-vn-x-south', lexicon: { BPMC: 'Bộ phận một cửa' } }),
      CATALOGUE,
    );
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.profile.speech).toEqual({ voice: 'vi-vn-x-south', lexicon: { BPMC: 'Bộ phận một cửa' } });
  });

  it('defaults the voice to the Northern one', () => {
    const r = validateOfficeProfile(withSpeech({}), CATALOGUE);
    expect(r.ok && r.profile.speech?.voice).toBe('vi');
  });

  it('refuses an unknown voice, an entry with spaces, an empty reading and a plain word, saying where', () => {
    for (const [speech, path] of [
      [{ voice: 'en' }, 'speech.voice'],
      [{ lexicon: { 'BP MC': 'x' } }, 'speech.lexicon["BP MC"]'],
      [{ lexicon: { BPMC: ' ' } }, 'speech.lexicon.BPMC'],
      [{ lexicon: { xã: 'phường' } }, 'speech.lexicon["xã"]'],
    ] as const) {
      const r = validateOfficeProfile(withSpeech(speech), CATALOGUE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
    }
  });
});
