/**
 * Where a person's physical keys go once the scanner detector has let them through: into
 * the focused text box at its caret, through the same Telex/VNI composer as the on-screen
 * keyboard where the box takes Vietnamese (a wizard's text field, a picker's filter), typed
 * literally where it does not (numbers, dates, an e-mail address). The box's own input
 * handler stores the result, with its format.
 */
import { typeIntoField, useKeyboardStore } from '../../ui/index.ts';
import { findField } from '../../../shared/forms/engine.ts';
import { composesVietnamese } from './field-input.ts';
import { formOf, useWizardStore } from './wizard-store.ts';

function isTextBox(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'checkbox');
}

export function typeIntoFocused(text: string): void {
  const el = document.activeElement;
  if (!isTextBox(el)) return;
  const fieldId = el.dataset.fieldId;
  const form = formOf(useWizardStore.getState().session);
  const field = fieldId && form ? findField(form, fieldId) : undefined;
  const composes = field ? composesVietnamese(field.type) : el.type === 'search' || el.type === 'text';
  typeIntoField(el, text, composes ? useKeyboardStore.getState().method : 'off');
}
