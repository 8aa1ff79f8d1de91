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
    expect(composeKeyDown(key('s'), at('kha'), 'telex')).toBe('khá');
    expect(composeKeyDown(key('1'), at('kha'), 'vni')).toBe('khá');
  });
  it('leaves editing keys, shortcuts and mid-text typing to the browser', () => {
    expect(composeKeyDown(key('Backspace'), at('abc'), 'telex')).toBeNull();
    expect(composeKeyDown(key('a', { ctrlKey: true }), at('abc'), 'telex')).toBeNull();
    expect(composeKeyDown(key('s'), at('abc', 1), 'telex')).toBeNull();
    expect(composeKeyDown(key('s', { isComposing: true }), at('abc'), 'telex')).toBeNull();
  });
});
