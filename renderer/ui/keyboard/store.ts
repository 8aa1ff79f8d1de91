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
}

/** Telex is what most Vietnamese type with, so it is the default. */
export const useKeyboardStore = create<KeyboardState>((set) => ({
  method: 'telex',
  visible: true,
  shift: false,
  setMethod: (method) => set({ method }),
  setVisible: (visible) => set({ visible }),
  toggleShift: () => set((s) => ({ shift: !s.shift })),
  releaseShift: () => set({ shift: false }),
}));
