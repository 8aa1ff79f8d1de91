/**
 * How each field type is typed on the touch screen. Pure helpers, unit-tested: the
 * components only wire them to buttons.
 */
import type { FieldDef, FieldType } from '../../../shared/forms/model.ts';
import { capitalisesWords } from '../../../shared/forms/engine.ts';
import { capitaliseWords } from '../../../shared/forms/text.ts';

export type InputKind = 'text' | 'digits' | 'date' | 'time' | 'choice' | 'province' | 'commune' | 'checkbox';

export function inputKindOf(type: FieldType): InputKind {
  switch (type) {
    case 'number':
    case 'personal-id':
    case 'phone':
      return 'digits';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'select':
    case 'sex':
      return 'choice';
    case 'province':
      return 'province';
    case 'commune':
      return 'commune';
    case 'checkbox':
      return 'checkbox';
    default:
      return 'text';
  }
}

/** Text typed through the Telex/VNI composer (an e-mail address is typed literally). */
export function composesVietnamese(type: FieldType): boolean {
  return inputKindOf(type) === 'text' && type !== 'email';
}

/** Longest run of digits a digits field accepts (an ID number is 12; a phone 10–11, +84 aside). */
export function maxDigits(type: FieldType): number {
  if (type === 'personal-id') return 12;
  if (type === 'phone') return 11;
  return 9;
}

/**
 * dd/mm/yyyy as it is typed: only digits count and the slashes appear by themselves
 * ("1503" → "15/03", "15031995" → "15/03/1995"); deleting a digit never leaves a stray slash.
 */
export function formatDateTyping(text: string): string {
  const d = text.replace(/\D/g, '').slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** HH:mm as it is typed ("0930" → "09:30"). */
export function formatTimeTyping(text: string): string {
  const d = text.replace(/\D/g, '').slice(0, 4);
  return d.length <= 2 ? d : `${d.slice(0, 2)}:${d.slice(2)}`;
}

/** What a digits field keeps of typed text: digits only, at most `maxDigits`. */
export function formatDigitsTyping(text: string, type: FieldType): string {
  return text.replace(/\D/g, '').slice(0, maxDigits(type));
}

/** The value to store for text typed or pasted into this field. */
export function normaliseTyped(field: Pick<FieldDef, 'type' | 'capitalise'>, text: string): string {
  switch (inputKindOf(field.type)) {
    case 'date':
      return formatDateTyping(text);
    case 'time':
      return formatTimeTyping(text);
    case 'digits':
      return formatDigitsTyping(text, field.type);
    default:
      return capitalisesWords(field as FieldDef) ? capitaliseWords(text) : text.normalize('NFC');
  }
}
