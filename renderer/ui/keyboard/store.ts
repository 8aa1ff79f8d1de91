import { create } from 'zustand';
import type { InputMethod } from './vietnamese-input.ts';

interface KeyboardState {
  method: Exclude<InputMethod, 'off'>;
  visible: boolean;
  shift: boolean;
  setMethod(method: Exclude<InputMethod, 'off'>): void;
  setVisible(visible: boolean): void;
  toggleShift(): void;
  releaseShift(): void;
  /** Back to what a new citizen finds (Telex, shown, no shift): the session ended. */
  reset(): void;
}

const START = { method: 'telex', visible: true, shift: false } as const;

/** Telex is what most Vietnamese type with, so it is the default. */
export const useKeyboardStore = create<KeyboardState>((set) => ({
  ...START,
  setMethod: (method) => set({ method }),
  setVisible: (visible) => set({ visible }),
  toggleShift: () => set((s) => ({ shift: !s.shift })),
  releaseShift: () => set({ shift: false }),
  reset: () => set(START),
}));
