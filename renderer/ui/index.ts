/**
 * Shared UI components, used by every feature: the keypads (one base under the Vietnamese
 * keyboard, the number keypad, the dossier-code keypad and the PIN pad), the dialog and the
 * PIN form, and the typing logic behind the keyboards.
 */
import './ui.css';

export { Keypad, type KeyDef } from './keypad/Keypad.tsx';
export { NumericKeypad } from './keypad/NumericKeypad.tsx';
export { CodeKeypad } from './keypad/CodeKeypad.tsx';
export { PinPad } from './keypad/PinPad.tsx';
export { VietnameseKeyboard } from './keyboard/VietnameseKeyboard.tsx';
export { useKeyboardStore } from './keyboard/store.ts';
export { composeKeyDown, typeIntoField } from './keyboard/physical.ts';
export { placeCaret, type TextField, type TextFieldRef } from './keyboard/caret.ts';
export { applyKey, type InputMethod } from './keyboard/vietnamese-input.ts';
export { Dialog } from './Dialog.tsx';
export { PinForm, type PinEntry } from './PinForm.tsx';
