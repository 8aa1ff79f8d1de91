/**
 * Where a person's physical keys go once the scanner detector has let them through: into
 * the focused wizard field through the same Telex/VNI composer as the on-screen keyboard,
 * or, for any other text box (a picker's search), inserted as typed.
 */
import { applyKey } from '../keyboard/vietnamese-input.ts';
import { useKeyboardStore } from '../keyboard/store.ts';
import { findField } from '../../../shared/forms/engine.ts';
import { composesVietnamese, normaliseTyped } from './field-input.ts';
import { formOf, useWizardStore } from './wizard-store.ts';

function isTextBox(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'checkbox');
}

export function typeIntoFocused(text: string): void {
  const el = document.activeElement;
  if (!isTextBox(el)) return;
  const fieldId = el.dataset.fieldId;
  const { session, setValue } = useWizardStore.getState();
  const field = fieldId ? formOf(session) && findField(formOf(session)!, fieldId) : undefined;
  if (!fieldId || !field || !session) {
    // Not a wizard field: the browser inserts it at the caret and fires the input event.
    document.execCommand('insertText', false, text);
    return;
  }
  const value = el.value;
  const start = el.selectionStart ?? value.length;
  const end = el.selectionEnd ?? value.length;
  let next: string;
  if (composesVietnamese(field.type) && start === value.length && end === value.length) {
    const method = useKeyboardStore.getState().method;
    next = [...text].reduce((acc, key) => applyKey(acc, key, method), value);
  } else {
    next = value.slice(0, start) + text + value.slice(end);
  }
  setValue(fieldId, normaliseTyped(field.type, next));
}
