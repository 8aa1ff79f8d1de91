import { afterEach, describe, expect, it } from 'vitest';
import { useKeyboardStore } from '../../ui/index.ts';
import { useShellStore } from './store.ts';

describe('the end of a citizen session', () => {
  afterEach(() => useShellStore.getState().resetSession());

  it('gives the next citizen the keyboard a new citizen finds: Telex, shown, no shift', () => {
    const keyboard = useKeyboardStore.getState();
    keyboard.setMethod('vni');
    keyboard.setVisible(false);
    keyboard.toggleShift();
    useShellStore.getState().setLanguage('en');
    useShellStore.getState().resetSession();
    expect(useKeyboardStore.getState()).toMatchObject({ method: 'telex', visible: true, shift: false });
    expect(useShellStore.getState()).toMatchObject({
      language: 'vi',
      largeText: false,
      screen: { name: 'today' },
    });
  });
});
