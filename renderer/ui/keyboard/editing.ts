/**
 * Editing a text at its caret with the on-screen keyboard, as a pure function: the text, the
 * selection and one key give the new text and where the caret goes. Letters go through the
 * Telex/VNI composer on the word being typed; the tone keys mark the word the caret is in;
 * every edit moves the word's tone to where the rules put it. Output is NFC, and every
 * Vietnamese letter is one UTF-16 unit in NFC, so caret positions count letters.
 */
import { fold } from '../../../shared/forms/text.ts';
import { applyKey, reflowTone, toggleWordTone, type InputMethod, type ToneName } from './vietnamese-input.ts';

export type KeyPress =
  | { kind: 'char'; char: string }
  | { kind: 'tone'; tone: ToneName }
  | { kind: 'backspace' }
  | { kind: 'clear' }
  | { kind: 'left' }
  | { kind: 'right' };

export interface Selection {
  start: number;
  end: number;
}

export interface Edit {
  text: string;
  caret: number;
}

const WORD_END = /[\p{L}\p{M}]+$/u;
const WORD_START = /^[\p{L}\p{M}]+/u;

/** The word letters around `at`: [start, end) of the run of letters the caret touches. */
function wordAround(text: string, at: number): [number, number] {
  const before = WORD_END.exec(text.slice(0, at))?.[0].length ?? 0;
  const after = WORD_START.exec(text.slice(at))?.[0].length ?? 0;
  return [at - before, at + after];
}

/** The text with the tone of the word around `at` re-placed (the word's length never changes). */
function reflowAt(text: string, at: number): string {
  const [s, e] = wordAround(text, at);
  if (s === e) return text;
  return text.slice(0, s) + reflowTone(text.slice(s, e)) + text.slice(e);
}

function clamp(n: number, text: string): number {
  return Math.max(0, Math.min(n, text.length));
}

export function editAt(text: string, selection: Selection, press: KeyPress, method: InputMethod): Edit {
  const value = text.normalize('NFC');
  const start = clamp(Math.min(selection.start, selection.end), value);
  const end = clamp(Math.max(selection.start, selection.end), value);
  const before = value.slice(0, start);
  const after = value.slice(end);

  switch (press.kind) {
    case 'char': {
      // The composer sees the word up to the caret. When only final consonants follow the
      // caret ("hoa|n"), they belong to the syllable being typed and the tone is re-placed
      // over the whole word; when vowels follow ("Nguy|Ân", typing in front of a word), the
      // letters after the caret are another word in the making and are left alone.
      const typed = applyKey(before, press.char, method).normalize('NFC');
      const tail = WORD_START.exec(after)?.[0] ?? '';
      const text = /[aeiouy]/iu.test(fold(tail)) ? typed + after : reflowAt(typed + after, typed.length);
      return { text, caret: typed.length };
    }
    case 'tone': {
      if (start !== end) return { text: value, caret: end };
      const [s, e] = wordAround(value, start);
      const marked = s === e ? null : toggleWordTone(value.slice(s, e), press.tone);
      if (marked === null) return { text: value, caret: start };
      return { text: value.slice(0, s) + marked + value.slice(e), caret: start };
    }
    case 'backspace': {
      if (start !== end) return { text: reflowAt(before + after, start), caret: start };
      if (start === 0) return { text: value, caret: 0 };
      const kept = [...before].slice(0, -1).join('');
      return { text: reflowAt(kept + after, kept.length), caret: kept.length };
    }
    case 'clear':
      return { text: '', caret: 0 };
    case 'left':
      return { text: value, caret: start === end ? Math.max(0, start - 1) : start };
    case 'right':
      return { text: value, caret: start === end ? Math.min(value.length, end + 1) : end };
  }
}

/**
 * Where the caret goes once the field has normalised the edited text (a date gains its
 * slashes, a name its capitals): after the same text that followed it, so typing in the
 * middle keeps the caret in the middle.
 */
export function caretAfterNormalising(edited: Edit, stored: string): number {
  const tail = edited.text.length - edited.caret;
  return Math.max(0, stored.length - tail);
}
