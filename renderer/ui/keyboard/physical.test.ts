import { describe, expect, it } from 'vitest';
import { composeKeyDown } from './physical.ts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  ...extra,
});
const at = (value: string, caret = value.length) => ({ value, selectionStart: caret, selectionEnd: caret });

describe('composeKeyDown', () => {
  it('composes printable keys typed at the end', () => {
    expect(composeKeyDown(key('s'), at('kha'), 'telex')).toEqual({ text: 'khá', caret: 3 });
    expect(composeKeyDown(key('1'), at('kha'), 'vni')).toEqual({ text: 'khá', caret: 3 });
  });
  it('composes at the caret in the middle of the text', () => {
    expect(composeKeyDown(key('e'), at('Nguyen Van', 5), 'telex')).toEqual({ text: 'Nguyên Van', caret: 5 });
    expect(composeKeyDown(key('x'), at('Nguyên Van', 5), 'telex')).toEqual({ text: 'Nguyễn Van', caret: 5 });
  });
  it('leaves editing keys, shortcuts and OS input methods to the browser', () => {
    expect(composeKeyDown(key('Backspace'), at('abc'), 'telex')).toBeNull();
    expect(composeKeyDown(key('a', { ctrlKey: true }), at('abc'), 'telex')).toBeNull();
    expect(composeKeyDown(key('s', { isComposing: true }), at('abc'), 'telex')).toBeNull();
  });
});
