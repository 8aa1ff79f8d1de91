import { editAt, caretAfterNormalising, type Edit, type KeyPress, type Selection } from './editing.ts';
import type { InputMethod } from './vietnamese-input.ts';

export type TextField = HTMLInputElement | HTMLTextAreaElement;
/** The field a keypad types into (a React ref, or any object whose `current` finds it). */
export interface TextFieldRef {
  readonly current: TextField | null;
}

/** Where the caret is in `field`, or the end of `value` when the field is not showing it. */
export function selectionOf(field: TextField | null, value: string): Selection {
  if (!field || field.value !== value || field.selectionStart === null) {
    return { start: value.length, end: value.length };
  }
  return { start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart };
}

/**
 * Puts the caret back where the edit left it once the field shows the stored value (a
 * controlled field re-rendered with a new value puts its caret at the end). Waits a few
 * frames for the render; the stored value may differ from the edit (a date gains slashes).
 */
export function placeCaret(field: TextField, edit: Edit, valueBefore: string): void {
  let frames = 0;
  const apply = () => {
    if (field.value === valueBefore && edit.text !== valueBefore && frames++ < 4) {
      requestAnimationFrame(apply);
      return;
    }
    const caret = caretAfterNormalising(edit, field.value);
    if (document.activeElement !== field) field.focus({ preventScroll: true });
    field.setSelectionRange(caret, caret);
  };
  requestAnimationFrame(apply);
}

/** One key pressed on an on-screen keypad: edits `value` at the field's caret. */
export function pressKey(
  target: TextFieldRef | undefined,
  value: string,
  onChange: (next: string) => void,
  press: KeyPress,
  method: InputMethod,
): void {
  const field = target?.current ?? null;
  const edit = editAt(value, selectionOf(field, value), press, method);
  if (edit.text !== value) onChange(edit.text);
  if (field) placeCaret(field, edit, value);
}
