import { applyKey, type InputMethod } from './vietnamese-input.ts';

/**
 * Physical-keyboard typing through the composer: a printable key with the caret at the end
 * of the field is composed (Telex/VNI); anything else (editing keys, shortcuts, an OS input
 * method mid-composition, typing in the middle of the text) keeps the browser's default.
 * Returns the new text, or null to let the browser handle the key.
 */
export function composeKeyDown(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>,
  field: { value: string; selectionStart: number | null; selectionEnd: number | null },
  method: InputMethod,
): string | null {
  if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if ([...e.key].length !== 1) return null;
  const end = field.value.length;
  if (field.selectionStart !== end || field.selectionEnd !== end) return null;
  return applyKey(field.value, e.key, method);
}
