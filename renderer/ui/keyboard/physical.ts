import { editAt, type Edit } from './editing.ts';
import { placeCaret, selectionOf, type TextField } from './caret.ts';
import type { InputMethod } from './vietnamese-input.ts';

/**
 * Physical-keyboard typing through the composer: a printable key is composed (Telex/VNI) at
 * the caret, like the on-screen keys; anything else (editing keys, shortcuts, an OS input
 * method mid-composition) keeps the browser's default. Returns the edit, or null to let the
 * browser handle the key.
 */
export function composeKeyDown(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>,
  field: { value: string; selectionStart: number | null; selectionEnd: number | null },
  method: InputMethod,
): Edit | null {
  if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if ([...e.key].length !== 1) return null;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  return editAt(field.value, { start, end }, { kind: 'char', char: e.key }, method);
}

/**
 * Types `text` (keys let through by the scanner detector) into a field at its caret through
 * the composer, as one browser edit: the field's own input handler stores it.
 */
export function typeIntoField(field: TextField, text: string, method: InputMethod): void {
  const before = field.value;
  let edit: Edit = { text: before, caret: selectionOf(field, before).end };
  let selection = selectionOf(field, before);
  for (const char of text) {
    edit = editAt(edit.text, selection, { kind: 'char', char }, method);
    selection = { start: edit.caret, end: edit.caret };
  }
  field.focus({ preventScroll: true });
  field.setSelectionRange(0, before.length);
  document.execCommand('insertText', false, edit.text);
  placeCaret(field, edit, before);
}
